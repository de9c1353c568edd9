package org.painlab.mechanism.ui.internal.views;

import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.mechanism.ui.internal.model.Bodies;

/**
 * Shows a stored steady state (analysis org.painlab.mechanism.steady): its stability, the value and remaining rate
 * of every state and the other variables, the eigenvalues and how it was found, from the stored body's table.
 */
public final class SteadyStateResultDialog extends TitleAreaDialog {
    private final long resultId;
    private final Map<String, Object> body;
    private DataGrid<List<String>> grid;

    public SteadyStateResultDialog(Shell shell, long resultId, Map<String, Object> body) {
        super(shell);
        this.resultId = resultId;
        this.body = body;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MODELESS);
        setBlockOnOpen(false);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Map<?, ?> table = Bodies.map(Bodies.list(body.get("tables")).isEmpty() ? null : Bodies.list(body.get("tables")).get(0));
        setTitle(Bodies.text(table, "title"));
        setMessage("Stored as result " + resultId + " (analysis org.painlab.mechanism.steady).");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        GridData cd = new GridData(SWT.FILL, SWT.FILL, true, true);
        cd.heightHint = 380;
        cd.widthHint = 620;
        c.setLayoutData(cd);
        c.setLayout(new GridLayout(1, false));
        List<?> header = Bodies.list(table.get("header"));
        DataGrid.Builder<List<String>> b = DataGrid.<List<String>>builder().name("Steady state");
        for (int i = 0; i < header.size(); i++) {
            int col = i;
            // the rate left at a steady state is tiny (1e-12): shown as written, not rounded to 0.00
            b.column(i == 1 ? ColumnSpec.number("c" + i, header.get(i).toString(), r -> numberOrText(r.get(col)))
                    : ColumnSpec.text("c" + i, header.get(i).toString(), r -> r.get(col)));
        }
        grid = b.width("c0", 180).width("c1", 110).width("c2", 110).build(c);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        grid.setRows(Bodies.list(table.get("rows")).stream().map(r -> Bodies.list(r).stream().map(String::valueOf).toList()).toList());
        for (Object note : Bodies.list(table.get("footnotes"))) {
            Label l = new Label(c, SWT.WRAP);
            l.setText(note.toString());
            GridData ld = new GridData(SWT.FILL, SWT.CENTER, true, false);
            ld.widthHint = 600;
            l.setLayoutData(ld);
        }
        return area;
    }

    private static Object numberOrText(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return s;
        }
    }

    /** The table shown (tests). */
    public DataGrid<List<String>> grid() {
        return grid;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
