package org.painlab.core.ui.internal.actions;

import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.analysis.Analyses;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.result.StoredResult;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.internal.results.ResultView;
import org.painlab.core.ui.internal.results.RunAnalysisDialog;

/**
 * File > Run Analysis...: runs any installed analysis (built-in or a plugin's) on the selected
 * study as a job, stores the result with its provenance and opens it in the Result view.
 */
public final class RunAnalysisAction extends Action {
    public static final String ID = "org.painlab.core.ui.runAnalysis";
    private final IWorkbenchWindow window;

    public RunAnalysisAction(IWorkbenchWindow window) {
        super("&Run Analysis...");
        setId(ID);
        this.window = window;
    }

    @Override
    public void run() {
        OpenStudies studies = window.getWorkbench().getService(OpenStudies.class);
        Study study = studies.selected().orElse(null);
        if (study == null) {
            MessageDialog.openInformation(window.getShell(), "Run Analysis", "Select a study in the Study Explorer first.");
            return;
        }
        Analyses analyses = new Analyses();
        if (analyses.contributions().isEmpty()) {
            MessageDialog.openInformation(window.getShell(), "Run Analysis", "No analysis is installed.");
            return;
        }
        RunAnalysisDialog d = new RunAnalysisDialog(window.getShell(), analyses.contributions());
        if (d.open() != Window.OK) {
            return;
        }
        String id = d.analysis().id();
        Map<String, String> parameters = d.parameters();
        String actor = AuditActor.current();
        Display display = window.getShell().getDisplay();
        Job job = Job.create("Running " + d.analysis().name() + " on " + study.name(), (IProgressMonitor monitor) -> {
            try {
                StoredResult r = new AnalysisRunner().run(study, id, parameters, actor, monitor);
                display.asyncExec(() -> {
                    studies.refresh();
                    try {
                        ((ResultView) window.getActivePage().showView(ResultView.ID)).show(study, r);
                    } catch (PartInitException e) {
                        MessageDialog.openError(window.getShell(), "Run Analysis", e.getMessage());
                    }
                });
                return Status.OK_STATUS;
            } catch (OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            } catch (StudyException | RuntimeException e) {
                display.asyncExec(() -> MessageDialog.openError(window.getShell(), "Run Analysis", e.getMessage()));
                return Status.error(id + " on " + study.folder() + " failed: " + e.getMessage(), e);
            }
        });
        job.setUser(true);
        job.schedule();
    }
}
