package org.painlab.stats.internal.math;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Obuchowski's (1997) nonparametric AUC for clustered data (several units per patient, e.g. eight
 * ultrasound volumes): the empirical AUC over all case/control pairs and its variance from
 * placement values summed per cluster, so that the correlation of one patient's units widens the
 * interval instead of being ignored. Clusters may hold cases, controls or both. With one unit per
 * cluster every sum reduces to DeLong's (the case/control cross term vanishes), so
 * {@link #variance()} equals {@link DeLong#variance()} exactly.
 * <p>
 * Obuchowski NA. Nonparametric analysis of clustered ROC curve data. Biometrics 1997;53:567-578.
 *
 * @param auc area under the ROC curve (pairs within and across clusters; ties count one half)
 * @param caseSums V10 per cluster: the sum of the placements of its cases (0 without cases)
 * @param controlSums V01 per cluster: the sum of the placements of its controls (0 without controls)
 * @param caseCounts cases (label 1) per cluster
 * @param controlCounts controls (label 0) per cluster
 */
public record ClusteredRoc(double auc, double[] caseSums, double[] controlSums, int[] caseCounts, int[] controlCounts) {

    /**
     * @param marker value per unit (higher = case)
     * @param label 1 case, 0 control, per unit
     * @param cluster cluster id per unit
     * @return the AUC and per-cluster placement sums; clusters in order of first appearance
     */
    public static ClusteredRoc of(double[] marker, int[] label, String[] cluster) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String c : cluster) {
            index.putIfAbsent(c, index.size());
        }
        int m = 0;
        for (int l : label) {
            m += l;
        }
        int n = label.length - m;
        double[] cases = new double[m];
        double[] controls = new double[n];
        int[] caseUnit = new int[m];
        int[] controlUnit = new int[n];
        int ci = 0;
        int cj = 0;
        for (int u = 0; u < label.length; u++) {
            if (label[u] == 1) {
                caseUnit[ci] = u;
                cases[ci++] = marker[u];
            } else {
                controlUnit[cj] = u;
                controls[cj++] = marker[u];
            }
        }
        DeLong placements = DeLong.of(cases, controls);
        int k = index.size();
        double[] v10 = new double[k];
        double[] v01 = new double[k];
        int[] mi = new int[k];
        int[] ni = new int[k];
        for (int i = 0; i < m; i++) {
            int c = index.get(cluster[caseUnit[i]]);
            v10[c] += placements.caseComponents()[i];
            mi[c]++;
        }
        for (int j = 0; j < n; j++) {
            int c = index.get(cluster[controlUnit[j]]);
            v01[c] += placements.controlComponents()[j];
            ni[c]++;
        }
        return new ClusteredRoc(placements.auc(), v10, v01, mi, ni);
    }

    /** @return the number of clusters */
    public int clusters() {
        return caseSums.length;
    }

    /** @return Obuchowski's variance of the AUC */
    public double variance() {
        return covariance(this);
    }

    /**
     * @param other a second marker on the same units and clusters (same order)
     * @return Obuchowski's covariance of the two AUCs (for the paired comparison)
     */
    public double covariance(ClusteredRoc other) {
        int k = clusters();
        if (other.clusters() != k) {
            throw new IllegalArgumentException("the two markers have " + k + " and " + other.clusters() + " clusters");
        }
        double n1 = 0;
        double n0 = 0;
        int withCases = 0;
        int withControls = 0;
        for (int i = 0; i < k; i++) {
            n1 += caseCounts[i];
            n0 += controlCounts[i];
            withCases += caseCounts[i] > 0 ? 1 : 0;
            withControls += controlCounts[i] > 0 ? 1 : 0;
        }
        double s10 = 0;
        double s01 = 0;
        double s11 = 0;
        for (int i = 0; i < k; i++) {
            double a10 = caseSums[i] - caseCounts[i] * auc;
            double b10 = other.caseSums[i] - caseCounts[i] * other.auc;
            double a01 = controlSums[i] - controlCounts[i] * auc;
            double b01 = other.controlSums[i] - controlCounts[i] * other.auc;
            s10 += a10 * b10;
            s01 += a01 * b01;
            // both cross terms, so the covariance is symmetric in the two markers
            s11 += 0.5 * (a10 * b01 + b10 * a01);
        }
        // Obuchowski's I10 and I01: clusters that hold cases (controls); with I/(I-1) for the cross term
        s10 *= withCases / ((withCases - 1.0) * n1);
        s01 *= withControls / ((withControls - 1.0) * n0);
        s11 *= k / (k - 1.0);
        return s10 / n1 + s01 / n0 + 2 * s11 / (n1 * n0);
    }
}
