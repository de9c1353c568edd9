package org.painlab.trial.ui.internal.wizards;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.TableEditor;
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
import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportProblem;
import org.painlab.core.importer.ImportReport;
import org.painlab.core.importer.RefusedValue;
import org.painlab.core.importer.Importer;
import org.painlab.core.importer.Importers;
import org.painlab.trial.exchange.ColumnMapping;
import org.painlab.trial.exchange.ExchangeFormat;
import org.painlab.trial.exchange.FormRoute;
import org.painlab.trial.exchange.ImportOptions;
import org.painlab.trial.exchange.ImportPreview;
import org.painlab.trial.exchange.TrialExchange;
import org.painlab.trial.internal.exchange.TrialImporter;

/**
 * The import wizard's one page: the file, its format (every importer installed, from
 * {@code org.painlab.core.importers}), layout, an optional column mapping and data dictionary, and
 * for the trial formats a preview of the first subjects as they will be imported, the counts of the
 * whole file (values read, to import, refused) and every problem and refused value (record, field,
 * value, reason), before anything is written. A check box accepts the refusals (option
 * {@code accept-refusals}): off, a file with refused values imports nothing. In the mapping per form
 * the user routes each form (baseline, a visit, an instrument, its own form, ignore); the choices
 * join the column mapping for the preview and the import, and Save mapping... writes them as a
 * mapping file.
 */
final class ImportPage extends WizardPage {
    private static final int PREVIEW = 50;
    private static final String FROM_FILE_NAME = "from file name";
    /** The route combo's first entry: the routing the format (or the mapping file) gives the form. */
    static final String AS_READ = "(as read)";
    private final TrialExchange exchange;
    private final Importers registry = new Importers();
    private final List<Contribution<Importer>> importers;
    private Text file;
    private Combo format;
    private Combo layout;
    private Text mapping;
    private Text dictionary;
    private Button previewButton;
    private Table preview;
    private Table problems;
    private Table forms;
    private Label counts;
    private Button acceptRefusals;
    private Button saveMapping;
    /** The user's routing per form, kept across previews; cleared when another file is chosen. */
    private final Map<String, FormRoute> routes = new LinkedHashMap<>();
    private final Map<String, Combo> routeCombos = new LinkedHashMap<>();
    private final List<TableEditor> routeEditors = new ArrayList<>();
    private final List<String> routeChoices = new ArrayList<>();
    private String routedFile = "";
    private boolean combosToPlace;

