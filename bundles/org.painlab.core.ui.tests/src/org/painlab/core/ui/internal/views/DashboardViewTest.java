package org.painlab.core.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.UiThreadGuard;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.ScreenCapture;
import org.painlab.core.ui.UiJobs;

/** The dashboard counts a study in a job, and core's guard sees database work on the UI thread. */
class DashboardViewTest {
    @TempDir
    Path tmp;
    private Study study;

    @AfterEach
    void close() {
        if (study != null) {
            studies().close(study);
        }
    }

    private static OpenStudies studies() {
        return PlatformUI.getWorkbench().getService(OpenStudies.class);
    }

    @Test
    void countsAreReadInAJobNotOnTheUiThread() throws Exception {
        Path dir = new NewStudy(StudySchemas.contributed()).create(tmp.resolve("counted"), "Counted", null, 0, null);
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        DashboardView view = (DashboardView) page.showView(DashboardView.ID);
        try (UiThreadGuard.Recording guard = UiThreadGuard.record()) {
            // opening reads the study (a user's explicit command); the view's own reading is what is checked
            // the jobs held back so the screenshot shows the view while it reads
            Job.getJobManager().suspend();
            try {
                study = studies().open(dir);
                studies().select(study, null);
                drain(() -> false, 300);
                assertTrue(view.shownCounts().contains("reading...="), view.shownCounts().toString());
                Path shot = Path.of(System.getProperty("painlab.screenshot", "target/workbench.png")).resolveSibling("dashboard-loading.png");
                ScreenCapture.save(page.getWorkbenchWindow().getShell(), shot);
            } finally {
                Job.getJobManager().resume();
            }
            Job.getJobManager().join(UiJobs.FAMILY, null);
            drain(() -> view.shownCounts().stream().anyMatch(l -> l.startsWith("audit rows=")), 20_000);
            assertEquals(List.of(), guard.through("DashboardView"), "the dashboard reads in a job");
            assertEquals(List.of(), guard.through("StudyExplorerView"), "the Study Explorer reads in a job");
        }
        assertEquals("Counted", view.shownTitle());
        assertTrue(view.shownCounts().contains("subjects=0"), view.shownCounts().toString());
        ScreenCapture.save(page.getWorkbenchWindow().getShell(),
                Path.of(System.getProperty("painlab.screenshot", "target/workbench.png")).resolveSibling("dashboard-loaded.png"));
    }

    @Test
    void failModeRefusesDatabaseWorkOnTheUiThreadButNotInAJob() throws Exception {
        Path dir = new NewStudy(StudySchemas.contributed()).create(tmp.resolve("guarded"), "Guarded", null, 0, null);
        study = studies().open(dir);
        String was = System.getProperty(UiThreadGuard.PROPERTY);
        System.setProperty(UiThreadGuard.PROPERTY, "fail");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> study.info());
            assertTrue(e.getMessage().contains(dir.getFileName().toString()), e.getMessage());
            long[] subjects = { -1 };
            Job job = Job.create("read off the UI thread", m -> {
                try {
                    subjects[0] = (Long) study.info().counts().get("subjects");
                } catch (Exception x) {
                    throw new IllegalStateException(x);
                }
            });
            job.schedule();
            job.join();
            assertTrue(job.getResult().isOK(), String.valueOf(job.getResult()));
            assertEquals(0L, subjects[0]);
        } finally {
            System.setProperty(UiThreadGuard.PROPERTY, was == null ? "" : was);
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
