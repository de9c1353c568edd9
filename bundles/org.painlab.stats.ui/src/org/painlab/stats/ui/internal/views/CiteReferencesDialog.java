package org.painlab.stats.ui.internal.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.painlab.core.cite.CitableReference;
import org.painlab.stats.ui.internal.model.AnalysisSession.Citing;

/**
 * Chooses references of the study's library (listed through core's citation contract, whichever plugin
 * keeps them) for the report: for the statistical methods and for each variable, ticked in one list
 * that follows the place chosen above it, and the citation style.
 */
public final class CiteReferencesDialog extends Dialog {
    /** The place name of the statistical methods in the "Cite for" list. */
    public static final String METHODS = "Statistical methods";

    private final List<CitableReference> library;
    private final List<String> styles;
    private final List<String> variables;
    private final Consumer<Citing> onOk;
    private final Map<String, Set<String>> chosen = new LinkedHashMap<>();
    private String style;
    private Combo place;
    private Combo styleBox;
    private Table table;
    private Label summary;

    /**
     * @param shell the parent shell
     * @param library the citable references
     * @param styles the styles offered
     * @param variables the report's variables, in table order
     * @param current what the report cites now
     * @param onOk receives the choice when the user presses OK
     */
    public CiteReferencesDialog(Shell shell, List<CitableReference> library, List<String> styles, List<String> variables,
            Citing current, Consumer<Citing> onOk) {
        super(shell);
        this.library = List.copyOf(library);
        this.styles = List.copyOf(styles);
        this.variables = List.copyOf(variables);
        this.onOk = onOk;
        chosen.put(METHODS, new LinkedHashSet<>(current.methods()));
        for (String v : variables) {
            chosen.put(v, new LinkedHashSet<>(current.variables().getOrDefault(v, List.of())));
        }
        style = current.style();
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Cite References");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite c = (Composite) super.createDialogArea(parent);
        c.setLayout(new GridLayout(4, false));
        Label intro = new Label(c, SWT.WRAP);
        intro.setText("Tick the references of the study's library to cite. The report prints their in-text citations "
                + "(after the methods sentence, or after a variable's label) and a References section.");
        GridData id = new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1);
        id.widthHint = 640;
        intro.setLayoutData(id);
        new Label(c, SWT.NONE).setText("Cite for:");
        place = new Combo(c, SWT.READ_ONLY);
        place.setItems(chosen.keySet().toArray(String[]::new));
        place.select(0);
        place.addListener(SWT.Selection, e -> fill());
        new Label(c, SWT.NONE).setText("   Style:");
        styleBox = new Combo(c, SWT.READ_ONLY);
        List<String> offered = new ArrayList<>(styles);
        if (!offered.contains(style)) {
            offered.add(0, style);
        }
        styleBox.setItems(offered.toArray(String[]::new));
        styleBox.select(offered.indexOf(style));
        styleBox.addListener(SWT.Selection, e -> style = styleBox.getText());
        table = new Table(c, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
        td.heightHint = 260;
        table.setLayoutData(td);
        TableColumn key = new TableColumn(table, SWT.NONE);
        key.setText("Key");
        key.setWidth(130);
        TableColumn label = new TableColumn(table, SWT.NONE);
        label.setText("Reference");
        label.setWidth(520);
        for (CitableReference r : library) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { r.key(), r.label() });
            item.setData(r.key());
        }
        table.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK && e.item instanceof TableItem item) {
                check((String) item.getData(), item.getChecked());
            }
        });
        summary = new Label(c, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        fill();
        return c;
    }

    /** Ticks the references of the place chosen. */
    private void fill() {
        Set<String> keys = chosen.get(place.getText());
        for (TableItem item : table.getItems()) {
            item.setChecked(keys.contains((String) item.getData()));
        }
        showSummary();
    }

    private void showSummary() {
        List<String> parts = new ArrayList<>();
        chosen.forEach((p, keys) -> {
            if (!keys.isEmpty()) {
                parts.add(p + ": " + String.join(", ", keys));
            }
        });
        summary.setText(parts.isEmpty() ? "Nothing cited." : "Cited: " + String.join("; ", parts));
        summary.getParent().layout();
    }

    /** Chooses the place the list ticks for: {@link #METHODS} or a variable, as the user would. */
    public void choosePlace(String name) {
        int i = List.of(place.getItems()).indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no place '" + name + "' (places: " + String.join(", ", place.getItems()) + ")");
        }
        place.select(i);
        fill();
    }

    /** Ticks or unticks a reference for the place chosen, as the user would. */
    public void check(String key, boolean cited) {
        Set<String> keys = chosen.get(place.getText());
        if (cited) {
            keys.add(key);
        } else {
            keys.remove(key);
        }
        for (TableItem item : table.getItems()) {
            if (key.equals(item.getData())) {
                item.setChecked(cited);
            }
        }
        showSummary();
    }

    /** Chooses the style, as the user would. */
    public void chooseStyle(String name) {
        int i = List.of(styleBox.getItems()).indexOf(name);
        if (i >= 0) {
            styleBox.select(i);
            style = name;
        }
    }

    /** @return the choice as it stands */
    public Citing choice() {
        Map<String, List<String>> byVariable = new LinkedHashMap<>();
        for (String v : variables) {
            byVariable.put(v, List.copyOf(chosen.get(v)));
        }
        return new Citing(List.copyOf(chosen.get(METHODS)), byVariable, style);
    }

    /** @return the keys listed */
    public List<String> listed() {
        List<String> out = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            out.add((String) item.getData());
        }
        return out;
    }

    @Override
    public void okPressed() {
        Citing c = choice();
        super.okPressed();
        onOk.accept(c);
    }
}
