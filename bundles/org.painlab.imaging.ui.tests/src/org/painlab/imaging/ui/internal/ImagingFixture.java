package org.painlab.imaging.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.ScreenCapture;

/** Helpers for the Imaging UI tests: the perspective, the shared study selection, jobs, reference files, screenshots. */
final class ImagingFixture {
    static final String PERSPECTIVE = "org.painlab.perspective.imaging";

    private ImagingFixture() {
    }

    static OpenStudies studies() {
        return PlatformUI.getWorkbench().getService(OpenStudies.class);
    }

    static IWorkbenchPage imaging() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(PERSPECTIVE,
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        // a layout saved by an earlier run must not hide views this version adds
        page.resetPerspective();
        processEvents();
        return page;
    }

    /** The IBSI phantom folder (Phantom.nrrd, Phantom-label.nrrd), from -Dpainlab.reference as imaging.tests read it. */
    static Path ibsi() {
        String ref = System.getProperty("painlab.reference");
        if (ref == null || ref.isBlank()) {
            throw new IllegalStateException("System property 'painlab.reference' is not set: run with"
                    + " -Dpainlab.reference=/work/shared/reference");
        }
        Path dir = Path.of(ref, "ibsi");
        if (!Files.isRegularFile(dir.resolve("Phantom.nrrd"))) {
            throw new IllegalStateException("no ibsi/Phantom.nrrd under " + ref);
        }
        return dir;
    }

    static void waitForJobs(Object family, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (Job.getJobManager().find(family).length > 0 && System.currentTimeMillis() < end) {
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
        processEvents();
    }

    static void processEvents() {
        Display d = Display.getCurrent();
        while (d.readAndDispatch()) {
            // drain
        }
    }

    /** Saves the workbench window as {@code name} in the screenshots folder (-Dpainlab.screenshots). */
    static Path screenshot(String name) throws Exception {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setSize(1580, 980);
        shell.setLocation(0, 0);
        processEvents();
        Thread.sleep(200);
        processEvents();
        String dir = System.getProperty("painlab.screenshots", "target/screenshots");
        Path out = Path.of(dir, name);
        ScreenCapture.save(shell, out);
        return out;
    }
}
