package org.painlab.core.ui.internal;

import java.util.Arrays;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.painlab.core.internal.OnDemandExtenders;

/**
 * Starts the extenders (SPI Fly) and the service providers (slf4j's) that the installed bundles need once the
 * workbench's first window has painted. The product does not start them at boot: SPI Fly reads every installed
 * bundle when it starts, 0.2 s of the start-up on a two-core machine, and nothing in the first window needs it.
 * Libraries that look up providers through the service loader (slf4j in NatTable, DJL and JSBML) find them
 * from then on; the grid starts them itself if it comes first ({@link OnDemandExtenders#startNeededByAll}).
 */
public final class StartExtendersJob extends Job {
    /** The job family, for tests that wait for it. */
    public static final Object FAMILY = new Object();
    private final BundleContext context;

    private StartExtendersJob(BundleContext context) {
        super("Starting service extenders");
        this.context = context;
        setSystem(true);
        setPriority(Job.SHORT);
    }

    /** Schedules the job once the display has dispatched the events pending now (the first window's paint). */
    static void startAfterFirstPaint(Display display) {
        BundleContext context = FrameworkUtil.getBundle(StartExtendersJob.class).getBundleContext();
        display.asyncExec(() -> new StartExtendersJob(context).schedule());
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        OnDemandExtenders.startNeededByAll(Arrays.asList(context.getBundles()));
        return Status.OK_STATUS;
    }
}
