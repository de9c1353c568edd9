package org.painlab.core.ui.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/** The PainLab Workbench desktop application. */
public final class PainLabApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        // the workbench's classes the first window needs are loaded on another core meanwhile
        FirstWindowClasses firstWindow = FirstWindowClasses.start();
        Display display = PlatformUI.createDisplay();
        firstWindow.heldBy(display);
        try {
            int code = PlatformUI.createAndRunWorkbench(display, new PainLabWorkbenchAdvisor());
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
