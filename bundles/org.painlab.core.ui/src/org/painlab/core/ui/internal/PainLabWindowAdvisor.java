package org.painlab.core.ui.internal;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** The main window: title, size, perspective bar, status line with the progress indicator. */
public final class PainLabWindowAdvisor extends WorkbenchWindowAdvisor {

    public PainLabWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new PainLabActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        StartupProbe.preWindowOpen(getWindowConfigurer().getWindow().getWorkbench().getDisplay());
        IWorkbenchWindowConfigurer c = getWindowConfigurer();
        c.setInitialSize(new Point(1280, 800));
        c.setShowCoolBar(true);
        c.setShowStatusLine(true);
        c.setShowProgressIndicator(true);
        c.setShowPerspectiveBar(true);
        c.setTitle("PainLab Workbench");
    }

    @Override
    public void postWindowOpen() {
        var display = getWindowConfigurer().getWindow().getWorkbench().getDisplay();
        FirstWindowClasses.of(display).ifPresent(loading -> display.asyncExec(loading::stop));
        StartupProbe.afterWindowOpen(getWindowConfigurer().getWindow().getWorkbench());
    }
}
