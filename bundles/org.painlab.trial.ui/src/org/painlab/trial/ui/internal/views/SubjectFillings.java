package org.painlab.trial.ui.internal.views;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.painlab.trial.store.Observation;
import org.painlab.trial.store.VisitDefinition;

/**
 * Data Entry's read-only list of one subject's repeated and per-visit forms at the chosen visit
 * (with those whose visit the study does not define, e.g. a project without events), one line per
 * value, and a link to the Repeated Forms view. Hidden when the subject has none.
 */
final class SubjectFillings {
    private static final String[] HEADERS = { "Visit", "Form", "Instance", "Field", "Value" };
    private static final int[] WIDTHS = { 80, 90, 72, 110, 110 };

    private final Group group;
    private final Label summary;
    private final Table table;

    SubjectFillings(Composite parent, Runnable openView) {
        group = new Group(parent, SWT.NONE);
        group.setText("Repeated and per-visit forms (read-only)");
        group.setLayout(new GridLayout(2, false));
        summary = new Label(group, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Link link = new Link(group, SWT.NONE);
        link.setText("<a>Open in Repeated Forms</a>");
        link.setToolTipText("All of this subject's fillings, one form at a time, in the Repeated Forms view");
        link.addListener(SWT.Selection, e -> openView.run());
        table = new Table(group, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        tableData.heightHint = 130;
        table.setLayoutData(tableData);
        for (int i = 0; i < HEADERS.length; i++) {
            TableColumn col = new TableColumn(table, i == 2 ? SWT.RIGHT : SWT.LEFT);
            col.setText(HEADERS[i]);
            col.setWidth(WIDTHS[i]);
        }
    }

    static GridData layoutData(int span) {
        return new GridData(SWT.FILL, SWT.FILL, true, false, span, 1);
    }

    Composite control() {
        return group;
    }

    /**
     * Lists the subject's values at {@code visit}, and those at visits the study does not define.
     *
     * @param subjectId the subject, or null
     * @param visit the chosen visit, or null
     * @param visits the study's visits
     * @param observations the subject's observations
     */
    void show(String subjectId, VisitDefinition visit, List<VisitDefinition> visits, List<Observation> observations) {
        table.removeAll();
        Set<String> defined = new HashSet<>();
        visits.forEach(v -> defined.add(v.id()));
        List<Observation> here = new ArrayList<>();
        Set<String> elsewhere = new HashSet<>();
        Set<String> fillingsHere = new HashSet<>();
        for (Observation o : observations) {
            if (!defined.contains(o.visit()) || visit != null && visit.id().equals(o.visit())) {
                here.add(o);
                fillingsHere.add(o.form() + "/" + o.visit() + "/" + o.instance());
            } else {
                elsewhere.add(o.form() + "/" + o.visit() + "/" + o.instance());
            }
        }
        for (Observation o : here) {
            TableItem item = new TableItem(table, SWT.NONE);
            String visitText = visit != null && visit.id().equals(o.visit()) ? visit.label() : o.visit();
            item.setText(new String[] { visitText, o.form(), o.instance() == 0 ? "" : Integer.toString(o.instance()), o.field(), o.text() });
        }
        String at = visit == null ? "" : " at " + visit.label();
        summary.setText("Subject " + subjectId + at + ": " + fillingsHere.size() + " filled form(s), " + here.size() + " value(s)"
                + (elsewhere.isEmpty() ? "" : "; " + elsewhere.size() + " more filled form(s) at other visits"));
        boolean any = !observations.isEmpty();
        ((GridData) group.getLayoutData()).exclude = !any;
        group.setVisible(any);
        group.getParent().layout(true, true);
    }

    /** The lines shown: visit, form, instance, field, value. */
    List<String[]> lines() {
        List<String[]> out = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            String[] row = new String[HEADERS.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = item.getText(i);
            }
            out.add(row);
        }
        return out;
    }

    /** The summary line above the list. */
    String summary() {
        return summary.getText();
    }

    boolean visible() {
        return group.getVisible();
    }
}
