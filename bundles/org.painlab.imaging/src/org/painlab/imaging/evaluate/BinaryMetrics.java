package org.painlab.imaging.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * How well probabilities separate labels: accuracy, sensitivity and specificity at a threshold, the
 * empirical ROC curve, its area (ties count one half) and the Youden threshold (largest
 * sensitivity + specificity - 1). Confidence intervals of the AUC come from the statistics engine
 * (analysis {@code org.painlab.stats.rocComparison}), which imaging does not depend on.
 *
 * @param accuracy share graded right at 0.5
 * @param sensitivity share of positives at or above 0.5
 * @param specificity share of negatives below 0.5
 * @param auc area under the ROC curve
 * @param youdenThreshold the threshold with the largest Youden index
 * @param youdenSensitivity sensitivity at it
 * @param youdenSpecificity specificity at it
 * @param roc the ROC curve from (0,0) to (1,1)
 * @since 0.1
 */
public record BinaryMetrics(double accuracy, double sensitivity, double specificity, double auc,
        double youdenThreshold, double youdenSensitivity, double youdenSpecificity, List<RocPoint> roc) {

    /**
     * A point of the ROC curve: grading "positive" at probability &gt;= threshold.
     *
     * @param threshold the threshold (+infinity for the first point)
     * @param falsePositiveRate 1 - specificity
     * @param truePositiveRate sensitivity
     */
    public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {
    }

    /**
     * @param predictions out-of-fold predictions with both labels present
     * @return the metrics
     * @throws IllegalArgumentException when one label is absent
     */
    public static BinaryMetrics of(List<OutOfFold> predictions) {
        int positives = 0;
        for (OutOfFold p : predictions) {
            positives += p.label();
        }
        int negatives = predictions.size() - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("metrics need positive and negative cases; there are " + positives
                    + " positive and " + negatives + " negative");
        }
        double[] at = counts(predictions, 0.5);
        List<OutOfFold> sorted = new ArrayList<>(predictions);
        sorted.sort((a, b) -> Double.compare(b.probability(), a.probability()));
        List<RocPoint> roc = new ArrayList<>();
        roc.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
        int tp = 0;
        int fp = 0;
        double auc = 0;
        double bestJ = -1;
        double bestThreshold = Double.NaN;
        double bestSens = Double.NaN;
        double bestSpec = Double.NaN;
        for (int i = 0; i < sorted.size();) {
            double threshold = sorted.get(i).probability();
            int prevTp = tp;
            int prevFp = fp;
            // all cases tied at this probability move together: one diagonal step, which counts ties one half
            while (i < sorted.size() && sorted.get(i).probability() == threshold) {
                if (sorted.get(i).label() == 1) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
            auc += (fp - prevFp) * (tp + prevTp) / 2.0;
            double sens = tp / (double) positives;
            double spec = 1 - fp / (double) negatives;
            roc.add(new RocPoint(threshold, 1 - spec, sens));
            if (sens + spec - 1 > bestJ) {
                bestJ = sens + spec - 1;
                bestThreshold = threshold;
                bestSens = sens;
                bestSpec = spec;
            }
        }
        return new BinaryMetrics((at[0] + at[1]) / predictions.size(), at[0] / positives, at[1] / negatives,
                auc / ((double) positives * negatives), bestThreshold, bestSens, bestSpec, List.copyOf(roc));
    }

    /** @return true positives and true negatives when grading positive at probability &gt;= threshold */
    private static double[] counts(List<OutOfFold> predictions, double threshold) {
        double tp = 0;
        double tn = 0;
        for (OutOfFold p : predictions) {
            boolean positive = p.probability() >= threshold;
            if (positive && p.label() == 1) {
                tp++;
            } else if (!positive && p.label() == 0) {
                tn++;
            }
        }
        return new double[] {tp, tn};
    }
}
