package org.painlab.stats.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudyDemos;
import org.painlab.core.StudySchemas;
import org.painlab.core.ui.OpenStudies;

/** Helpers for the Analysis view tests: a fresh simulated demo study opened in the workbench. */
final class AnalysisFixture {
    private AnalysisFixture() {
    }

    static OpenStudies studies() {
        return PlatformUI.getWorkbench().getService(OpenStudies.class);
    }

    static IWorkbenchPage clinical() throws Exception {
        return PlatformUI.getWorkbench().showPerspective("org.painlab.perspective.clinical",
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
    }

    /** Creates the demo trial in a new folder under {@code tmp} and opens (selects) it. */
    static Study openDemo(Path tmp, String name) throws Exception {
        Path dir = Files.createDirectories(tmp).resolve(name);
        new NewStudy(StudySchemas.contributed()).create(dir, name, StudyDemos.get("snrb-peld"), 7L, new NullProgressMonitor());
        return studies().open(dir);
    }

    static void waitForJobs(Object family) throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000;
        while (!Job.getJobManager().find(family).equals(new Job[0]) && Job.getJobManager().find(family).length > 0
                && System.currentTimeMillis() < end) {
            processEvents();
            Thread.sleep(20);
        }
        processEvents();
    }

    static void processUntil(BooleanSupplier done, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
            processEvents();
            Thread.sleep(20);
        }
    }

    static void processEvents() {
        Display d = Display.getCurrent();
        while (d.readAndDispatch()) {
            // drain
        }
    }
}
