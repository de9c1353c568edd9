package org.painlab.stats.internal.tests;

import org.painlab.stats.Alternative;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.ClusteredRoc;
import org.painlab.stats.internal.math.DeLong;
import org.painlab.stats.internal.math.Distributions;
import org.painlab.stats.internal.math.NormalInterval;

/**
 * ROC analysis of clustered units (several volumes, eyes, teeth ... per patient): the AUC with
 * Obuchowski's (1997) clustered variance and 95% interval per marker, and with two markers on the
 * same units the paired Z test of AUC1 = AUC2 with Obuchowski's covariance. The unclustered DeLong
 * variance is printed beside it ({@code var_auc1_delong}) so the effect of the clustering is visible;
 * with one unit per cluster both are equal. Conventions as {@code roc-delong} (1 case, 0 control,
 * higher marker = case, ties count one half).
 */
public final class RocClusteredTest implements StatisticalTest {

    private static final double CI95 = 0.95;

    @Override
    public String id() {
        return "roc-clustered";
    }

    @Override
    public String name() {
        return "Clustered ROC AUC (Obuchowski)";
    }

    @Override
    public String description() {
        return "AUC of field 'marker1' (or 'x') for field 'label' (1 case, 0 control) with units grouped by field"
                + " 'cluster' (patient id per unit): Obuchowski's nonparametric clustered variance and 95% CI; with"
                + " 'marker2' the paired test of AUC1 = AUC2 on the same clustered units.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        int[] label = input.ints("label");
        String firstField = input.has("marker1") ? "marker1" : "x";
        double[] marker1 = input.doubles(firstField);
        String[] cluster = input.strings("cluster");
        check(label.length, marker1.length, firstField);
        check(label.length, cluster.length, "cluster");
        int cases = 0;
        for (int i = 0; i < label.length; i++) {
            if (label[i] != 0 && label[i] != 1) {
                throw new IllegalArgumentException("field 'label' element " + i + " must be 1 (case) or 0 (control),"
                        + " not " + label[i]);
            }
            cases += label[i];
        }
        ClusteredRoc roc1 = ClusteredRoc.of(marker1, label, cluster);
        checkClusters(roc1, cases, label.length - cases);
        double var1 = roc1.variance();
        TestResult.Builder b = TestResult.builder(id()).alternative(options.alternative());
        if (!input.has("marker2")) {
            double se = Math.sqrt(var1);
            double z = (roc1.auc() - 0.5) / se;
            double[] ci = truncated(NormalInterval.of(roc1.auc(), se, Alternative.TWO_SIDED, options.confLevel()));
            b.statistic("Z", z).pValue(Distributions.normalPValue(z, options.alternative()))
                    .estimate("AUC", roc1.auc()).confInt(ci[0], ci[1]);
            addMarker(b, "1", roc1, var1, marker1, label);
            return counts(b, roc1, cases, label.length - cases).build();
        }
        double[] marker2 = input.doubles("marker2");
        check(label.length, marker2.length, "marker2");
        ClusteredRoc roc2 = ClusteredRoc.of(marker2, label, cluster);
        double var2 = roc2.variance();
        double cov = roc1.covariance(roc2);
        double diff = roc1.auc() - roc2.auc();
        double sd = Math.sqrt(Math.max(0, var1 + var2 - 2 * cov));
        double z = sd > 0 ? diff / sd : (diff == 0 ? 0 : Math.signum(diff) * Double.POSITIVE_INFINITY);
        double[] ci = NormalInterval.of(diff, sd, options.alternative(), options.confLevel());
        b.statistic("Z", z).pValue(Distributions.normalPValue(z, options.alternative()))
                .estimate("AUC of roc1", roc1.auc()).estimate("AUC of roc2", roc2.auc()).confInt(ci[0], ci[1]);
        addMarker(b, "1", roc1, var1, marker1, label);
        addMarker(b, "2", roc2, var2, marker2, label);
        b.extra("cov", cov).extra("auc_difference", diff);
        return counts(b, roc1, cases, label.length - cases).build();
    }

    private static TestResult.Builder counts(TestResult.Builder b, ClusteredRoc roc, int cases, int controls) {
        return b.extra("n_cases", cases).extra("n_controls", controls).extra("n_clusters", roc.clusters());
    }

    private static void addMarker(TestResult.Builder b, String suffix, ClusteredRoc roc, double variance,
            double[] marker, int[] label) {
        double se = Math.sqrt(variance);
        b.extra("auc" + suffix, roc.auc())
                .extra("ci95_auc" + suffix, truncated(NormalInterval.of(roc.auc(), se, Alternative.TWO_SIDED, CI95)))
                .extra("var_auc" + suffix, variance)
                .extra("se_auc" + suffix, se)
                .extra("var_auc" + suffix + "_delong", DeLong.of(select(marker, label, 1), select(marker, label, 0)).variance());
    }

    private static void checkClusters(ClusteredRoc roc, int cases, int controls) {
        int withCases = 0;
        int withControls = 0;
        for (int i = 0; i < roc.clusters(); i++) {
            withCases += roc.caseCounts()[i] > 0 ? 1 : 0;
            withControls += roc.controlCounts()[i] > 0 ? 1 : 0;
        }
        if (withCases < 2 || withControls < 2) {
            throw new IllegalArgumentException("fields 'label' and 'cluster' need cases (1) in at least 2 clusters and"
                    + " controls (0) in at least 2 clusters for the clustered variance; cases are in " + withCases
                    + " and controls in " + withControls + " of " + roc.clusters() + " clusters (" + cases
                    + " cases, " + controls + " controls)");
        }
    }

    private static double[] truncated(double[] ci) {
        return new double[] {Math.max(0, ci[0]), Math.min(1, ci[1])};
    }

    private static void check(int labels, int length, String field) {
        if (length != labels) {
            throw new IllegalArgumentException("fields 'label' and '" + field + "' must have the same length (" + labels
                    + " vs " + length + ")");
        }
    }

    private static double[] select(double[] marker, int[] label, int value) {
        int count = 0;
        for (int l : label) {
            count += l == value ? 1 : 0;
        }
        double[] out = new double[count];
        int k = 0;
        for (int i = 0; i < label.length; i++) {
            if (label[i] == value) {
                out[k++] = marker[i];
            }
        }
        return out;
    }
}
