package org.painlab.mechanism.ui.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.painlab.mechanism.ui.internal.views.ModelOutlineView;

/** Helpers for the Mechanism UI tests: the perspective with its models read, jobs, screenshots. */
final class MechanismFixture {
    static final String PERSPECTIVE = "org.painlab.perspective.mechanism";
    static final String NEURO = "neuroinflammation-sensitization";

    private MechanismFixture() {
    }

    static OpenStudies studies() {
        return PlatformUI.getWorkbench().getService(OpenStudies.class);
    }

    /** The Mechanism perspective, reset, with the installed models read into the outline. */
    static IWorkbenchPage mechanism() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(PERSPECTIVE,
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        page.resetPerspective();
        processEvents();
        ModelOutlineView outline = (ModelOutlineView) page.showView(ModelOutlineView.ID);
        waitForJobs(ModelOutlineView.JOB_FAMILY, 60_000);
        processUntil(() -> outline.roots().size() >= 3, 30_000);
        assertTrue(outline.roots().size() >= 3, "the three built-in models: " + outline.status());
        return page;
    }

    /** Selects an installed model in the outline (the other views follow). */
    static ModelOutlineView select(IWorkbenchPage page, String source) throws Exception {
        ModelOutlineView outline = (ModelOutlineView) page.showView(ModelOutlineView.ID);
        if (!outline.select(source)) {
            throw new IllegalStateException("no model " + source + " in the outline");
        }
        processEvents();
        return outline;
    }

    /** An SBML Test Suite case from -Dpainlab.reference. */
    static Path sbmlCase(String id) {
        String ref = System.getProperty("painlab.reference");
        if (ref == null || ref.isBlank()) {
            throw new IllegalStateException("System property 'painlab.reference' is not set: run with -Dpainlab.reference=/work/shared/reference");
        }
        Path p = Path.of(ref, "sbml", id, id + "-sbml-l3v2.xml");
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("no " + p);
        }
        return p;
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
        // the pointer away from the views, so no tooltip covers them
        shell.getDisplay().setCursorLocation(1590, 990);
        processEvents();
        Thread.sleep(300);
        processEvents();
        String dir = System.getProperty("painlab.screenshots", "target/screenshots");
        Path out = Path.of(dir, name);
        ScreenCapture.save(shell, out);
        return out;
    }
}
