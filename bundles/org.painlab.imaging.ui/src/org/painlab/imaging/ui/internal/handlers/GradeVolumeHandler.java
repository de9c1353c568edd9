package org.painlab.imaging.ui.internal.handlers;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.result.StoredResult;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.UiJobs;
import org.painlab.imaging.store.SavedModels;
import org.painlab.imaging.store.SavedModels.SavedModel;
import org.painlab.imaging.store.VolumeGradingAnalysis;

/**
 * Imaging > Grade Volume...: picks one of the selected study's saved models and a volume (with its mask), grades
 * it in a job through the analysis {@value VolumeGradingAnalysis#ID} (stored with provenance, as
 * {@code painlab imaging grade} does) and shows the probability and grade.
 */
public final class GradeVolumeHandler extends AbstractHandler {
    /** Family of the grading jobs (tests wait for it). */
    public static final Object JOB_FAMILY = new Object();

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        if (w == null) {
            return null;
        }
        Optional<Study> study = w.getWorkbench().getService(OpenStudies.class).selected();
        if (study.isEmpty()) {
            MessageDialog.openInformation(w.getShell(), "Grade Volume", "Open or select a study first: its saved models"
                    + " grade, and the grading is stored in it.");
            return null;
        }
        Study s = study.get();
        Shell shell = w.getShell();
        readModels(shell, s, models -> choose(shell, s, models));
        return null;
    }

    /**
     * Reads the saved models of {@code study} in a job ({@link UiJobs#FAMILY}) and hands them to {@code then} on
     * the UI thread, where the dialog opens; a failure is shown in an error dialog.
     */
    public static Job readModels(Shell shell, Study study, Consumer<List<SavedModel>> then) {
        return UiJobs.run("Reading the saved models of " + study.name(), shell, monitor -> new SavedModels(study).list(), then,
                e -> MessageDialog.openError(shell, "Grade Volume", e.getMessage()));
    }

    private static void choose(Shell shell, Study study, List<SavedModel> models) {
        if (models.isEmpty()) {
            MessageDialog.openInformation(shell, "Grade Volume", "The study has no saved model yet: train one with"
                    + " `painlab imaging train " + study.folder() + " --model rf --seed 1`.");
            return;
        }
        GradeVolumeDialog d = new GradeVolumeDialog(shell, models);
        if (d.open() == Window.OK) {
            Display display = shell.getDisplay();
            start(study, d.model(), d.volume(), d.mask(), display, (ok, text) -> {
                if (ok) {
                    MessageDialog.openInformation(display.getActiveShell(), "Grade Volume", text);
                } else {
                    MessageDialog.openError(display.getActiveShell(), "Grade Volume", text);
                }
            });
        }
    }

    /** The analysis parameters of grading {@code volume} (and {@code mask}, may be null) with {@code model}. */
    public static Map<String, String> parameters(SavedModel model, Path volume, Path mask) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(VolumeGradingAnalysis.MODEL, model.classifierId());
        p.put(VolumeGradingAnalysis.TRAINING_RESULT, Long.toString(model.trainingResult()));
        p.put(VolumeGradingAnalysis.VOLUME, volume.toAbsolutePath().toString());
        if (mask != null) {
            p.put(VolumeGradingAnalysis.MASK, mask.toAbsolutePath().toString());
        }
        return p;
    }

    /** Grades and stores the result (the job's work, without the display). */
    public static StoredResult grade(Study study, SavedModel model, Path volume, Path mask, IProgressMonitor monitor)
            throws StudyException {
        return new AnalysisRunner().run(study, VolumeGradingAnalysis.ID, parameters(model, volume, mask), null, monitor);
    }

    /** What the user is told: probability, grade and where it is stored. */
    public static String summary(StoredResult r) {
        Map<?, ?> row = (Map<?, ?>) ((List<?>) r.body().get("cases")).get(0);
        double p = ((Number) row.get("probability")).doubleValue();
        int grade = ((Number) row.get("grade")).intValue();
        return String.format(java.util.Locale.ROOT, "%s: probability %.4f, grade %d (%s at threshold %s).%nModel %s of"
                + " training result %s. Stored as result %d.", row.get("case"), p, grade, grade == 1 ? "positive" : "negative",
                r.body().get("threshold"), r.body().get("model"), r.body().get("training_result"), r.id());
    }

    /**
     * Runs the grading in a job and hands the outcome to {@code show} on the display thread.
     *
     * @param show gets true and {@link #summary}, or false and the error message
     * @return the scheduled job
     */
    public static Job start(Study study, SavedModel model, Path volume, Path mask, Display display,
            BiConsumer<Boolean, String> show) {
        Job job = new Job("Grading " + volume.getFileName() + " with " + model.classifierId()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                String message;
                boolean ok;
                try {
                    message = summary(grade(study, model, volume, mask, monitor));
                    ok = true;
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                } catch (StudyException e) {
                    message = e.getMessage();
                    ok = false;
                }
                String text = message;
                boolean success = ok;
                if (!display.isDisposed()) {
                    display.asyncExec(() -> show.accept(success, text));
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job.setUser(true);
        job.schedule();
        return job;
    }
}
