package org.painlab.trial.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        SubjectGridView grid = (SubjectGridView) page.showView(SubjectGridView.ID);
        grid.reload();
        ClinicalFixture.waitForJobs(SubjectGridView.LOAD_FAMILY);
        ClinicalFixture.processUntil(() -> grid.shownRows() == 77, 20_000);
        assertEquals(77, grid.shownRows());
        long inS = new TrialStore(study).subjects().stream().filter(s -> "S".equals(s.armCode())).count();
        grid.setFilter("arm=S");
        ClinicalFixture.processEvents();
        assertEquals(inS, grid.shownRows());
        grid.setFilter("");
        grid.sortBy(0);
        grid.sortBy(0);
        ClinicalFixture.processEvents();
        assertTrue(grid.cell(0, 0).compareTo(grid.cell(1, 0)) > 0, "descending after the second click");
    }

    @Test
    void dataEntryValidatesSavesAndUndoes() throws Exception {
        IWorkbenchPage page = ClinicalFixture.clinical();
        study = ClinicalFixture.openDemo(tmp, "entry");
        TrialStore store = new TrialStore(study);
        Subject subject = store.subjects().get(0);
        DataEntryView entry = (DataEntryView) page.showView(DataEntryView.ID);
        ClinicalFixture.studies().select(study, subject.id());
        ClinicalFixture.processEvents();
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
        assertTrue(entry.execute(after, "corrected from the paper form"));
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
        consort.refresh();
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
    }
}
