package org.painlab.core.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;

import org.eclipse.ui.IWorkbenchPage;
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
    private static final String[] PERSPECTIVES = { "org.painlab.perspective.clinical", "org.painlab.perspective.imaging",
            "org.painlab.perspective.mechanism", "org.painlab.perspective.literature" };

    @TempDir
    Path tmp;

    @Test
    void eachPerspectiveOpensWithTheSharedViewsAndItsAreaView() throws WorkbenchException {
        var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        for (String id : PERSPECTIVES) {
            IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(id, window);
            WorkbenchFixture.processEvents();
            assertEquals(id, page.getPerspective().getId());
            assertNotNull(page.findView("org.painlab.core.ui.studyExplorer"), id + ": Study Explorer");
            assertNotNull(page.findView("org.painlab.core.ui.dashboard"), id + ": Dashboard");
            assertNotNull(page.findView("org.eclipse.pde.runtime.LogView"), id + ": Error Log");
            assertNotNull(page.findView("org.painlab.core.ui.auditLog"), id + ": Audit Trail");
            // the Progress view comes with org.eclipse.ui.ide, which the product does not hold (the test runtime
            // does): the frame does not name it, so the tests see the product's frame
            assertNull(page.findView("org.eclipse.ui.views.ProgressView"), id + ": no Progress tab (the status line shows progress)");
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
