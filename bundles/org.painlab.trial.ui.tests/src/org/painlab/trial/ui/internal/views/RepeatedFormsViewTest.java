package org.painlab.trial.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.ScreenCapture;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.trial.exchange.ImportOptions;
import org.painlab.trial.exchange.TrialExchange;
import org.painlab.trial.store.GridRow;
import org.painlab.trial.store.Observation;
import org.painlab.trial.store.TrialStore;

/**
 * Repeated and per-visit forms imported from REDCap (shared reference exports) in the Clinical
 * perspective: the Repeated Forms view shows one row per filling and one column per field, filters,
 * follows the workbench's subject and sets it; the Subject Grid counts each subject's fillings and
 * Data Entry lists them under the visit.
 */
class RepeatedFormsViewTest {
    @TempDir
    Path tmp;
    private Study study;

    @AfterEach
    void close() {
        if (study != null) {
            studies().close(study);
        }
    }

    @Test
    void repeatingInstrumentRowsColumnsFilterAndSubjectSelection() throws Exception {
        IWorkbenchPage page = clinical();
        study = imported("redcap_repeating-instruments");
        studies().select(study, null);
        RepeatedFormsView view = (RepeatedFormsView) page.showView(RepeatedFormsView.ID);
        view.reload();
        DataGrid<FormInstance> grid = loaded(view, 4);
        assertEquals(List.of("bp"), view.forms());

        // one row per filling: subject 1 filled bp three times, subject 2 once; one column per field
        var shown = grid.shown();
        assertEquals(List.of("Subject", "Visit", "Form", "Instance", "bp_diastolic", "bp_systolic", "date_bp"), shown.headers());
        assertEquals(List.of(List.of("1", "", "bp", "1", "100", "110", "2019-10-14"), List.of("1", "", "bp", "2", "101", "111", "2019-10-14"),
                List.of("1", "", "bp", "3", "102", "112", "2019-10-14"), List.of("2", "", "bp", "1", "104", "114", "2004-04-04")),
                shown.rows());
        assertTrue(grid.columns().stream().filter(c -> c.key().equals(FormInstances.key("bp_systolic"))).findFirst().orElseThrow().numeric(),
                "a field of numbers is a number column (numeric filters and sort)");

        grid.setFilter(FormInstances.key("bp_systolic"), ">111");
        settle();
        assertEquals(List.of("112", "114"), grid.shown().rows().stream().map(r -> r.get(5)).toList());
        grid.clearFilters();
        grid.sort(FormInstances.key("bp_diastolic"), false, false);
        settle();
        assertEquals("104", grid.shown().rows().get(0).get(4), "sorted by diastolic, highest first");

        // the workbench's subject filters the view ...
        studies().select(study, "2");
        settle();
        processUntil(() -> view.shownRows() == 1, 10_000);
        assertEquals(1, view.shownRows());
        assertEquals("2", grid.shownRow(0).subjectId());
        // ... or, with "Selected subject only" cleared, selects the subject's rows among all
        view.showOnlySelectedSubject(false);
        studies().select(study, "1");
        settle();
        processUntil(() -> grid.selectedText().lines().count() == 3, 10_000);
        assertEquals(4, view.shownRows());
        List<String> selected = grid.selectedText().lines().toList();
        assertEquals(3, selected.size(), selected.toString());
        assertTrue(selected.stream().allMatch(l -> l.startsWith("1\t")), selected.toString());

        // selecting a row selects its subject for the other views
        int rowOfTwo = -1;
        for (int i = 0; i < view.shownRows(); i++) {
            if (grid.shownRow(i).subjectId().equals("2")) {
                rowOfTwo = i;
            }
        }
        grid.selectRows(rowOfTwo);
        settle();
        assertEquals("2", studies().selectedSubject().orElse(null));
        assertEquals(4, view.shownRows(), "its own selection does not filter the view");

        Path csv = tmp.resolve("bp.csv");
        grid.export(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size());
        assertEquals("Subject,Visit,Form,Instance,bp_diastolic,bp_systolic,date_bp", lines.get(0));
        view.showOnlySelectedSubject(true);
    }

