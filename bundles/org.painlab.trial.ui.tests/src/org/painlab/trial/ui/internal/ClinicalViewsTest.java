package org.painlab.trial.ui.internal;

import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.painlab.core.UiThreadGuard;
import org.painlab.core.ui.UiJobs;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.trial.store.GridColumn;
import org.painlab.trial.store.GridRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.ui.internal.views.ConsortView;
import org.painlab.trial.ui.internal.views.DataEntryView;
import org.painlab.trial.ui.internal.views.SubjectGridView;
import org.painlab.core.ui.ScreenCapture;

/** The Clinical perspective on the simulated demo trial, driven as a user would. */
class ClinicalViewsTest {
    @TempDir
    Path tmp;
    private Study study;

    @AfterEach
    void close() {
        if (study != null) {
            ClinicalFixture.studies().close(study);
        }
    }

    @Test
    void subjectGridShowsEverySubjectAndFiltersAndSorts() throws Exception {
        IWorkbenchPage page = ClinicalFixture.clinical();
        study = ClinicalFixture.openDemo(tmp, "grid");
        SubjectGridView view = (SubjectGridView) page.showView(SubjectGridView.ID);
        view.reload();
        ClinicalFixture.waitForJobs(SubjectGridView.LOAD_FAMILY);
        ClinicalFixture.processUntil(() -> view.shownRows() == 77, 20_000);
        assertEquals(77, view.shownRows());
        DataGrid<GridRow> grid = view.grid();
        TrialStore store = new TrialStore(study);

        List<String> visits = store.visitDefinitions().stream().map(v -> v.label()).toList();
        List<String> groups = grid.columnGroups().get(0);
        assertEquals("Baseline", groups.get(0), groups.toString());
        assertTrue(groups.containsAll(visits), "a spanning header per visit: " + groups + " for " + visits);
        // SF-36 under each visit where it is scheduled: its own group holding its scales
        assertTrue(grid.columnGroups().size() == 2 && grid.columnGroups().get(1).contains("SF36"), grid.columnGroups().toString());
        List<String> headers = grid.shown().headers();
        assertTrue(headers.stream().anyMatch(h -> h.endsWith(" SF36 PF")) && headers.stream().anyMatch(h -> h.endsWith(" SF36 MCS")),
                headers.toString());

        long inS = store.subjects().stream().filter(s -> "S".equals(s.armCode())).count();
        grid.setFilter("arm", "= S");
        settle();
        assertEquals(inS, view.shownRows());
        GridColumn score = store.grid().columns().stream().filter(c -> c.kind() == GridColumn.Kind.SCORE).findFirst().orElseThrow();
        grid.setFilter(score.key(), ">=0");
        settle();
        assertTrue(view.shownRows() <= inS);
        grid.clearFilters();
        settle();
        assertEquals(77, view.shownRows());

        grid.sort("arm", true, false);
        grid.sort("subject_id", false, true);
        settle();
        List<List<String>> rows = grid.shown().rows();
        for (int i = 1; i < rows.size(); i++) {
            int arm = rows.get(i - 1).get(1).compareToIgnoreCase(rows.get(i).get(1));
            assertTrue(arm < 0 || arm == 0 && rows.get(i - 1).get(0).compareTo(rows.get(i).get(0)) > 0, "arm, then id descending at " + i);
        }
    }

    @Test
    void subjectGridLoadingCanBeCancelledAndKeepsWhatItShowed() throws Exception {
        IWorkbenchPage page = ClinicalFixture.clinical();
        study = ClinicalFixture.openDemo(tmp, "grid-cancel");
        SubjectGridView view = (SubjectGridView) page.showView(SubjectGridView.ID);
        view.reload();
        ClinicalFixture.waitForJobs(SubjectGridView.LOAD_FAMILY);
        ClinicalFixture.processUntil(() -> view.shownRows() == 77, 20_000);
        DataGrid<GridRow> before = view.grid();
        List<List<String>> shownBefore = before.shown().rows();
        // a stored answer changes, so a completed load would show something new
        TrialStore store = new TrialStore(study);
        Subject subject = store.subjects().get(0);
        String visit = store.visitDefinitions().get(0).id();
        String instrument = store.schedule().stream()
                .filter(x -> x.visitId().equals(visit) && (subject.armCode() == null || subject.armCode().equals(x.armCode())))
                .findFirst().orElseThrow().instrumentId();
        String item = new org.painlab.trial.Instruments().find(instrument).orElseThrow().items().get(0).id();
        Map<String, Double> answers = new HashMap<>(store.answers(subject.id(), visit, instrument));
        answers.put(item, answers.getOrDefault(item, 0.0) == 0.0 ? 1.0 : 0.0);
        store.saveAnswers("test", subject.id(), visit, instrument, answers, "changed under a cancelled load");
        // held back so the cancel lands before the load starts, whatever the machine's load
        Job.getJobManager().suspend();
        try {
            view.reload();
            ClinicalFixture.processUntil(() -> false, 300);
            assertTrue(view.getContentDescription().startsWith("Loading subjects"), view.getContentDescription());
            Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
            ScreenCapture.save(shell, Path.of(System.getProperty("painlab.screenshot", "target/clinical.png")).resolveSibling("grid-loading.png"));
            view.cancelLoad();
        } finally {
            Job.getJobManager().resume();
        }
        ClinicalFixture.waitForJobs(SubjectGridView.LOAD_FAMILY);
        ClinicalFixture.processUntil(() -> false, 300);
        assertEquals(shownBefore, view.grid().shown().rows(), "a cancelled load leaves the rows shown before");
        assertTrue(view.grid() == before, "and the same grid");
        assertTrue(view.getContentDescription().contains("cancelled"), view.getContentDescription());
        view.reload();
        ClinicalFixture.waitForJobs(SubjectGridView.LOAD_FAMILY);
        ClinicalFixture.processUntil(() -> !view.grid().shown().rows().equals(shownBefore), 20_000);
        assertNotEquals(shownBefore, view.grid().shown().rows(), "a load after the cancel shows the changed answer");
        assertEquals(77, view.shownRows());
    }

