package org.painlab.imaging.ui.internal.views;

import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.ui.AuditActor;
import org.painlab.imaging.evaluate.CrossValidationAnalysis;
import org.painlab.imaging.ui.internal.handlers.TrainModelHandler;
import org.painlab.imaging.ui.internal.training.TrainingCurve;
import org.painlab.imaging.ui.internal.training.TrainingRun;

/**
 * A training run as it goes: a progress bar over the folds, the training loss and accuracy the classifier
 * reports after each step (trees of a forest, epochs of a network) drawn live, and Cancel. After the folds the
 * model is trained on all cases and saved in the study, as {@code painlab imaging train} does. When the run is
 * stored, the Model Comparison view opens with it.
 */
public final class TrainingView extends ViewPart {
    public static final String ID = "org.painlab.imaging.ui.training";
    /** Family of the training jobs. */
    public static final Object JOB_FAMILY = new Object();
    private static final int LOSS = 0xC0392B;
    private static final int ACCURACY = 0x1F5FAF;
    private Label status;
    private ProgressBar progress;
    private Canvas canvas;
    private Button cancel;
    private TrainingCurve curve = new TrainingCurve(1);
    private Job job;
    private String outcome = "";

    @Override
    public void createPartControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        status = new Label(c, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText("No training yet: Imaging > Train Model...");
        Button train = new Button(c, SWT.PUSH);
        train.setText("Train Model...");
        train.addListener(SWT.Selection, e -> TrainModelHandler.ask(getSite().getWorkbenchWindow()));
        cancel = new Button(c, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> cancel());
        progress = new ProgressBar(c, SWT.HORIZONTAL | SWT.SMOOTH);
        progress.setMaximum(1000);
        progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        canvas = new Canvas(c, SWT.DOUBLE_BUFFERED);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        canvas.setBackground(c.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        canvas.addPaintListener(e -> paint(e.gc, canvas.getClientArea()));
    }

    /**
     * Starts a run as a cancellable job; steps feed the curve, the stored result opens the Model Comparison.
     *
     * @return the scheduled job
     */
    public Job start(Study study, TrainingRun run) {
        if (job != null && job.getState() != Job.NONE) {
            throw new IllegalStateException("a training is running: cancel it or wait for it");
        }
        Display display = canvas.getDisplay();
        String model = run.parameters().get(CrossValidationAnalysis.MODEL);
        TrainingCurve c = new TrainingCurve(run.folds());
        curve = c;
        outcome = "";
        String by = AuditActor.current();
        // one repaint waiting at a time: a fast classifier reports steps quicker than the curve can be drawn,
        // and a flood of repaints would keep the display thread (and a Cancel click) waiting
        java.util.concurrent.atomic.AtomicBoolean repaintPending = new java.util.concurrent.atomic.AtomicBoolean();
        job = new Job("Training " + model + " (" + c.folds() + "-fold cross-validation)") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    TrainingRun.Outcome o = run.run(study, by, (step, steps, loss, accuracy) -> {
                        c.add(step, steps, loss, accuracy);
                        if (repaintPending.compareAndSet(false, true)) {
                            display.asyncExec(() -> {
                                repaintPending.set(false);
                                stepped();
                            });
                        }
                    }, monitor);
                    String msg = "Stored as result " + o.crossValidation().id() + "; model saved in "
                            + study.folder().relativize(o.modelFile()) + (o.comparison() == null
                            ? " (no ROC comparison: " + o.comparisonProblem() + ")"
                            : "; ROC comparison stored as result " + o.comparison().id());
                    display.asyncExec(() -> finished(model + ": " + msg, true));
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    display.asyncExec(() -> finished(model + ": cancelled, nothing stored", false));
                    return Status.CANCEL_STATUS;
                } catch (StudyException | RuntimeException e) {
                    display.asyncExec(() -> finished(model + ": " + e.getMessage(), false));
                    return Status.error(e.getMessage(), e);
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job.setUser(false);
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                // keeps the Cancel button right even when the job ends before it ran (cancelled while waiting)
                display.asyncExec(() -> {
                    if (!cancel.isDisposed()) {
                        cancel.setEnabled(false);
                    }
                });
            }
        });
        status.setText("Training " + model + ": " + c.folds() + " folds grouped by patient...");
        progress.setSelection(0);
        cancel.setEnabled(true);
        canvas.redraw();
        job.schedule();
        return job;
    }

    /** Cancels the running training (nothing is stored). */
    public void cancel() {
        if (job != null) {
            job.cancel();
            status.setText(status.getText() + " cancelling...");
        }
    }

    public TrainingCurve curve() {
        return curve;
    }

    /** What the last run ended with (empty while running). */
    public String outcome() {
        return outcome;
    }

    public int progressPerMille() {
        return progress.getSelection();
    }

    private void stepped() {
        if (canvas.isDisposed()) {
            return;
        }
        List<TrainingCurve.Point> pts = curve.points();
        // the folds fill 90 %: the model trained on all cases and the comparison follow
        progress.setSelection((int) Math.round(curve.done() * 900));
        if (!pts.isEmpty()) {
            TrainingCurve.Point p = pts.get(pts.size() - 1);
            status.setText(curve.done() >= 1 ? String.format(Locale.ROOT, "%d folds done (last training accuracy %s):"
                    + " training the final model on all cases...", curve.folds(), shown(p.accuracy()))
                    : String.format(Locale.ROOT, "Fold %d of %d, step %d of %d: loss %s, training accuracy %s",
                    p.fold(), curve.folds(), p.step(), p.steps(), shown(p.loss()), shown(p.accuracy())));
        }
        canvas.redraw();
    }

    private void finished(String message, boolean stored) {
        if (status.isDisposed()) {
            return;
        }
        outcome = message;
        status.setText(message);
        status.setToolTipText(message); // the view is often narrower than the message
        cancel.setEnabled(false);
        if (stored) {
            progress.setSelection(1000);
            // the Study Explorer and Dashboard count the new results
            getSite().getService(org.painlab.core.ui.OpenStudies.class).refresh();
            try {
                ModelComparisonView v = (ModelComparisonView) getSite().getPage().showView(ModelComparisonView.ID, null,
                        IWorkbenchPage.VIEW_VISIBLE);
                v.refresh();
            } catch (PartInitException e) {
                VolumeListView.logged(e);
            }
        }
        canvas.redraw();
    }

    private static String shown(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** Loss (left axis, from 0 to its maximum) and accuracy (right axis, 0..1) against the step, folds marked. */
    private void paint(GC gc, Rectangle area) {
        List<TrainingCurve.Point> pts = curve.points();
        int left = 50;
        int right = 50;
        int top = 14;
        int bottom = 48;
        int w = area.width - left - right;
        int h = area.height - top - bottom;
        if (w < 20 || h < 20) {
            return;
        }
        gc.setAntialias(SWT.ON);
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.drawRectangle(left, top, w, h);
        int n = Math.max(2, pts.size());
        double maxLoss = pts.stream().mapToDouble(TrainingCurve.Point::loss).filter(d -> !Double.isNaN(d)).max().orElse(1);
        maxLoss = maxLoss <= 0 ? 1 : maxLoss;
        boolean anyLoss = pts.stream().anyMatch(p -> !Double.isNaN(p.loss()));
        if (anyLoss) {
            // the left axis is the loss's: without a loss it would only mislead
            gc.drawText("0", left - 14, top + h - 8, true);
            gc.drawText(String.format(Locale.ROOT, "%.2f", maxLoss), 2, top, true);
        }
        gc.drawText("1.0", left + w + 6, top, true);
        gc.drawText("0.0", left + w + 6, top + h - 8, true);
        gc.drawText("step (all folds; dotted: next fold)", left, top + h + 6, true);
        int prevFold = 1;
        for (TrainingCurve.Point p : pts) {
            if (p.fold() != prevFold) {
                int x = left + (int) ((p.index() - 1.5) * w / (n - 1));
                gc.setLineStyle(SWT.LINE_DOT);
                gc.drawLine(x, top, x, top + h);
                gc.setLineStyle(SWT.LINE_SOLID);
                prevFold = p.fold();
            }
        }
        draw(gc, pts, left, top, w, h, n, true, maxLoss);
        draw(gc, pts, left, top, w, h, n, false, 1);
        int next = legend(gc, left, top + h + 26, LOSS, anyLoss || pts.isEmpty() ? "training loss (left axis)"
                : "no loss reported by this classifier");
        legend(gc, next + 24, top + h + 26, ACCURACY, "training accuracy (right axis)");
    }

    private static void draw(GC gc, List<TrainingCurve.Point> pts, int left, int top, int w, int h, int n, boolean loss,
            double max) {
        org.eclipse.swt.graphics.Color colour = new org.eclipse.swt.graphics.Color(gc.getDevice(),
                ((loss ? LOSS : ACCURACY) >> 16) & 0xff, ((loss ? LOSS : ACCURACY) >> 8) & 0xff, (loss ? LOSS : ACCURACY) & 0xff);
        gc.setForeground(colour);
        gc.setBackground(colour);
        gc.setLineWidth(2);
        int px = -1;
        int py = -1;
        for (TrainingCurve.Point p : pts) {
            double v = loss ? p.loss() : p.accuracy();
            if (Double.isNaN(v)) {
                px = -1;
                continue;
            }
            int x = left + (int) ((p.index() - 1) * (double) w / (n - 1));
            int y = top + h - (int) Math.round(Math.max(0, Math.min(1, v / max)) * h);
            if (px >= 0) {
                gc.drawLine(px, py, x, y);
            }
            gc.fillOval(x - 2, y - 2, 4, 4);
            px = x;
            py = y;
        }
        gc.setLineWidth(1);
    }

    /** Draws a legend entry; returns the x where it ends. */
    private static int legend(GC gc, int x, int y, int rgb, String text) {
        org.eclipse.swt.graphics.Color colour = new org.eclipse.swt.graphics.Color(gc.getDevice(), (rgb >> 16) & 0xff,
                (rgb >> 8) & 0xff, rgb & 0xff);
        gc.setBackground(colour);
        gc.fillRectangle(x, y + 5, 14, 4);
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_BLACK));
        gc.drawText(text, x + 18, y, true);
        return x + 18 + gc.textExtent(text).x;
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        if (job != null) {
            job.cancel();
        }
        super.dispose();
    }
}
