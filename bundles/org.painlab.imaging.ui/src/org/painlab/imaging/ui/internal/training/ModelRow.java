package org.painlab.imaging.ui.internal.training;

/**
 * One model in the Model Comparison: its latest stored cross-validation (metrics at 0.5, ROC points) and the
 * AUC's 95% CI by DeLong from the latest stored ROC comparison (NaN when no comparison covers it yet).
 *
 * @param model classifier id
 * @param resultId the stored cross-validation
 * @param cases cases graded out of fold
 * @param patients patients they belong to
 * @param auc area under the ROC curve
 * @param ciLow lower DeLong 95% limit, or NaN
 * @param ciHigh upper DeLong 95% limit, or NaN
 * @param clusteredLow lower patient-clustered (Obuchowski) 95% limit, or NaN
 * @param clusteredHigh upper patient-clustered 95% limit, or NaN
 * @param accuracy at threshold 0.5
 * @param sensitivity at 0.5
 * @param specificity at 0.5
 * @param fpr ROC points: false-positive rates
 * @param tpr ROC points: true-positive rates
 * @param modelFile the saved model trained on all cases, relative to the study folder; empty when none is saved
 */
public record ModelRow(String model, long resultId, int cases, int patients, double auc, double ciLow, double ciHigh,
        double clusteredLow, double clusteredHigh, double accuracy, double sensitivity, double specificity,
        double[] fpr, double[] tpr, String modelFile) {

    /** "0.812-0.934" or empty when no CI is stored. */
    public String ciText() {
        return interval(ciLow, ciHigh);
    }

    public String clusteredText() {
        return interval(clusteredLow, clusteredHigh);
    }

    private static String interval(double a, double b) {
        return Double.isNaN(a) ? "" : String.format(java.util.Locale.ROOT, "%.3f-%.3f", a, b);
    }
}
