package org.painlab.mechanism.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.painlab.mechanism.ui.internal.model.Equations;
import org.painlab.mechanism.ui.internal.model.LoadedModel;

/** The selected model as equations: d[X]/dt = ... per state, rate laws, rules, functions and events. */
public final class EquationsView extends ViewPart {
    public static final String ID = "org.painlab.mechanism.ui.equations";
    private StyledText text;
    private ModelFollower follower;

    @Override
    public void createPartControl(Composite parent) {
        text = new StyledText(parent, SWT.READ_ONLY | SWT.H_SCROLL | SWT.V_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        text.setMargins(8, 6, 8, 6);
        text.setText("Select a model in the Model Outline.");
        follower = new ModelFollower(getSite().getPage(), this::show);
    }

    /** Shows the equations of {@code lm}. */
    public void show(LoadedModel lm) {
        if (text.isDisposed()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        List<StyleRange> bold = new ArrayList<>();
        String head = lm.label() + (lm.notes().timeUnits().isEmpty() ? "" : "   (time unit: " + lm.notes().timeUnits() + ")");
        bold.add(new StyleRange(0, head.length(), null, null, SWT.BOLD));
        b.append(head).append("\n\n");
        for (Map.Entry<String, List<String>> e : Equations.of(lm.model()).entrySet()) {
            bold.add(new StyleRange(b.length(), e.getKey().length(), null, null, SWT.BOLD));
            b.append(e.getKey()).append('\n');
            e.getValue().forEach(l -> b.append("  ").append(l).append('\n'));
            b.append('\n');
        }
        text.setText(b.toString());
        text.setStyleRanges(bold.toArray(StyleRange[]::new));
        setContentDescription(lm.label());
    }

    /** The text shown. */
    public String text() {
        return text.getText();
    }

    @Override
    public void setFocus() {
        text.setFocus();
    }

    @Override
    public void dispose() {
        if (follower != null) {
            follower.dispose();
        }
        super.dispose();
    }
}
