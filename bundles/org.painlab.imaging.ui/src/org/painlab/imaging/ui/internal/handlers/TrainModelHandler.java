package org.painlab.imaging.ui.internal.handlers;

import java.util.Map;
import java.util.Optional;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.painlab.core.Study;
import org.painlab.core.ui.OpenStudies;
import org.painlab.imaging.ui.internal.training.TrainingRun;
import org.painlab.imaging.ui.internal.views.TrainingView;

/** Imaging > Train Model...: the dialog, then the run as a cancellable job in the Training view. */
public final class TrainModelHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        if (w != null) {
            ask(w);
        }
        return null;
    }

    /** Asks for the run's settings and starts it on the selected study. */
    public static void ask(IWorkbenchWindow window) {
        Optional<Study> study = window.getWorkbench().getService(OpenStudies.class).selected();
        if (study.isEmpty()) {
            MessageDialog.openInformation(window.getShell(), "Train Model", "Open or select a study first: models are"
                    + " trained on its cases and stored in it.");
            return;
        }
        TrainModelDialog d = new TrainModelDialog(window.getShell());
        if (d.open() != Window.OK) {
            return;
        }
        start(window, study.get(), d.parameters());
    }

    /**
     * Starts the run the dialog asked for on {@code study} in the Training view: the engine's cross-validation,
     * the final model saved in the study, the ROC comparison.
     *
     * @return the training job, or null when it could not start (said in a message)
     */
    public static Job start(IWorkbenchWindow window, Study study, Map<String, String> parameters) {
        try {
            TrainingView v = (TrainingView) window.getActivePage().showView(TrainingView.ID);
            return v.start(study, new TrainingRun(parameters));
        } catch (PartInitException e) {
            org.eclipse.core.runtime.ILog.of(TrainModelHandler.class).error(e.getMessage(), e);
        } catch (IllegalStateException e) {
            MessageDialog.openInformation(window.getShell(), "Train Model", e.getMessage());
        }
        return null;
    }
}