    ImportPage(TrialExchange exchange, List<String> visits, List<String> instruments) {
        super("import");
        this.exchange = exchange;
        routeChoices.add(AS_READ);
        routeChoices.add("baseline");
        visits.forEach(v -> routeChoices.add("visit:" + v));
        instruments.forEach(i -> routeChoices.add("instrument:" + i));
        routeChoices.add("form");
        routeChoices.add("ignore");
        this.importers = registry.contributions();
        setTitle("Import trial data");
        setDescription("All or nothing: a file with any problem is rejected and the study stays as it was.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        file = fileRow(c, "File:", new String[] { fileFilter(), "*.*" });
        new Label(c, SWT.NONE).setText("Format:");
        format = new Combo(c, SWT.READ_ONLY);
        format.add(FROM_FILE_NAME);
        for (Contribution<Importer> i : importers) {
            format.add(Importers.format(i) + " - " + i.name());
        }
        format.select(0);
        format.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        format.addListener(SWT.Selection, e -> formatChanged());
        new Label(c, SWT.NONE);
        new Label(c, SWT.NONE).setText("Layout:");
        layout = new Combo(c, SWT.READ_ONLY);
        layout.setItems("wide", "long");
        layout.select(0);
        new Label(c, SWT.NONE);
        mapping = fileRow(c, "Column mapping (optional):", new String[] { "*.json", "*.*" });
        dictionary = fileRow(c, "REDCap data dictionary:", new String[] { "*.csv", "*.*" });
        previewButton = new Button(c, SWT.PUSH);
        previewButton.setText("Preview");
        previewButton.addListener(SWT.Selection, e -> refreshPreview());
        new Label(c, SWT.NONE).setText("First " + PREVIEW + " subjects as they will be imported:");
        new Label(c, SWT.NONE);
        preview = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        preview.setHeaderVisible(true);
        GridData pd = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        pd.heightHint = 100;
        preview.setLayoutData(pd);
        Label formsLabel = new Label(c, SWT.NONE);
        formsLabel.setText("Mapping per form (REDCap instruments, ODM forms), before anything is written:");
        formsLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        forms = new Table(c, SWT.BORDER | SWT.V_SCROLL);
        forms.setHeaderVisible(true);
        for (String h : new String[] { "Form", "Route", "Maps to", "To import", "Refused" }) {
            TableColumn col = new TableColumn(forms, h.startsWith("To") || h.equals("Refused") ? SWT.RIGHT : SWT.LEFT);
            col.setText(h);
            col.setWidth(h.equals("Maps to") ? 420 : h.equals("Form") ? 230 : h.equals("Route") ? 180 : 85);
        }
        Combo probe = new Combo(forms, SWT.DROP_DOWN);
        int comboHeight = probe.computeSize(SWT.DEFAULT, SWT.DEFAULT).y;
        probe.dispose();
        // each row holds a route combo: rows as tall as one
        forms.addListener(SWT.MeasureItem, e -> e.height = Math.max(e.height, comboHeight));
        // the rows' bounds are final only once the table has painted them: place the combos again then
        forms.addListener(SWT.Paint, e -> {
            if (combosToPlace) {
                combosToPlace = false;
                forms.getDisplay().asyncExec(() -> {
                    if (!forms.isDisposed()) {
                        routeEditors.forEach(TableEditor::layout);
                    }
                });
            }
        });
        GridData fd = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        fd.heightHint = 230;
        forms.setLayoutData(fd);
        saveMapping = new Button(c, SWT.PUSH);
        saveMapping.setText("Save mapping...");
        saveMapping.setToolTipText("Save the column mapping with the routing per form as a JSON mapping file"
                + " (for painlab trial import --mapping)");
        saveMapping.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(getShell(), SWT.SAVE);
            d.setFilterExtensions(new String[] { "*.json", "*.*" });
            d.setOverwrite(true);
            String f = d.open();
            if (f != null) {
                saveMapping(Path.of(f));
            }
        });
        counts = new Label(c, SWT.NONE);
        counts.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        counts.setText("Values read: -   to import: -   refused: -   (Preview counts the whole file)");
        problems = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        problems.setHeaderVisible(true);
        for (String h : new String[] { "Record", "Field", "Value", "Problem" }) {
            TableColumn col = new TableColumn(problems, SWT.LEFT);
            col.setText(h);
            col.setWidth(h.equals("Problem") ? 560 : h.equals("Field") ? 170 : h.equals("Value") ? 110 : 90);
        }
        GridData qd = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        qd.heightHint = 110;
        problems.setLayoutData(qd);
        acceptRefusals = new Button(c, SWT.CHECK);
        acceptRefusals.setText("Import the rest and record the refused values in the audit trail");
        acceptRefusals.setSelection(false);
        acceptRefusals.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        setControl(c);
        setPageComplete(false);
    }

    /** "*.csv;*.xlsx;..." from the endings every installed importer declares. */
    private String fileFilter() {
        Set<String> endings = new LinkedHashSet<>();
        importers.forEach(i -> endings.addAll(Importers.extensions(i)));
        return endings.isEmpty() ? "*.*" : endings.stream().map(e -> "*." + e).collect(Collectors.joining(";"));
    }

    private Text fileRow(Composite c, String label, String[] filters) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        t.addModifyListener(e -> {
            setPageComplete(!file.getText().isBlank() && Files.isRegularFile(Path.of(file.getText().trim())));
            if (t == file) {
                formatChanged();
            }
        });
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

    /** Only the trial formats have a preview; for another importer the page says where its problems will show. */
    private void formatChanged() {
        if (previewButton == null) {
            return;
        }
        Contribution<Importer> chosen = chosenOrNull();
        boolean previewable = chosen == null || trialImporter(chosen) != null;
        previewButton.setEnabled(previewable);
        if (!previewable) {
            setMessage("No preview for " + chosen.name() + ": its problems are listed here when you import.", INFORMATION);
        } else {
            setMessage(null);
        }
    }

    private Contribution<Importer> chosenOrNull() {
        int i = format.getSelectionIndex();
        if (i > 0) {
            return importers.get(i - 1);
        }
        String f = file.getText().trim();
        if (f.isEmpty()) {
            return null;
        }
        Contribution<Importer> byEnding = registry.forFile(Path.of(f)).orElse(null);
        TrialImporter trial = byEnding == null ? null : trialImporter(byEnding);
        if (trial != null && ExchangeFormat.forImport(Path.of(f)).orElse(trial.format()) != trial.format()) {
            // a .csv with REDCap's data dictionary beside it is a REDCap export, as on the command line
            ExchangeFormat real = ExchangeFormat.forImport(Path.of(f)).orElseThrow();
            return importers.stream().filter(imp -> trialImporter(imp) instanceof TrialImporter t && t.format() == real)
                    .findFirst().orElse(byEnding);
        }
        return byEnding;
    }

    /**
     * The importer chosen, or the one the file's ending calls for.
     *
     * @return the contribution
     * @throws ImportException naming the file when no importer reads it
     */
    Contribution<Importer> importer() throws ImportException {
        Contribution<Importer> chosen = chosenOrNull();
        if (chosen == null) {
            String name = file().getFileName().toString();
            throw new ImportException(List.of(new ImportProblem(name, 0, "", "no installed importer reads this file's"
                    + " ending; choose one of the formats: " + importers.stream().map(Importers::format)
                            .collect(Collectors.joining(", ")))));
        }
        return chosen;
    }

    /**
     * The options of {@link Importer#importFile}: {@code layout}, and {@code mapping} and
     * {@code dictionary} when given; the wizard adds {@code actor}.
     *
     * @return a modifiable map
     */
    Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("layout", layout.getText());
        if (!mapping.getText().isBlank()) {
            o.put("mapping", mapping.getText().trim());
        }
        if (!dictionary.getText().isBlank()) {
            o.put("dictionary", dictionary.getText().trim());
        }
        if (acceptRefusals.getSelection()) {
            o.put("accept-refusals", "true");
        }
        return o;
    }

    Path file() {
        return Path.of(file.getText().trim());
    }

    /**
     * The column mapping the import uses: the mapping file's (none when no file is named) with the
     * routing chosen per form added (a choice replaces the file's routing of that form).
     *
     * @return the mapping
     * @throws ImportException listing the mapping file's problems
     */
    ColumnMapping mapping() throws ImportException {
        ColumnMapping base = mapping.getText().isBlank() ? ColumnMapping.none() : ColumnMapping.load(Path.of(mapping.getText().trim()));
        if (routes.isEmpty()) {
            return base;
        }
        Map<String, FormRoute> all = new LinkedHashMap<>(base.forms());
        all.putAll(routes);
        return base.withForms(all);
    }

    /** Whether the user routed any form here (then the import runs with {@link #mapping()}). */
    boolean formsRouted() {
        return !routes.isEmpty();
    }

    /**
     * Writes the mapping ({@link #mapping()}) as a mapping file, through a temporary file.
     *
     * @param target the JSON file
     * @return true when written; else the page says why
     */
    boolean saveMapping(Path target) {
        try {
            String json = mapping().toJson();
            org.painlab.core.io.AtomicFiles.writeFile(target, tmp -> Files.writeString(tmp, json));
            setMessage("Mapping saved to " + target + ": use it with painlab trial import --mapping.", INFORMATION);
            return true;
        } catch (ImportException e) {
            showProblems(e.problems());
            setMessage(e.getMessage(), ERROR);
        } catch (java.io.IOException e) {
            setMessage("Mapping not saved: " + target + ": " + e.getMessage(), ERROR);
        }
        return false;
    }

    /**
     * Routes a form as the user does with its combo, then previews again.
     *
     * @param form the form as the table names it
     * @param choice an entry of the combo ({@value #AS_READ}, "baseline", "visit:week4", ...) or a typed routing
     */
    void route(String form, String choice) {
        String c = choice == null ? "" : choice.strip();
        if (c.isEmpty() || c.equals(AS_READ)) {
            routes.remove(form);
        } else {
            try {
                routes.put(form, FormRoute.parse(c));
            } catch (IllegalArgumentException e) {
                setMessage("Form " + form + ": " + e.getMessage(), ERROR);
                return;
            }
        }
        refreshPreview();
    }

    /** The route combo of a form, for tests. */
    Combo routeCombo(String form) {
        return routeCombos.get(form);
    }

    /** The choices every route combo offers, for tests. */
    List<String> routeChoices() {
        return List.copyOf(routeChoices);
    }

    /** Fills the page as a user would, for tests. */
    void fill(Path data, String layoutCode) {
        file.setText(data.toString());
        layout.select(layoutCode.equals("long") ? 1 : 0);
    }

    /** Ticks or clears "Import the rest and record the refused values" as a user would, for tests. */
    void acceptRefusals(boolean accept) {
        acceptRefusals.setSelection(accept);
    }

    boolean refusalsAccepted() {
        return acceptRefusals.getSelection();
    }

    String countsText() {
        return counts.getText();
    }

    /** The problem table's rows as shown (record, field, value, problem), for tests. */
    List<String[]> problemTable() {
        List<String[]> out = new ArrayList<>();
        for (TableItem item : problems.getItems()) {
            out.add(new String[] { item.getText(0), item.getText(1), item.getText(2), item.getText(3) });
        }
        return out;
    }

    /** The formats offered, as the combo lists them after "from file name", for tests. */
    List<String> formats() {
        List<String> out = new ArrayList<>();
        importers.forEach(i -> out.add(Importers.format(i)));
        return out;
    }

    /** Chooses a format as a user would, for tests. */
    void chooseFormat(String formatName) {
        int i = formats().indexOf(formatName);
        if (i < 0) {
            throw new IllegalArgumentException("no format '" + formatName + "' on the page: " + formats());
        }
        format.select(i + 1);
        formatChanged();
    }

    boolean previewEnabled() {
        return previewButton.isEnabled();
    }

    int previewRows() {
        return preview.getItemCount();
    }

    int problemRows() {
        return problems.getItemCount();
    }

    /** The mapping-per-form table's rows as shown (form, maps to, to import, refused), for tests. */
    List<String[]> formTable() {
        List<String[]> out = new ArrayList<>();
        for (TableItem item : forms.getItems()) {
            out.add(new String[] { item.getText(0), item.getText(2), item.getText(3), item.getText(4) });
        }
        return out;
    }

    private void clearForms() {
        routeEditors.forEach(e -> {
            if (e.getEditor() != null) {
                e.getEditor().dispose();
            }
            e.dispose();
        });
        routeEditors.clear();
        routeCombos.clear();
        forms.removeAll();
    }

    /** A row of the mapping per form, with its route combo showing the routing in force. */
    private void addFormRow(ImportPreview.Form f, ColumnMapping inForce) {
        TableItem item = new TableItem(forms, SWT.NONE);
        item.setText(new String[] { f.form(), "", f.mapsTo(), Long.toString(f.imported()), Long.toString(f.refused()) });
        Combo combo = new Combo(forms, SWT.DROP_DOWN);
        routeChoices.forEach(combo::add);
        String current = inForce.route(f.form()).map(FormRoute::toString).orElse(AS_READ);
        if (!routeChoices.contains(current)) {
            combo.add(current);
        }
        combo.setText(current);
        combo.setToolTipText("Route of form " + f.form() + ": " + AS_READ + " keeps the format's routing; type visit:<id> or "
                + "instrument:<id> for one not listed");
        combo.addListener(SWT.Selection, e -> getShell().getDisplay().asyncExec(() -> {
            if (!combo.isDisposed()) {
                route(f.form(), combo.getText());
            }
        }));
        combo.addListener(SWT.DefaultSelection, e -> getShell().getDisplay().asyncExec(() -> {
            if (!combo.isDisposed()) {
                route(f.form(), combo.getText());
            }
        }));
        TableEditor editor = new TableEditor(forms);
        editor.grabHorizontal = true;
        editor.minimumHeight = combo.computeSize(SWT.DEFAULT, SWT.DEFAULT).y;
        editor.setEditor(combo, item, 1);
        routeEditors.add(editor);
        routeCombos.put(f.form(), combo);
    }

    /** Places the route combos on their rows (GTK knows a row's bounds only once the table is laid out). */
    private void layoutRouteCombos() {
        forms.getParent().layout(true);
        routeEditors.forEach(TableEditor::layout);
        combosToPlace = true;
        forms.redraw();
        forms.getDisplay().asyncExec(() -> {
            if (!forms.isDisposed()) {
                routeEditors.forEach(TableEditor::layout);
            }
        });
    }

    void refreshPreview() {
        preview.removeAll();
        problems.removeAll();
        clearForms();
        if (!routedFile.equals(file.getText().trim())) {
            // choices are about the forms of one file
            routes.clear();
            routedFile = file.getText().trim();
        }
        for (TableColumn col : preview.getColumns()) {
            col.dispose();
        }
        try {
            Contribution<Importer> chosen = importer();
            TrialImporter trial = trialImporter(chosen);
            if (trial == null) {
                setMessage("No preview for " + chosen.name() + ": its problems are listed here when you import.", INFORMATION);
                return;
            }
            ColumnMapping inForce = mapping();
            ImportOptions options = ImportOptions.fromMap(file(), options(), trial.format()).withMapping(inForce);
            ImportPreview p = exchange.preview(file(), options, PREVIEW);
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
            for (ImportPreview.Form f : p.forms()) {
                addFormRow(f, inForce);
            }
            layoutRouteCombos();
            show(p.errors(), p.report());
            int refused = p.report().refused().size();
            if (!p.errors().isEmpty()) {
                setMessage(p.errors().size() + " problem(s): the import would be rejected until they are fixed.", WARNING);
            } else if (refused > 0) {
                setMessage(refused + " value(s) refused: nothing is imported unless you tick \"Import the rest\" below.", WARNING);
            } else {
                setMessage("No problems found: every value read will be imported.", NONE);
            }
        } catch (ImportException e) {
            show(e.problems(), e.report());
            setMessage(e.getMessage(), ERROR);
        } catch (StudyException | RuntimeException e) {
            setMessage(e.getMessage(), ERROR);
        }
    }

    /** The trial importer behind a contribution (whose files the trial exchange can preview), or null. */
    private static TrialImporter trialImporter(Contribution<Importer> c) {
        try {
            return c.get() instanceof TrialImporter t ? t : null;
        } catch (ContributionException e) {
            return null;
        }
    }

    void showProblems(List<ImportProblem> list) {
        problems.removeAll();
        for (ImportProblem p : list) {
            TableItem item = new TableItem(problems, SWT.NONE);
            item.setText(new String[] { p.record() > 0 ? "line " + p.record() : "", p.field(), "", p.rule() });
        }
    }

    /**
     * Shows the counts and, in the problem table, the problems that reject the file followed by every
     * refused value (record, field, value, reason).
     *
     * @param errors problems other than refused values (for an importer that does not count values:
     *     every problem)
     * @param report the value accounting, empty when the importer does not count values
     */
    void show(List<ImportProblem> errors, ImportReport report) {
        showProblems(errors);
        for (RefusedValue r : report.refused()) {
            TableItem item = new TableItem(problems, SWT.NONE);
            item.setText(new String[] { r.record(), r.field(), r.value(), r.reason() });
        }
        // imported, but worth a look before finishing: formulas, new variables
        for (ImportProblem w : report.warnings()) {
            TableItem item = new TableItem(problems, SWT.NONE);
            item.setText(new String[] { w.record() > 0 ? "line " + w.record() : "", w.field(), "", "warning: " + w.rule() });
        }
        counts.setText(counts(report));
        counts.getParent().layout(true);
    }

    /**
     * Shows the rejection of an import: its problems, minus the refusals already listed from the
     * report.
     *
     * @param e the rejection
     */
    void showRejection(ImportException e) {
        List<RefusedValue> refused = e.report().refused();
        List<ImportProblem> errors = e.problems().stream()
                .filter(p -> refused.stream().noneMatch(r -> r.reason().equals(p.rule()))).toList();
        show(errors, e.report());
    }

    static String counts(ImportReport r) {
        return "Values read: " + r.valuesRead() + "   to import: " + r.valuesImported() + "   refused: " + r.refused().size()
                + (r.warnings().isEmpty() ? "" : "   warnings: " + r.warnings().size());
    }
}