    @Test
    void subjectGridCountsFillingsAndDataEntryListsThemAndScreenshot() throws Exception {
        IWorkbenchPage page = clinical();
        study = imported("redcap_repeating-instruments");
        SubjectGridView subjects = (SubjectGridView) page.showView(SubjectGridView.ID);
        subjects.reload();
        waitForJobs(SubjectGridView.LOAD_FAMILY);
        processUntil(() -> subjects.shownRows() == 2, 20_000);
        DataGrid<GridRow> table = subjects.grid();
        var shown = table.shown();
        int col = shown.headers().indexOf("Repeated forms");
        assertTrue(col > 0, shown.headers().toString());
        Map<String, String> counts = shown.rows().stream().collect(Collectors.toMap(r -> r.get(0), r -> r.get(col)));
        assertEquals(Map.of("1", "3", "2", "1"), counts);

        DataEntryView entry = (DataEntryView) page.showView(DataEntryView.ID);
        RepeatedFormsView view = (RepeatedFormsView) page.showView(RepeatedFormsView.ID);
        view.showOnlySelectedSubject(true);
        table.selectRows(0);
        processEvents();
        String first = table.shownRow(0).subjectId();
        assertEquals(first, studies().selectedSubject().orElse(null));
        loaded(view, "1".equals(first) ? 3 : 1);
        assertTrue(view.grid().shownRow(0).subjectId().equals(first));

        processUntil(() -> !entry.loading(), 20_000);
        SubjectFillings fillings = entry.fillings();
        assertTrue(fillings.visible(), "the subject has repeated forms: Data Entry lists them");
        List<String[]> lines = fillings.lines();
        int values = "1".equals(first) ? 9 : 3;
        assertEquals(values, lines.size(), "three values per bp filling");
        assertTrue(fillings.summary().contains(("1".equals(first) ? 3 : 1) + " filled form(s)"), fillings.summary());
        String[] systolic = lines.stream().filter(l -> l[3].equals("bp_systolic") && l[2].equals("1")).findFirst().orElseThrow();
        assertEquals("1".equals(first) ? "110" : "114", systolic[4]);

        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setSize(1500, 950);
        processUntil(() -> false, 1200);
        Path out = Path.of(System.getProperty("painlab.screenshot", "target/clinical.png")).resolveSibling("repeated-forms.png");
        ScreenCapture.save(shell, out);
        assertTrue(Files.size(out) > 10_000);
    }

