package org.painlab.trial.ui.internal.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.instrument.Item;
import org.painlab.trial.instrument.Score;

/**
 * A data-entry form generated from an instrument's items: a text field for scales, a
 * drop-down for coded items, validation as the user types (the field's message names the
 * valid values), and a live score line.
 */
public final class InstrumentForm {
    /** Told whenever a value or its validity changes. */
    public interface Listener {
        void changed(InstrumentForm form);
    }

    private final Instrument instrument;
    private final Composite body;
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private final Map<String, Label> messages = new LinkedHashMap<>();
    private final Label scoreLine;
    private Listener listener = f -> { };
    private boolean filling;

    public InstrumentForm(Composite parent, Instrument instrument) {
        this.instrument = instrument;
        body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(3, false));
        for (Item item : instrument.items()) {
            Label label = new Label(body, SWT.WRAP);
            label.setText(item.label() + (item.required() ? " *" : ""));
            GridData ld = new GridData(SWT.FILL, SWT.CENTER, false, false);
            ld.widthHint = 320;
            label.setLayoutData(ld);
            Control field;
            if (!item.choices().isEmpty()) {
                Combo combo = new Combo(body, SWT.READ_ONLY | SWT.DROP_DOWN);
                combo.add("");
                item.choices().forEach((v, l) -> combo.add(format(v) + " = " + l));
                combo.addModifyListener(e -> fieldChanged(item));
                field = combo;
            } else {
                Text text = new Text(body, SWT.BORDER);
                text.setMessage(format(item.min()) + " to " + format(item.max()));
                text.addModifyListener(e -> fieldChanged(item));
                field = text;
            }
            field.setData("item", item.id());
            field.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
            ((GridData) field.getLayoutData()).widthHint = 160;
            fields.put(item.id(), field);
            Label message = new Label(body, SWT.NONE);
            message.setForeground(body.getDisplay().getSystemColor(SWT.COLOR_RED));
            message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            messages.put(item.id(), message);
        }
        scoreLine = new Label(body, SWT.NONE);
        GridData sd = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        scoreLine.setLayoutData(sd);
        updateScore();
    }

    public Composite control() {
        return body;
    }

    public Instrument instrument() {
        return instrument;
    }

    public void setListener(Listener l) {
        listener = Objects.requireNonNull(l);
    }

    /** Shows {@code answers} (item id to value; missing items stay empty). */
    public void setValues(Map<String, Double> answers) {
        filling = true;
        try {
            for (Item item : instrument.items()) {
                Control c = fields.get(item.id());
                Double v = answers.get(item.id());
                if (c instanceof Combo combo) {
                    int index = 0;
                    if (v != null) {
                        List<Double> keys = List.copyOf(item.choices().keySet());
                        index = keys.indexOf(v) + 1;
                    }
                    combo.select(Math.max(index, 0));
                } else if (c instanceof Text text) {
                    text.setText(v == null ? "" : format(v));
                }
                validate(item);
            }
        } finally {
            filling = false;
        }
        updateScore();
    }

    /** The valid values entered; invalid and empty fields are left out. */
    public Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Item item : instrument.items()) {
            Double v = parse(item);
            if (v != null && item.isValid(v)) {
                out.put(item.id(), v);
            }
        }
        return out;
    }

    /** Problems per item id, for fields whose text is not a valid answer. */
    public Map<String, String> problems() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Item item : instrument.items()) {
            String p = problem(item);
            if (p != null) {
                out.put(item.id(), p);
            }
        }
        return out;
    }

    /** Sets the text of one field as a user would type it (also used by tests). */
    public void type(String itemId, String text) {
        Control c = fields.get(itemId);
        if (c instanceof Text t) {
            t.setText(text);
        } else if (c instanceof Combo combo) {
            int i = combo.indexOf(text);
            combo.select(i < 0 ? 0 : i);
        }
    }

    /** The message shown next to a field (empty when valid). */
    public String messageOf(String itemId) {
        return messages.get(itemId).getText();
    }

    public String scoreText() {
        return scoreLine.getText();
    }

    private void fieldChanged(Item item) {
        if (filling) {
            return;
        }
        validate(item);
        updateScore();
        listener.changed(this);
    }

    private void validate(Item item) {
        String p = problem(item);
        Label m = messages.get(item.id());
        m.setText(p == null ? "" : p);
        m.getParent().layout(new Control[] { m });
    }

    private String problem(Item item) {
        String raw = rawText(item);
        if (raw.isEmpty()) {
            return null;
        }
        Double v = parse(item);
        if (v == null) {
            return "not a number; expected " + item.validValues();
        }
        return item.problemWith(v);
    }

    private String rawText(Item item) {
        Control c = fields.get(item.id());
        if (c instanceof Combo combo) {
            return combo.getSelectionIndex() <= 0 ? "" : combo.getText();
        }
        return ((Text) c).getText().trim();
    }

    private Double parse(Item item) {
        Control c = fields.get(item.id());
        if (c instanceof Combo combo) {
            int i = combo.getSelectionIndex();
            return i <= 0 ? null : List.copyOf(item.choices().keySet()).get(i - 1);
        }
        String s = ((Text) c).getText().trim().replace(',', '.');
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void updateScore() {
        if (!problems().isEmpty()) {
            scoreLine.setText("Score: fix the fields marked in red");
            return;
        }
        try {
            Score s = instrument.score(values());
            scoreLine.setText("Score: " + format(s.score()) + (s.band() != null ? " (" + s.band() + ")" : "")
                    + (s.missingItems().isEmpty() ? "" : "   missing: " + String.join(", ", s.missingItems())));
        } catch (IllegalArgumentException e) {
            scoreLine.setText("Score: " + e.getMessage());
        }
    }

    static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(Math.round(v * 1000) / 1000.0);
    }
}
