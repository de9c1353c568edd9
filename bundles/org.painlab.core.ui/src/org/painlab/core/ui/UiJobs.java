package org.painlab.core.ui;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;

/**
 * Runs a view's database or file work in a job and hands the outcome back to the UI thread,
 * so the workbench stays responsive (the rule in docs/plugin-developer-guide.md, 'No database
 * work on the UI thread'). The outcome is dropped when the owning control was disposed
 * meanwhile; a cancelled job reports neither a value nor a failure.
 *
 * @since 0.1
 */
public final class UiJobs {
    /** The family of every job started here, for {@code Job.getJobManager().join(FAMILY, null)}. */
    public static final Object FAMILY = UiJobs.class;

    /**
     * Work done off the UI thread; it should check {@code monitor.isCanceled()} in its loops.
     *
     * @since 0.1
     */
    @FunctionalInterface
    public interface Work<T> {
        T run(IProgressMonitor monitor) throws Exception;
    }

    private UiJobs() {
    }

    /**
     * Schedules {@code work} as a job named {@code name} (shown in the Progress view), then
     * calls {@code done} or {@code failed} on the UI thread of {@code owner}.
     */
    public static <T> Job run(String name, Control owner, Work<T> work, Consumer<T> done, Consumer<Exception> failed) {
        var display = owner.getDisplay();
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    T value = work.run(monitor);
                    if (monitor.isCanceled()) {
                        return Status.CANCEL_STATUS;
                    }
                    deliver(() -> done.accept(value));
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                } catch (Exception e) {
                    deliver(() -> failed.accept(e));
                    // the view shows the failure where it happened; the job itself ends normally
                    return Status.OK_STATUS;
                }
            }

            private void deliver(Runnable onUi) {
                if (!display.isDisposed()) {
                    display.asyncExec(() -> {
                        if (!owner.isDisposed()) {
                            onUi.run();
                        }
                    });
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.schedule();
        return job;
    }
}
