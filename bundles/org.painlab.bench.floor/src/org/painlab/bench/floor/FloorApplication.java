package org.painlab.bench.floor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/**
 * The floor of the start-up benchmark: the barest RCP window the same target platform
 * can open (one empty perspective, no views, no menus). It writes the time of its first
 * painted window to {@code -Dpainlab.startupProbe=FILE} and exits, as PainLab does.
 */
public final class FloorApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        Display display = PlatformUI.createDisplay();
        try {
            PlatformUI.createAndRunWorkbench(display, new WorkbenchAdvisor() {
                @Override
                public String getInitialWindowPerspectiveId() {
                    return "org.painlab.bench.floor.perspective";
                }

                @Override
                public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
                    return new WorkbenchWindowAdvisor(configurer) {
                        @Override
                        public void postWindowOpen() {
                            probe(display);
                        }
                    };
                }
            });
            return EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    private static void probe(Display display) {
        String file = System.getProperty("painlab.startupProbe");
        if (file == null) {
            return;
        }
        display.asyncExec(() -> {
            display.update();
            try {
                Files.writeString(Path.of(file), Long.toString(System.currentTimeMillis()));
            } catch (IOException e) {
                System.err.println("startup probe: " + e.getMessage());
            }
            PlatformUI.getWorkbench().close();
        });
    }

    @Override
    public void stop() {
        // the benchmark closes the workbench itself
    }

    /** An empty perspective: the floor shows nothing but the window. */
    public static final class EmptyPerspective implements IPerspectiveFactory {
        @Override
        public void createInitialLayout(IPageLayout layout) {
            layout.setEditorAreaVisible(false);
        }
    }
}
