package org.painlab.trial.ui.internal.wizards;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.painlab.core.StudyException;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportProblem;
import org.painlab.trial.exchange.ColumnMapping;
import org.painlab.trial.exchange.ExchangeFormat;
import org.painlab.trial.exchange.ImportOptions;
import org.painlab.trial.exchange.ImportPreview;
import org.painlab.trial.exchange.Layout;
import org.painlab.trial.exchange.TrialExchange;

/**
 * The import wizard's one page: the file, its format and layout, an optional column
 * mapping, and a preview of the first subjects as they will be imported with every
 * problem found so far (row, column, rule).
 */
final class ImportPage extends WizardPage {
    private static final int PREVIEW = 50;
    private final TrialExchange exchange;
    private Text file;
    private Combo format;
    private Combo layout;
    private Text mapping;
    private Text dictionary;
    private Table preview;
    private Table problems;

    ImportPage(TrialExchange exchange) {
        super("import");
        this.exchange = exchange;
        setTitle("Import trial data");
        setDescription("All or nothing: a file with any problem is rejected and the study stays as it was.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        file = fileRow(c, "File:", new String[] { "*.csv;*.xlsx;*.xml;*.odm", "*.*" });
        new Label(c, SWT.NONE).setText("Format:");
        format = new Combo(c, SWT.READ_ONLY);
        format.setItems("from file name", "csv", "xlsx", "redcap", "odm");
        format.select(0);
        new Label(c, SWT.NONE);
        new Label(c, SWT.NONE).setText("Layout:");
        layout = new Combo(c, SWT.READ_ONLY);
        layout.setItems("wide", "long");
        layout.select(0);
        new Label(c, SWT.NONE);
        mapping = fileRow(c, "Column mapping (optional):", new String[] { "*.json", "*.*" });
        dictionary = fileRow(c, "REDCap data dictionary:", new String[] { "*.csv", "*.*" });
        Button run = new Button(c, SWT.PUSH);
        run.setText("Preview");
        run.addListener(SWT.Selection, e -> refreshPreview());
        new Label(c, SWT.NONE).setText("First " + PREVIEW + " subjects as they will be imported:");
        new Label(c, SWT.NONE);
        preview = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        preview.setHeaderVisible(true);
        GridData pd = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        pd.heightHint = 180;
        preview.setLayoutData(pd);
        problems = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        problems.setHeaderVisible(true);
        for (String h : new String[] { "Row", "Column", "Problem" }) {
            TableColumn col = new TableColumn(problems, SWT.LEFT);
            col.setText(h);
            col.setWidth(h.equals("Problem") ? 480 : 90);
        }
        GridData qd = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        qd.heightHint = 120;
        problems.setLayoutData(qd);
        setControl(c);
        setPageComplete(false);
    }

    private Text fileRow(Composite c, String label, String[] filters) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        t.addModifyListener(e -> setPageComplete(!file.getText().isBlank() && Files.isRegularFile(Path.of(file.getText().trim()))));
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(getShell(), SWT.OPEN);
            d.setFilterExtensions(filters);
            String f = d.open();
            if (f != null) {
                t.setText(f);
            }
        });
        return t;
    }

    /** The options chosen on the page; a mapping file that cannot be read is an ImportException. */
    ImportOptions options() throws ImportException {
        Path f = Path.of(file.getText().trim());
        ImportOptions o = ImportOptions.forFile(f);
        if (format.getSelectionIndex() > 0) {
            o = o.withFormat(ExchangeFormat.of(format.getText()));
        }
        o = o.withLayout(Layout.of(layout.getText()));
        if (!mapping.getText().isBlank()) {
            o = o.withMapping(ColumnMapping.load(Path.of(mapping.getText().trim())));
        }
        if (!dictionary.getText().isBlank()) {
            o = o.withDictionary(Path.of(dictionary.getText().trim()));
        }
        return o;
    }

    Path file() {
        return Path.of(file.getText().trim());
    }

    /** Fills the page as a user would, for tests. */
    void fill(Path data, String layoutCode) {
        file.setText(data.toString());
        layout.select(layoutCode.equals("long") ? 1 : 0);
    }

    int previewRows() {
        return preview.getItemCount();
    }

    int problemRows() {
        return problems.getItemCount();
    }

    void refreshPreview() {
        preview.removeAll();
        problems.removeAll();
        for (TableColumn col : preview.getColumns()) {
            col.dispose();
        }
        try {
            ImportPreview p = exchange.preview(file(), options(), PREVIEW);
            for (String col : p.columns()) {
                TableColumn tc = new TableColumn(preview, SWT.LEFT);
                tc.setText(col);
                tc.setWidth(Math.max(70, Math.min(160, col.length() * 9)));
            }
            for (ImportPreview.Row row : p.rows()) {
                TableItem item = new TableItem(preview, SWT.NONE);
                String[] cells = new String[p.columns().size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = row.values().getOrDefault(p.columns().get(i), "");
                }
                item.setText(cells);
            }
            showProblems(p.problems());
            setMessage(p.problems().isEmpty() ? "No problems found in the rows read so far." : p.problems().size()
                    + " problem(s): the import would be rejected until they are fixed.", p.problems().isEmpty() ? NONE : WARNING);
        } catch (ImportException e) {
            showProblems(e.problems());
            setMessage(e.getMessage(), ERROR);
        } catch (StudyException | RuntimeException e) {
            setMessage(e.getMessage(), ERROR);
        }
    }

    void showProblems(java.util.List<ImportProblem> list) {
        problems.removeAll();
        for (ImportProblem p : list) {
            TableItem item = new TableItem(problems, SWT.NONE);
            item.setText(new String[] { Long.toString(p.record()), p.field(), p.rule() });
        }
    }
}
