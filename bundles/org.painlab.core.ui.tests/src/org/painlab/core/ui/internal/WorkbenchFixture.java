package org.painlab.core.ui.internal;


import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.painlab.core.ui.OpenStudies;

/** Helpers for tests that run inside the PainLab workbench on the UI thread. */
final class WorkbenchFixture {
    private WorkbenchFixture() {
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    static OpenStudies studies() {
        return PlatformUI.getWorkbench().getService(OpenStudies.class);
    }

    /** Lets the start-up job finish and its UI work run, so tests see the opened studies. */
    static void awaitStartup() throws InterruptedException {
        // the job is scheduled once the first window has painted (before, joining its family returns at once):
        // the event loop runs until it has opened a study, then the job's last UI work runs
        processUntil(() -> !studies().studies().isEmpty(), 20_000);
        Job.getJobManager().join(StartupStudiesJob.FAMILY, null);
        processUntil(() -> !studies().studies().isEmpty(), 20_000);
    }

    static void processUntil(BooleanSupplier done, long timeoutMillis) {
        Display d = Display.getCurrent();
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
            if (!d.readAndDispatch()) {
                d.timerExec(20, () -> { });
                d.sleep();
            }
        }
    }

    static void processEvents() {
        Display d = Display.getCurrent();
        while (d.readAndDispatch()) {
            // drain pending events so the UI reflects the last change
        }
    }
}
