package org.painlab.core.chart;

import java.util.Arrays;

/**
 * One marker's empirical ROC curve with its AUC and 95% CI. The points follow pROC with
 * direction "&lt;" (controls below cases): a subject is called a case when its marker is at or
 * above the threshold, for every distinct marker value, so ties give the diagonal segments pROC
 * draws and the trapezoidal area under the points equals the Mann–Whitney AUC.
 *
 * @param label legend label, e.g. the marker's field name
 * @param fpr false-positive rate (1 - specificity) of each point, from 1 down to 0
 * @param tpr true-positive rate (sensitivity) of each point
 * @param auc area under the curve
 * @param ciLow lower 95% limit of the AUC
 * @param ciHigh upper 95% limit of the AUC
 *
 * @since 0.1
 */
public record RocCurve(String label, double[] fpr, double[] tpr, double auc, double ciLow, double ciHigh) {

    /**
     * @param label legend label
     * @param caseLabel 1 case, 0 control, per subject
     * @param marker marker value per subject
     * @param auc the test's AUC
     * @param ci the test's 95% CI of the AUC
     * @return the curve through every distinct threshold
     */
    public static RocCurve of(String label, int[] caseLabel, double[] marker, double auc, double[] ci) {
        double[] thresholds = Arrays.stream(marker).distinct().sorted().toArray();
        int cases = 0;
        for (int l : caseLabel) {
            cases += l;
        }
        int controls = caseLabel.length - cases;
        // from the lowest threshold (everyone positive: (1, 1)) up, then past the highest: (0, 0)
        double[] fpr = new double[thresholds.length + 1];
        double[] tpr = new double[thresholds.length + 1];
        for (int k = 0; k < thresholds.length; k++) {
            int tp = 0;
            int fp = 0;
            for (int i = 0; i < marker.length; i++) {
                if (marker[i] >= thresholds[k]) {
                    tp += caseLabel[i];
                    fp += 1 - caseLabel[i];
                }
            }
            tpr[k] = (double) tp / cases;
            fpr[k] = (double) fp / controls;
        }
        return new RocCurve(label, fpr, tpr, auc, ci[0], ci[1]);
    }

    /** @return the trapezoidal area under the points (equals the AUC; a check of the points) */
    public double area() {
        double a = 0;
        for (int i = 1; i < fpr.length; i++) {
            a += (fpr[i - 1] - fpr[i]) * (tpr[i - 1] + tpr[i]) / 2;
        }
        return a;
    }
}
