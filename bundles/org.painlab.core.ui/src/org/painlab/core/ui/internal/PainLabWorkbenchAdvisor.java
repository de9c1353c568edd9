package org.painlab.core.ui.internal;

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
    private ErrorLogOpener errorLog;

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        configurer.setSaveAndRestore(true);
        // lets core's debug guard (UiThreadGuard) see database work done on the UI thread
        var display = configurer.getWorkbench().getDisplay();
        FrameworkUtil.getBundle(PainLabWorkbenchAdvisor.class).getBundleContext()
                .registerService(UiThreadGuard.UiThread.class, () -> Thread.currentThread() == display.getThread(), null);
    }

    @Override
    public void preStartup() {
        StartupProbe.preStartup(getWorkbenchConfigurer().getWorkbench().getDisplay());
        // the frame does not open the Error Log at start; an error does, from the first window on
        errorLog = ErrorLogOpener.start(getWorkbenchConfigurer().getWorkbench());
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
        var display = getWorkbenchConfigurer().getWorkbench().getDisplay();
        OpenStudies studies = getWorkbenchConfigurer().getWorkbench().getService(OpenStudies.class);
        // opening the studies (H2, some 600 classes, the demo's creation at a first start) waits until the
        // first window has painted, so that on a two-core machine it does not take a core from that paint;
        // the first frame never showed them (the job adds them in a later event), now they come a paint later
        StartupStudiesJob.scheduleAfterFirstPaint(studies, getWorkbenchConfigurer().getWorkbench());
        // SPI Fly and slf4j's provider are not started at boot; before the grid's warm-up, which logs through slf4j
        StartExtendersJob.startAfterFirstPaint(display);
        // the first grid opened (the Subject Grid at start-up, or any later) finds NatTable's classes loaded;
        // started once the first window has painted, so that it does not compete with the start-up itself
        GridWarmUp.startAfterFirstPaint(display);
    }

    @Override
    public boolean preShutdown() {
        if (errorLog != null) {
            errorLog.stop();
        }
        OpenStudies studies = getWorkbenchConfigurer().getWorkbench().getService(OpenStudies.class);
        Preferences.rememberOpenStudies(studies.studies());
        studies.closeAll();
        return true;
    }
}
