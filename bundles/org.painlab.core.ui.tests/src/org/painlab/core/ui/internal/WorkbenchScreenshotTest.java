package org.painlab.core.ui.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.painlab.core.ui.ScreenCapture;

/** Opens the workbench as a user sees it at first start (demo study) and saves a screenshot. */
class WorkbenchScreenshotTest {

    @Test
    void firstStartShowsTheDemoStudyAndIsSavedAsScreenshot() throws Exception {
        WorkbenchFixture.awaitStartup();
        var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective("org.painlab.perspective.clinical", window);
        var studies = WorkbenchFixture.studies();
        assertTrue(studies.studies().stream().anyMatch(s -> s.folder().equals(StartupStudiesJob.demoFolder())),
                "the demo study is open at first start: " + studies.studies());
        Shell shell = window.getShell();
        shell.setSize(1280, 800);
        shell.forceActive();
        long end = System.currentTimeMillis() + 1500;
        while (System.currentTimeMillis() < end) {
            WorkbenchFixture.processEvents();
            Thread.sleep(50);
        }
        Path out = Path.of(System.getProperty("painlab.screenshot", "target/workbench.png"));
        ImageData data = ScreenCapture.save(shell, out);
        assertTrue(Files.size(out) > 10_000, "screenshot " + out + " has content");
        assertTrue(distinctColours(data) > 8, "the screenshot is not blank");
    }

    private static int distinctColours(ImageData data) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < data.height; y += 7) {
            for (int x = 0; x < data.width; x += 7) {
                seen.add(data.getPixel(x, y));
            }
        }
        return seen.size();
    }
}
