package org.painlab.mechanism.ui.internal.views;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.painlab.core.Study;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.result.StoredResult;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.mechanism.steady.SteadyState;
import org.painlab.mechanism.steady.SteadyStateAnalysis;
import org.painlab.mechanism.ui.internal.model.LoadedModel;

/**
 * Steady State... of the Parameter Sliders view (and the Mechanism menu): asks for the search, runs it as a
 * cancellable job, stores it in the selected study through core's AnalysisRunner as {@code painlab mech steady
 * --study} does, and shows the stored result.
 */
public final class SteadyStateRun {
    /** Family of the search jobs. */
    public static final Object JOB_FAMILY = new Object();
    private final OpenStudies studies;
    private final Shell shell;
    private final Consumer<String> status;
    private Job job;
    private SteadyStateResultDialog dialog;
    private StoredResult last;
    private SteadyState lastState;

    SteadyStateRun(OpenStudies studies, Shell shell, Consumer<String> status) {
        this.studies = studies;
        this.shell = shell;
        this.status = status;
    }

    /** Asks for a search on {@code model} with the sliders' {@code values} offered, and runs it. */
    public void ask(LoadedModel model, Map<String, Double> values) {
        Optional<Study> study = studies.selected();
        if (model == null || study.isEmpty()) {
            MessageDialog.openInformation(shell, "Steady State", model == null ? "Select a model in the Model Outline first."
                    : "Open or select a study first: the steady state is stored in it with its provenance.");
            return;
        }
        SteadyStateDialog d = new SteadyStateDialog(shell, model, values);
        if (d.open() == Window.OK && d.accepted() != null) {
            run(study.get(), model, d.accepted());
        }
    }

    /**
     * Searches as a job and stores the result in {@code study}.
     *
     * @param parameters the analysis parameters (as {@link SteadyStateAnalysis#effective})
     * @return the job
     */
    public Job run(Study study, LoadedModel lm, Map<String, String> parameters) {
        if (job != null && job.getState() != Job.NONE) {
            throw new IllegalStateException("a steady-state search is running: wait for it");
        }
        Map<String, String> effective = SteadyStateAnalysis.effective(parameters);
        String by = AuditActor.current();
        Display display = shell.getDisplay();
        String what = "steady state of " + lm.label();
        job = new Job("Steady state: " + lm.label()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    SteadyStateAnalysis.Search s = SteadyStateAnalysis.find(lm.model(), effective, monitor);
                    if (monitor.isCanceled()) {
                        throw new OperationCanceledException();
                    }
                    StoredResult stored = new AnalysisRunner().record(study, SteadyStateAnalysis.ID, effective, s.result(), by);
                    display.asyncExec(() -> found(stored, s.steadyState(), what));
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    display.asyncExec(() -> status.accept(what + ": cancelled, nothing stored"));
                    return Status.CANCEL_STATUS;
                } catch (Exception e) {
                    display.asyncExec(() -> status.accept(what + ": " + e.getMessage()));
                    return Status.OK_STATUS;
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        status.accept("Searching the " + what + "...");
        job.schedule();
        return job;
    }

    private void found(StoredResult stored, SteadyState s, String what) {
        last = stored;
        lastState = s;
        status.accept(what + ": " + s.stability().label() + " (" + s.method() + "), stored as result " + stored.id());
        if (shell.isDisposed()) {
            return;
        }
        studies.refresh();
        if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
        dialog = new SteadyStateResultDialog(shell, stored.id(), stored.body());
        dialog.open();
    }

    /** The last stored steady state, or null. */
    public StoredResult lastStored() {
        return last;
    }

    /** The last steady state found, or null. */
    public SteadyState lastSteadyState() {
        return lastState;
    }

    /** The dialog showing the last result, or null. */
    public SteadyStateResultDialog resultDialog() {
        return dialog;
    }

    void dispose() {
        if (job != null) {
            job.cancel();
        }
        if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
    }
}
