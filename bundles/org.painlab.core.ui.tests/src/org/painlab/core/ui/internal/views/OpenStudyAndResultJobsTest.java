package org.painlab.core.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.UiThreadGuard;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.UiJobs;
import org.painlab.core.ui.internal.actions.OpenStudyAction;
import org.painlab.core.ui.internal.results.ResultView;

/** File > Open Study opens the study in a job, and the Result view reads a result by id in a job. */
class OpenStudyAndResultJobsTest {
    @TempDir
    Path tmp;

    private static OpenStudies studies() {
        return PlatformUI.getWorkbench().getService(OpenStudies.class);
    }

    @Test
    void openStudyAndShowingAResultReadInJobs() throws Exception {
        Path dir = tmp.resolve("opened");
        StoredResult stored;
        try (Study s = Study.create(dir, "Opened in a job", StudySchemas.contributed())) {
            stored = new ResultStore(s).add(new StoredResult(0, "org.painlab.stats.paperTables", "Tables of a paper (ITT)",
                    Map.of("population", "ITT"), "0f".repeat(32), Map.of("org.painlab.core", "0.1.0"), null, "dr.chen",
                    Map.of("tables", List.of(Map.of("title", "x", "header", List.of("name", "n"), "rows",
                            List.of(List.of("a", 1.0), List.of("b", 2.0)))))));
        }
        var shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        Study study = null;
        try (UiThreadGuard.Recording guard = UiThreadGuard.record()) {
            Job job = OpenStudyAction.open(shell, studies(), dir);
            assertNotNull(job, "a study not open yet is opened in a job");
            job.join();
            drain(() -> studies().isOpen(dir), 10_000);
            assertTrue(studies().isOpen(dir), "the study opened in the job is added on the UI thread");
            study = studies().selected().orElseThrow();
            assertEquals("Opened in a job", study.name());
            assertNull(OpenStudyAction.open(shell, studies(), dir), "a study open already is only selected");
            assertEquals(1, studies().studies().stream().filter(s -> s.folder().equals(dir.toAbsolutePath().normalize())).count());

            IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
            ResultView view = (ResultView) page.showView(ResultView.ID);
            view.show(study, stored.id()).join();
            Job.getJobManager().join(UiJobs.FAMILY, null);
            drain(() -> view.result() != null, 10_000);
            assertEquals(stored.id(), view.result().id(), "the result read in the job is shown");
            assertEquals(2, view.grids().get(0).shownRowCount(), "with its table");
            assertEquals(List.of(), guard.through("StudyJobs"), "File > Open Study opens the study in a job");
            assertEquals(List.of(), guard.through("OpenStudyAction"), "File > Open Study opens the study in a job");
            assertEquals(List.of(), guard.through("ResultView"), "the Result view reads the result in a job");
        } finally {
            if (study != null) {
                studies().close(study);
            }
        }
    }

    private static void drain(java.util.function.BooleanSupplier done, long millis) throws InterruptedException {
        Display d = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
            while (d.readAndDispatch()) {
                // drain
            }
            Thread.sleep(10);
        }
    }
}
