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

    /**
     * Saves what the shell shows as a PNG (the screenshot a person looks at).
     *
     * @param shell the window
     * @param out the PNG file
     * @return the picture, for assertions
     */
    static org.eclipse.swt.graphics.ImageData screenshot(org.eclipse.swt.widgets.Shell shell, java.nio.file.Path out)
            throws java.io.IOException {
        java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
        Display display = shell.getDisplay();
        org.eclipse.swt.graphics.Rectangle r = shell.getBounds();
        org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(display, r.width, r.height);
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(display);
        try {
            gc.copyArea(image, r.x, r.y);
        } finally {
            gc.dispose();
        }
        org.eclipse.swt.graphics.ImageData data = image.getImageData();
        image.dispose();
        org.eclipse.swt.graphics.ImageLoader loader = new org.eclipse.swt.graphics.ImageLoader();
        loader.data = new org.eclipse.swt.graphics.ImageData[] { data };
        loader.save(out.toString(), org.eclipse.swt.SWT.IMAGE_PNG);
        return data;
    }

    static void processEvents() {
        Display d = Display.getCurrent();
        while (d.readAndDispatch()) {
            // drain pending events so the UI reflects the last change
        }
    }
}