    @Test
    void longitudinalFormsArePerVisitRowsInVisitOrder() throws Exception {
        IWorkbenchPage page = clinical();
        study = imported("redcap_longitudinal");
        studies().select(study, null);
        TrialStore store = new TrialStore(study);
        Map<String, List<Observation>> lab = store.observations("visit_lab_data");
        long fillings = lab.values().stream().mapToLong(l -> l.stream().map(o -> o.visit() + "/" + o.instance()).distinct().count()).sum();
        assertTrue(fillings > 3, "visit_lab_data is filled at several events: " + fillings);

        RepeatedFormsView view = (RepeatedFormsView) page.showView(RepeatedFormsView.ID);
        view.reload();
        processUntil(() -> view.forms().contains("visit_lab_data"), 20_000);
        assertEquals(store.observationForms().keySet(), Set.copyOf(view.forms()));
        view.chooseForm("visit_lab_data");
        DataGrid<FormInstance> grid = loaded(view, (int) fillings);
        var shown = grid.shown();
        Set<String> fields = lab.values().stream().flatMap(List::stream).map(Observation::field).collect(Collectors.toSet());
        assertEquals(fields, Set.copyOf(shown.headers().subList(FormInstances.KEY_COLUMNS, shown.headers().size())));
        assertTrue(shown.rows().stream().allMatch(r -> !r.get(1).isEmpty() && r.get(3).isEmpty()),
                "each row names its visit; a per-visit form has no instance");
        assertTrue(shown.rows().stream().map(r -> r.get(1)).distinct().count() > 1, "several visits");
        // the value in a cell is the stored value of that subject, visit and field
        FormInstance row = grid.shownRow(0);
        Observation any = row.values().values().iterator().next();
        Observation stored = lab.get(row.subjectId()).stream()
                .filter(o -> o.visit().equals(row.visitId()) && o.field().equals(any.field())).findFirst().orElseThrow();
        assertEquals(stored.text(), any.text());

        // Data Entry lists the subject's values at its first visit and those at visits the study does not define
        DataEntryView entry = (DataEntryView) page.showView(DataEntryView.ID);
        studies().select(study, "100");
        processUntil(() -> !entry.loading(), 20_000);
        var visits = store.visitDefinitions();
        assertFalse(visits.isEmpty(), "the longitudinal project's events are the study's visits");
        Set<String> defined = visits.stream().map(v -> v.id()).collect(Collectors.toSet());
        long expected = store.observations().get("100").stream()
                .filter(o -> !defined.contains(o.visit()) || o.visit().equals(visits.get(0).id())).count();
        assertEquals(expected, entry.fillings().lines().size(), entry.fillings().summary());
        assertTrue(entry.fillings().visible());

        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setSize(1500, 950);
        processUntil(() -> false, 1000);
        Path out = Path.of(System.getProperty("painlab.screenshot", "target/clinical.png")).resolveSibling("repeated-forms-longitudinal.png");
        ScreenCapture.save(shell, out);
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
        assertTrue(Files.size(out) > 10_000);
    }

    /** A new study holding a REDCap reference export, imported as the CLI and the wizard do, then opened. */
    private Study imported(String project) throws Exception {
        String ref = System.getProperty("painlab.reference");
        assertNotNull(ref, "the shared reference data is needed: run with -Dpainlab.reference=<../shared/reference>");
        Path csv = Path.of(ref, "exchange", "redcap", project + ".csv");
        assertTrue(Files.isRegularFile(csv), "reference file missing: " + csv);
        Path dir = tmp.resolve(project);
        try (Study created = Study.create(dir, project, StudySchemas.contributed())) {
            var summary = new TrialExchange(created).importFile(csv, ImportOptions.forFile(csv).withAcceptRefusals(true), null);
            assertFalse(summary.added().isEmpty(), summary.toString());
        }
        return studies().open(dir);
    }

    private DataGrid<FormInstance> loaded(RepeatedFormsView view, int rows) throws InterruptedException {
        processUntil(() -> view.grid() != null && view.shownRows() == rows, 20_000);
        settle();
        assertNotNull(view.grid(), "the view shows a form");
        assertEquals(rows, view.shownRows());
        return view.grid();
    }

    private static OpenStudies studies() {
        return PlatformUI.getWorkbench().getService(OpenStudies.class);
    }

    private static IWorkbenchPage clinical() throws Exception {
        return PlatformUI.getWorkbench().showPerspective("org.painlab.perspective.clinical",
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
    }

    private static void settle() throws InterruptedException {
        waitForJobs(RepeatedFormsView.LOAD_FAMILY);
        waitForJobs(DataGrid.JOB_FAMILY);
        processUntil(() -> false, 300);
    }

    private static void waitForJobs(Object family) throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000;
        while (Job.getJobManager().find(family).length > 0 && System.currentTimeMillis() < end) {
            processEvents();
            Thread.sleep(20);
        }
        processEvents();
    }

    private static void processUntil(BooleanSupplier done, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
            processEvents();
            Thread.sleep(20);
        }
    }

    private static void processEvents() {
        Display d = Display.getCurrent();
        while (d.readAndDispatch()) {
            // drain
        }
    }
}
