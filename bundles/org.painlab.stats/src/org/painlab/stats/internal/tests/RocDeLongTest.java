package org.painlab.stats.internal.tests;

import org.painlab.stats.Alternative;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.DeLong;
import org.painlab.stats.internal.math.Distributions;
import org.painlab.stats.internal.math.NormalInterval;

/**
 * ROC analysis with pROC's conventions (levels 0 = control, 1 = case; direction "&lt;"): AUC,
 * DeLong variance and 95% interval truncated to [0, 1] per marker, and with two markers on the
 * same subjects the paired DeLong test as pROC's roc.test(method = "delong", paired = TRUE).
 * With one marker the statistic is the Wald Z of AUC = 0.5 using the DeLong standard error.
 */
public final class RocDeLongTest implements StatisticalTest {

    private static final double CI95 = 0.95;

    @Override
    public String id() {
        return "roc-delong";
    }

    @Override
    public String name() {
        return "ROC AUC with DeLong test";
    }

    @Override
    public String description() {
        return "AUC of field 'marker1' (or 'x') for field 'label' (1 case, 0 control; higher marker = case) with"
                + " DeLong variance and 95% CI as pROC; with 'marker2' the paired DeLong Z test of AUC1 = AUC2.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        int[] label = input.ints("label");
        String firstField = input.has("marker1") ? "marker1" : "x";
        double[] marker1 = input.doubles(firstField);
        checkLength(label, marker1, firstField);
        int cases = 0;
        for (int i = 0; i < label.length; i++) {
            if (label[i] != 0 && label[i] != 1) {
                throw new IllegalArgumentException("field 'label' element " + i + " must be 1 (case) or 0 (control),"
                        + " not " + label[i]);
            }
            cases += label[i];
        }
        int controls = label.length - cases;
        if (cases < 2 || controls < 2) {
            throw new IllegalArgumentException("field 'label' needs at least 2 cases (1) and 2 controls (0) for DeLong's"
                    + " variance, it has " + cases + " and " + controls);
        }
        DeLong roc1 = DeLong.of(select(marker1, label, 1), select(marker1, label, 0));
        double var1 = roc1.variance();
        Alternative alternative = options.alternative();

        TestResult.Builder b = TestResult.builder(id()).alternative(alternative);
        if (!input.has("marker2")) {
            double se = Math.sqrt(var1);
            double z = (roc1.auc() - 0.5) / se;
            double[] ci = truncated(NormalInterval.of(roc1.auc(), se, Alternative.TWO_SIDED, options.confLevel()));
            b.statistic("Z", z)
                    .pValue(Distributions.normalPValue(z, alternative))
                    .estimate("AUC", roc1.auc())
                    .confInt(ci[0], ci[1]);
            addMarker(b, "1", roc1, var1);
            return b.extra("n_cases", cases).extra("n_controls", controls).build();
        }

        double[] marker2 = input.doubles("marker2");
        checkLength(label, marker2, "marker2");
        DeLong roc2 = DeLong.of(select(marker2, label, 1), select(marker2, label, 0));
        double var2 = roc2.variance();
        double cov = roc1.covariance(roc2);
        double diff = roc1.auc() - roc2.auc();
        double sd = Math.sqrt(var1 + var2 - 2 * cov);
        // pROC: identical curves give 0/0; it then reports Z = 0
        double z = sd > 0 ? diff / sd : (diff == 0 ? 0 : Math.signum(diff) * Double.POSITIVE_INFINITY);
        double[] ci = NormalInterval.of(diff, sd, alternative, options.confLevel());
        b.statistic("Z", z)
                .pValue(Distributions.normalPValue(z, alternative))
                .estimate("AUC of roc1", roc1.auc())
                .estimate("AUC of roc2", roc2.auc())
                .confInt(ci[0], ci[1]);
        addMarker(b, "1", roc1, var1);
        addMarker(b, "2", roc2, var2);
        return b.extra("cov", cov)
                .extra("auc_difference", diff)
                .extra("n_cases", cases)
                .extra("n_controls", controls)
                .build();
    }

    private static void addMarker(TestResult.Builder b, String suffix, DeLong roc, double variance) {
        double se = Math.sqrt(variance);
        b.extra("auc" + suffix, roc.auc())
                .extra("ci95_auc" + suffix, truncated(NormalInterval.of(roc.auc(), se, Alternative.TWO_SIDED, CI95)))
                .extra("var_auc" + suffix, variance)
                .extra("se_auc" + suffix, se);
    }

    /** pROC clips the AUC interval to [0, 1]. */
    private static double[] truncated(double[] ci) {
        return new double[] {Math.max(0, ci[0]), Math.min(1, ci[1])};
    }

    private static void checkLength(int[] label, double[] marker, String field) {
        if (marker.length != label.length) {
            throw new IllegalArgumentException("fields 'label' and '" + field + "' must have the same length ("
                    + label.length + " vs " + marker.length + ")");
        }
    }

    private static double[] select(double[] marker, int[] label, int value) {
        int count = 0;
        for (int l : label) {
            if (l == value) {
                count++;
            }
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
