package org.painlab.imaging.ui.internal.training;

import java.util.ArrayList;
import java.util.List;

/**
 * The live curve of a training run: every step the classifier reported (loss, training accuracy), numbered
 * across the folds of the cross-validation. Steps arrive on the training thread and are read on the UI
 * thread, hence the synchronisation.
 */
public final class TrainingCurve {
    /** One reported step. */
    public record Point(int index, int fold, int step, int steps, double loss, double accuracy) {
    }

    private final int folds;
    private final List<Point> points = new ArrayList<>();
    private int fold;
    private int lastStep = Integer.MAX_VALUE;

    /** @param folds the folds the run trains (one training per fold) */
    public TrainingCurve(int folds) {
        this.folds = folds;
    }

    /** A step of the fold being trained; a step number that starts again means the next fold. */
    public synchronized void add(int step, int steps, double loss, double accuracy) {
        if (step <= lastStep) {
            fold++;
        }
        lastStep = step;
        points.add(new Point(points.size() + 1, fold, step, steps, loss, accuracy));
    }

    public synchronized List<Point> points() {
        return List.copyOf(points);
    }

    public int folds() {
        return folds;
    }

    /** Share of the run done, 0..1, from the folds done and the current fold's steps. */
    public synchronized double done() {
        if (points.isEmpty()) {
            return 0;
        }
        Point last = points.get(points.size() - 1);
        return Math.min(1, ((last.fold() - 1) + (double) last.step() / Math.max(1, last.steps())) / Math.max(1, folds));
    }
}
