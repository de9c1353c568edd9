package org.painlab.core.ui.internal;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.osgi.framework.FrameworkUtil;
import org.painlab.core.UiThreadGuard;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.internal.grid.GridWarmUp;
import org.painlab.core.ui.internal.perspectives.ClinicalPerspective;

/** Workbench life cycle: saves the layout, reopens the last studies (or the demo) at start. */
public final class PainLabWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        configurer.setSaveAndRestore(true);
        // lets core's debug guard (UiThreadGuard) see database work done on the UI thread
        var display = configurer.getWorkbench().getDisplay();
        FrameworkUtil.getBundle(PainLabWorkbenchAdvisor.class).getBundleContext()
                .registerService(UiThreadGuard.UiThread.class, () -> Thread.currentThread() == display.getThread(), null);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return ClinicalPerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new PainLabWindowAdvisor(configurer);
    }

    @Override
    public void postStartup() {
        OpenStudies studies = getWorkbenchConfigurer().getWorkbench().getService(OpenStudies.class);
        Display display = getWorkbenchConfigurer().getWorkbench().getDisplay();
        new StartupStudiesJob(studies, display).schedule();
        // The first grid opened (the Subject Grid once the studies are open, or any later) finds NatTable's classes
        // loaded. Started once the first window has been painted (SWT runs async runnables after the pending
        // paints): scheduled before, its class loading competed with the window's on a two-core machine.
        display.asyncExec(() -> {
            if (!display.isDisposed()) {
                display.update();
                GridWarmUp.start();
            }
        });
    }

    @Override
    public boolean preShutdown() {
        OpenStudies studies = getWorkbenchConfigurer().getWorkbench().getService(OpenStudies.class);
        Preferences.rememberOpenStudies(studies.studies());
        studies.closeAll();
        return true;
    }
}