    @Test
    void subjectGridSelectionCopyAndExportOfWhatIsShown() throws Exception {
        IWorkbenchPage page = ClinicalFixture.clinical();
        study = ClinicalFixture.openDemo(tmp, "grid-export");
        SubjectGridView view = (SubjectGridView) page.showView(SubjectGridView.ID);
        view.reload();
        ClinicalFixture.waitForJobs(SubjectGridView.LOAD_FAMILY);
        ClinicalFixture.processUntil(() -> view.shownRows() == 77, 20_000);
        DataGrid<GridRow> grid = view.grid();
        grid.setFilter("arm", "= S");
        grid.sort("subject_id", false, false);
        grid.hideColumn("status");
        settle();

        grid.selectRows(2);
        settle();
        String expected = grid.shownRow(2).subjectId();
        assertEquals(expected, ClinicalFixture.studies().selectedSubject().orElse(null), "the grid's selection is the workbench's subject");
        String copied = grid.selectedText();
        assertTrue(copied.startsWith(expected + "\tS\t"), copied);
        assertEquals(grid.shownColumns().size(), copied.strip().split("\t", -1).length);

        Path csv = tmp.resolve("subjects.csv");
        grid.export(csv);
        List<String> lines = Files.readAllLines(csv);
        var shown = grid.shown();
        assertEquals(shown.rows().size() + 1, lines.size());
        assertEquals(String.join(",", shown.headers()), lines.get(0));
        assertFalse(lines.get(0).contains("Status"), "hidden columns are not exported");
        for (int i = 0; i < shown.rows().size(); i++) {
            assertEquals(String.join(",", shown.rows().get(i)), lines.get(i + 1));
        }
    }

    private static void settle() throws InterruptedException {
        Job.getJobManager().join(DataGrid.JOB_FAMILY, null);
        ClinicalFixture.processUntil(() -> false, 300);
    }

    @Test
    void dataEntryValidatesSavesAndUndoes() throws Exception {
        IWorkbenchPage page = ClinicalFixture.clinical();
        study = ClinicalFixture.openDemo(tmp, "entry");
        TrialStore store = new TrialStore(study);
        Subject subject = store.subjects().get(0);
        DataEntryView entry = (DataEntryView) page.showView(DataEntryView.ID);
        try (UiThreadGuard.Recording guard = UiThreadGuard.record()) {
            ClinicalFixture.studies().select(study, subject.id());
            ClinicalFixture.processUntil(() -> !entry.loading(), 20_000);
            assertEquals(List.of(), guard.through("DataEntryView"), "the subject and its stored answers are read in a job");
        }
        assertNotNull(entry.form(), "a form for the first scheduled instrument; view says: " + entry.status());
        String instrument = entry.form().instrument().id();
        String firstItem = entry.form().instrument().items().get(0).id();
        double max = entry.form().instrument().items().get(0).max();

        entry.form().type(firstItem, Double.toString(max + 1));
        ClinicalFixture.processEvents();
        assertFalse(entry.form().messageOf(firstItem).isEmpty(), "out-of-range value is flagged as typed");
        assertFalse(entry.save(), "an invalid form is not saved");

        String visit = store.visitDefinitions().get(0).id();
        Map<String, Double> before = store.answers(subject.id(), visit, instrument);
        Map<String, Double> after = new HashMap<>(before);
        double changed = before.getOrDefault(firstItem, 0.0) == 0.0 ? 1.0 : 0.0;
        after.put(firstItem, changed);
        long auditBefore = study.read(c -> new AuditLog(c).size());
        try (UiThreadGuard.Recording guard = UiThreadGuard.record()) {
            assertTrue(entry.execute(after, "corrected from the paper form"));
            Job.getJobManager().join(UiJobs.FAMILY, null);
            ClinicalFixture.processUntil(() -> entry.status().endsWith("| Saved"), 10_000);
            assertEquals(List.of(), guard.through("SaveAnswersOperation"), "the save writes in a job, not on the UI thread");
            assertEquals(List.of(), guard.through("DashboardView"), "the dashboard counts in a job");
        }
        assertTrue(entry.status().endsWith("| Saved"), entry.status());
        assertEquals(changed, store.answers(subject.id(), visit, instrument).get(firstItem));

        IOperationHistory history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
        assertTrue(history.canUndo(entry.undoContext()));
        history.undo(entry.undoContext(), null, null);
        assertEquals(before, store.answers(subject.id(), visit, instrument), "undo restores the stored answers");
        var audit = study.read(c -> new AuditLog(c).entries(auditBefore, 100));
        assertTrue(audit.stream().anyMatch(a -> "corrected from the paper form".equals(a.reason())), audit.toString());
        assertTrue(audit.stream().map(AuditEntry::reason).anyMatch(r -> r != null && r.startsWith("undo:")), audit.toString());
    }

