package org.painlab.trial.ui.internal.dialogs;

import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.painlab.trial.randomization.Allocation;
import org.painlab.trial.randomization.AllocationList;
import org.painlab.trial.randomization.AllocationRequest;
import org.painlab.trial.randomization.Randomizer;

/**
 * Generates a seeded allocation list (permuted blocks with random block sizes, or simple
 * randomization) with a live preview; the caller stores and locks the accepted list.
 */
public final class RandomizationDialog extends TitleAreaDialog {
    private static final int PREVIEW_ROWS = 200;
    private final List<String> arms;
    private Text n;
    private Text ratio;
    private Text blocks;
    private Text seed;
    private Table preview;
    private Label balance;
    private AllocationList result;

    public RandomizationDialog(Shell parent, List<String> arms) {
        super(parent);
        this.arms = List.copyOf(arms);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Generate the allocation list");
        setMessage("The list is stored locked; each allocation is revealed only when a subject is enrolled.");
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        n = field(c, "Number of allocations:", "100");
        field(c, "Arms:", String.join(",", arms)).setEnabled(false);
        ratio = field(c, "Ratio:", arms.size() == 2 ? "1:1" : String.join(":", arms.stream().map(a -> "1").toList()));
        blocks = field(c, "Block sizes (empty = simple):", "4,6");
        seed = field(c, "Seed:", Long.toString(System.currentTimeMillis() % 1_000_000));
        balance = new Label(c, SWT.NONE);
        balance.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        preview = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        preview.setHeaderVisible(true);
        for (String h : new String[] { "Seq", "Arm", "Block" }) {
            TableColumn col = new TableColumn(preview, SWT.LEFT);
            col.setText(h);
            col.setWidth(90);
        }
        GridData pd = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        pd.heightHint = 260;
        preview.setLayoutData(pd);
        for (Text t : new Text[] { n, ratio, blocks, seed }) {
            t.addModifyListener(e -> update());
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Generate and lock", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        update();
    }

    private static Text field(Composite c, String label, String value) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setText(value);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return t;
    }

    private void update() {
        if (preview == null || getButton(IDialogConstants.OK_ID) == null) {
            return;
        }
        preview.removeAll();
        result = null;
        try {
            AllocationRequest.Builder b = AllocationRequest.builder().n(Integer.parseInt(n.getText().trim()))
                    .arms(arms).ratio(ratio.getText().trim()).seed(Long.parseLong(seed.getText().trim()));
            if (blocks.getText().isBlank()) {
                b.method(AllocationRequest.Method.SIMPLE);
            } else {
                b.blockSizes(AllocationRequest.parseBlockSizes(blocks.getText().trim()))
                        .method(AllocationRequest.Method.PERMUTED_BLOCKS);
            }
            result = Randomizer.allocate(b.build());
            for (Allocation a : result.allocations().subList(0, Math.min(PREVIEW_ROWS, result.size()))) {
                TableItem row = new TableItem(preview, SWT.NONE);
                row.setText(new String[] { Integer.toString(a.seq()), a.arm(), a.block() == null ? "" : a.block().toString() });
            }
            balance.setText("Per arm: " + result.armCounts() + (result.size() > PREVIEW_ROWS ? "   (first " + PREVIEW_ROWS + " shown)" : ""));
            setErrorMessage(null);
        } catch (NumberFormatException e) {
            setErrorMessage("Number of allocations and seed must be whole numbers");
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
        }
        getButton(IDialogConstants.OK_ID).setEnabled(result != null);
    }

    /** The accepted list (after OK), or null. */
    public AllocationList result() {
        return result;
    }

    /** Sets the form as a user would, for tests. */
    public void fill(int count, String ratioText, String blockText, long seedValue) {
        n.setText(Integer.toString(count));
        ratio.setText(ratioText);
        blocks.setText(blockText);
        seed.setText(Long.toString(seedValue));
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

}
