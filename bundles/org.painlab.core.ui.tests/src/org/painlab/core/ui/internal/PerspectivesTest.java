package org.painlab.core.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.internal.views.DashboardView;

class PerspectivesTest {
    private static final String ERROR_LOG = "org.eclipse.pde.runtime.LogView";
    private static final String AUDIT = "org.painlab.core.ui.auditLog";
    private static final String[] PERSPECTIVES = { "org.painlab.perspective.clinical", "org.painlab.perspective.imaging",
            "org.painlab.perspective.mechanism", "org.painlab.perspective.literature" };

    @TempDir
    Path tmp;

    @Test
    void eachPerspectiveOpensWithTheSharedViewsAndItsAreaView() throws WorkbenchException, PartInitException {
        var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        for (String id : PERSPECTIVES) {
            IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(id, window);
            page.resetPerspective(); // as a first start shows it, whatever earlier tests opened
            WorkbenchFixture.processEvents();
            assertEquals(id, page.getPerspective().getId());
            assertNotNull(page.findView("org.painlab.core.ui.studyExplorer"), id + ": Study Explorer");
            assertNotNull(page.findView("org.painlab.core.ui.dashboard"), id + ": Dashboard");
            // the Error Log and the Audit Trail have their places in the frame but are not open at start (the
            // Error Log in front cost the cold start about 0.15 s); Window > Show View opens them there
            assertNull(page.findViewReference(ERROR_LOG), id + ": the Error Log is not open at start");
            assertNull(page.findViewReference(AUDIT), id + ": the Audit Trail is not open at start");
            // the Progress view comes with org.eclipse.ui.ide, which the product does not hold (the test runtime
            // does): the frame does not name it, so the tests see the product's frame
            assertNull(page.findView("org.eclipse.ui.views.ProgressView"), id + ": no Progress tab (the status line shows progress)");
            IViewPart log = page.showView(ERROR_LOG);
            IViewPart audit = page.showView(AUDIT);
            WorkbenchFixture.processEvents();
            // both open in the frame's bottom folder: one stack, apart from the Study Explorer and the area's views
            List<IViewPart> stack = Arrays.asList(page.getViewStack(log));
            assertTrue(stack.contains(audit), id + ": the Error Log and the Audit Trail share a folder: " + stack);
            assertFalse(stack.contains(page.findView("org.painlab.core.ui.studyExplorer")), id + ": not the Study Explorer's");
            assertFalse(stack.contains(page.findView("org.painlab.core.ui.dashboard")), id + ": not the area's folder");
        }
    }

    @Test
    void switchingPerspectivesKeepsTheSelectedStudy() throws Exception {
        WorkbenchFixture.awaitStartup();
        Path dir = new NewStudy(StudySchemas.contributed()).create(tmp.resolve("kept"), "Kept across perspectives", null, 0,
                null);
        OpenStudies studies = WorkbenchFixture.studies();
        Study study = studies.open(dir);
        var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        try {
            for (String id : PERSPECTIVES) {
                IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(id, window);
                WorkbenchFixture.processEvents();
                assertEquals(study, studies.selected().orElseThrow(), id);
                DashboardView dashboard = (DashboardView) page.findView(DashboardView.ID);
                assertEquals("Kept across perspectives", dashboard.shownTitle(), id);
            }
        } finally {
            studies.close(study);
        }
    }
}
