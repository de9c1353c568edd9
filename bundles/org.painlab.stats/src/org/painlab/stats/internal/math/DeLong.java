package org.painlab.stats.internal.math;

import java.util.Arrays;

/**
 * Empirical AUC and its DeLong placement values (structural components) for cases (label 1) and
 * controls (label 0), with pROC's conventions: direction "&lt;" (controls have lower values),
 * ties between a case and a control count one half. The variance is
 * var(V10)/m + var(V01)/n with (m - 1) and (n - 1) denominators, as pROC.
 *
 * @param auc area under the ROC curve
 * @param caseComponents V10: for each case, the share of controls it exceeds
 * @param controlComponents V01: for each control, the share of cases exceeding it
 */
public record DeLong(double auc, double[] caseComponents, double[] controlComponents) {

    /**
     * @param cases marker values of the cases
     * @param controls marker values of the controls
     * @return the AUC and placements
     */
    public static DeLong of(double[] cases, double[] controls) {
        double[] sortedControls = controls.clone();
        Arrays.sort(sortedControls);
        double[] sortedCases = cases.clone();
        Arrays.sort(sortedCases);
        double[] v10 = new double[cases.length];
        double sum = 0;
        for (int i = 0; i < cases.length; i++) {
            v10[i] = (below(sortedControls, cases[i]) + 0.5 * equal(sortedControls, cases[i])) / controls.length;
            sum += v10[i];
        }
        double[] v01 = new double[controls.length];
        for (int j = 0; j < controls.length; j++) {
            v01[j] = (above(sortedCases, controls[j]) + 0.5 * equal(sortedCases, controls[j])) / cases.length;
        }
        return new DeLong(sum / cases.length, v10, v01);
    }

    /** @return DeLong variance of the AUC */
    public double variance() {
        return covariance(this);
    }

    /**
     * @param other placements of a second marker on the same subjects, in the same order
     * @return DeLong covariance of the two AUCs
     */
    public double covariance(DeLong other) {
        int m = caseComponents.length;
        int n = controlComponents.length;
        double sx = 0;
        for (int i = 0; i < m; i++) {
            sx += (caseComponents[i] - auc) * (other.caseComponents[i] - other.auc);
        }
        double sy = 0;
        for (int j = 0; j < n; j++) {
            sy += (controlComponents[j] - auc) * (other.controlComponents[j] - other.auc);
        }
        return sx / (m - 1) / m + sy / (n - 1) / n;
    }

    private static int below(double[] sorted, double v) {
        return lowerBound(sorted, v);
    }

    private static int above(double[] sorted, double v) {
        return sorted.length - upperBound(sorted, v);
    }

    private static int equal(double[] sorted, double v) {
        return upperBound(sorted, v) - lowerBound(sorted, v);
    }

    /** Index of the first element &gt;= v. */
    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first element &gt; v. */
    private static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
