package org.painlab.core.ui.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * The status line's progress indicator opens the workbench's Progress view on a double-click, and does nothing when
 * no view has that id. The IDE bundle defines it; the product does not hold that bundle (the test runtime does), so
 * PainLab defines it itself.
 */
class ProgressViewTest {

    @Test
    void painLabDefinesTheProgressView() {
        boolean ours = Arrays.stream(Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.ui.views"))
                .anyMatch(e -> "view".equals(e.getName()) && IPageLayout.ID_PROGRESS_VIEW.equals(e.getAttribute("id"))
                        && "org.painlab.core.ui".equals(e.getContributor().getName()));
        assertTrue(ours, "org.painlab.core.ui must contribute " + IPageLayout.ID_PROGRESS_VIEW);
    }

    @Test
    void theProgressViewListsARunningJob() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        CountDownLatch release = new CountDownLatch(1);
        Job job = new Job("Progress view test job") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask("waiting for the test", IProgressMonitor.UNKNOWN);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Status.OK_STATUS;
            }
        };
        job.schedule();
        boolean inFrame = page.findViewReference(IPageLayout.ID_PROGRESS_VIEW) != null;
        IViewPart view = page.showView(IPageLayout.ID_PROGRESS_VIEW);
        try {
            assertNotNull(view);
            // the view's own list (its viewer is the site's selection provider), not the status line's
            Composite list = view.getSite().getSelectionProvider() instanceof Viewer v && v.getControl() instanceof Composite c ? c : null;
            assertNotNull(list, "the Progress view's list");
            WorkbenchFixture.processUntil(() -> labels(list).stream().anyMatch(t -> t.contains("Progress view test job")), 10_000);
            assertTrue(labels(list).stream().anyMatch(t -> t.contains("Progress view test job")), "the running job is listed: " + labels(list));
        } finally {
            release.countDown();
            job.join();
            if (!inFrame) {
                page.hideView(view);
            }
            WorkbenchFixture.processEvents();
        }
    }

    private static List<String> labels(Composite root) {
        List<String> out = new ArrayList<>();
        for (Control c : root.getChildren()) {
            if (c instanceof Label l) {
                out.add(l.getText());
            } else if (c instanceof org.eclipse.swt.custom.CLabel l) {
                out.add(l.getText());
            }
            if (c instanceof Composite child) {
                out.addAll(labels(child));
            }
        }
        return out;
    }
}