    @Test
    void consortViewCountsTheDemoAndExportsPng() throws Exception {
        IWorkbenchPage page = ClinicalFixture.clinical();
        study = ClinicalFixture.openDemo(tmp, "consort");
        ConsortView consort = (ConsortView) page.showView(ConsortView.ID);
        try (UiThreadGuard.Recording guard = UiThreadGuard.record()) {
            consort.refresh();
            Job.getJobManager().join(UiJobs.FAMILY, null);
            ClinicalFixture.processUntil(() -> consort.counts() != null, 10_000);
            assertEquals(List.of(), guard.through("ConsortView"), "the CONSORT counts are read in a job");
        }
        var counts = consort.counts();
        assertEquals(new TrialStore(study).consortCounts(), counts);
        assertEquals(77, counts.randomized());
        assertTrue(counts.screened() > counts.randomized());
        Path png = tmp.resolve("consort.png");
        consort.writePng(png.toString());
        assertTrue(Files.size(png) > 2_000);
    }

    @Test
    void clinicalPerspectiveScreenshot() throws Exception {
        IWorkbenchPage page = ClinicalFixture.clinical();
        study = ClinicalFixture.openDemo(tmp, "screenshot");
        SubjectGridView grid = (SubjectGridView) page.showView(SubjectGridView.ID);
        grid.reload();
        ClinicalFixture.waitForJobs(SubjectGridView.LOAD_FAMILY);
        ClinicalFixture.processUntil(() -> grid.shownRows() == 77, 20_000);
        ClinicalFixture.studies().select(study, new TrialStore(study).subjects().get(2).id());
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setSize(1400, 900);
        ClinicalFixture.processUntil(() -> false, 1200);
        Path out = Path.of(System.getProperty("painlab.screenshot", "target/clinical.png"));
        ScreenCapture.save(shell, out);
        assertTrue(Files.size(out) > 10_000);

        // a second picture with the grid scrolled to the SF-36 of the first visit that has it (its scales under it)
        DataGrid<GridRow> table = grid.grid();
        List<String> keys = table.shownColumns().stream().map(c -> c.key()).toList();
        int mcs = -1;
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).endsWith(".mcs_us1998")) {
                mcs = i;
                break;
            }
        }
        assertTrue(mcs > 0, keys.toString());
        page.setPartState(page.getReference(grid), IWorkbenchPage.STATE_MAXIMIZED);
        ClinicalFixture.processUntil(() -> false, 500);
        table.control().doCommand(new org.eclipse.nebula.widgets.nattable.viewport.command.ShowColumnInViewportCommand(mcs));
        ClinicalFixture.processUntil(() -> false, 700);
        Path sf36 = out.resolveSibling("subject-grid-sf36.png");
        ScreenCapture.save(shell, sf36);
        assertTrue(Files.size(sf36) > 10_000);
        // Subject and Arm stay at the left (after the row numbers) however far the grid scrolled
        assertEquals(0, table.control().getColumnIndexByPosition(1), "Subject frozen");
        assertEquals(1, table.control().getColumnIndexByPosition(2), "Arm frozen");
        assertTrue(table.control().getColumnIndexByPosition(3) > 2, "the columns after them scrolled");
        page.setPartState(page.getReference(grid), IWorkbenchPage.STATE_RESTORED);
    }
}
