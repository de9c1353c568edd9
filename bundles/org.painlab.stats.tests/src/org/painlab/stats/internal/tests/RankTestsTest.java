package org.painlab.stats.internal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.painlab.stats.Alternative;
import org.painlab.stats.EffectSize;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.Distributions;

/** Properties of the rank tests beyond the reference values. */
class RankTestsTest {

    private static final TestInput TIED = TestInput.of(Map.of(
            "x", List.of(3, 4, 2, 5, 3, 4, 4, 1, 3, 2, 5),
            "y", List.of(4, 5, 5, 3, 6, 4, 5, 6, 5, 4)));

    /** The asymptotic p comes from commons-statistics; Z from our own formula: they must agree. */
    @Test
    void mannWhitneyAsymptoticPIsTheNormalTailOfZ() {
        for (Alternative alt : Alternative.values()) {
            for (boolean correct : new boolean[] {false, true}) {
                TestResult r = new MannWhitneyTest().run(TIED,
                        TestOptions.defaults().withAlternative(alt).withCorrect(correct));
                double z = r.extraDouble("Z");
                assertEquals(Distributions.normalPValue(z, alt), r.pValue(), 1e-14, alt + " correct=" + correct);
            }
        }
    }

    @Test
    void exactOneSidedPValuesCoverTheDistribution() {
        TestOptions exact = TestOptions.defaults().withExact(true);
        double less = new MannWhitneyTest().run(TIED, exact.withAlternative(Alternative.LESS)).pValue();
        double greater = new MannWhitneyTest().run(TIED, exact.withAlternative(Alternative.GREATER)).pValue();
        assertTrue(less + greater >= 1, "P(S <= s) + P(S >= s) includes P(S = s) twice");
    }

    @Test
    void hodgesLehmannShiftIsMedianOfPairwiseDifferences() {
        TestInput in = TestInput.of(Map.of("x", List.of(1.1, 2.3, 3.7, 4.2, 5.9, 6.4, 7.8),
                "y", List.of(3.2, 5.1, 6.9, 8.3, 9.0, 9.7, 10.5, 11.2)));
        TestResult r = new MannWhitneyTest().run(in, TestOptions.defaults().withExact(true));
        EffectSize hl = effect(r, "Hodges-Lehmann");
        double[] x = in.doubles("x");
        double[] y = in.doubles("y");
        double[] d = new double[x.length * y.length];
        int k = 0;
        for (double a : x) {
            for (double b : y) {
                d[k++] = a - b;
            }
        }
        java.util.Arrays.sort(d);
        assertEquals((d[d.length / 2 - 1] + d[d.length / 2]) / 2, hl.estimate(), 1e-12);
        assertTrue(hl.lower() <= hl.estimate() && hl.estimate() <= hl.upper());
        // exact interval (no ties): order statistics qwilcox(0.025, 7, 8) and mn - q + 1
        assertTrue(java.util.Arrays.binarySearch(d, hl.lower()) >= 0);
        assertTrue(java.util.Arrays.binarySearch(d, hl.upper()) >= 0);
    }

    @Test
    void prattEqualsWilcoxWithoutZeros() {
        TestInput in = TestInput.of(Map.of("x", List.of(1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3),
                "y", List.of(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)));
        TestResult wilcox = new WilcoxonSignedRankTest().run(in, TestOptions.defaults());
        TestResult pratt = new WilcoxonSignedRankTest().run(in, TestOptions.defaults().withZeroMethod("pratt"));
        assertEquals(wilcox.statistic(), pratt.statistic());
        assertEquals(wilcox.pValue(), pratt.pValue(), 1e-15);
    }

    @Test
    void signedRankExactWithZerosIsSymmetric() {
        TestInput in = TestInput.of(Map.of("pre", List.of(8, 7, 6, 9, 7, 5, 8, 6, 7, 9, 6, 8, 7, 5, 6),
                "post", List.of(5, 7, 4, 6, 5, 5, 4, 6, 3, 6, 7, 5, 5, 6, 2)));
        TestOptions exact = TestOptions.defaults().withExact(true);
        double two = new WilcoxonSignedRankTest().run(in, exact).pValue();
        double greater = new WilcoxonSignedRankTest().run(in, exact.withAlternative(Alternative.GREATER)).pValue();
        assertEquals(2 * greater, two, 1e-15, "sign-flip distributions are symmetric");
    }

    @Test
    void signedRankNormalApproximationHoldsAboveFortySixThousandPairs() {
        // each magnitude once up and once down: V is exactly its mean n(n+1)/4, so z = 0 and p = 1
        int n = 60_000;
        java.util.List<Double> x = new java.util.ArrayList<>(n);
        java.util.List<Double> y = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            x.add((i % 2 == 0 ? 1.0 : -1.0) * (i / 2 + 1));
            y.add(0.0);
        }
        TestResult r = new WilcoxonSignedRankTest().run(TestInput.of(Map.of("x", x, "y", y)), TestOptions.defaults());
        assertEquals(n * (n + 1.0) / 4, r.extraDouble("mean_V"), 1e-6);
        assertEquals(n * (n + 1.0) / 4, r.statistic(), 1e-6);
        assertEquals(1.0, r.pValue(), 1e-12);
    }

    @Test
    void mannWhitneyStatisticHoldsAboveFortySixThousandPerGroup() {
        // the same values in both groups: W is exactly its mean nx*ny/2, so z = 0 and p = 1
        int n = 60_000;
        java.util.List<Double> x = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            x.add((double) (i % 97));
        }
        TestResult r = new MannWhitneyTest().run(TestInput.of(Map.of("x", x, "y", x)), TestOptions.defaults());
        assertEquals(n * (double) n / 2, r.statistic(), 1e-3);
        assertEquals(0.0, r.extraDouble("Z"), 1e-12);
        assertEquals(1.0, r.pValue(), 1e-12);
    }

    @Test
    void kruskalWallisWithTwoGroupsIsTheSquaredMannWhitneyZ() {
        TestInput groups = TestInput.of(Map.of("groups", Map.of("x", List.of(3, 4, 2, 5, 3, 4, 4, 1, 3, 2, 5),
                "y", List.of(4, 5, 5, 3, 6, 4, 5, 6, 5, 4))));
        double h = new KruskalWallisTest().run(groups, TestOptions.defaults()).statistic();
        double z = new MannWhitneyTest().run(TIED, TestOptions.defaults()).extraDouble("Z");
        assertEquals(z * z, h, 1e-12);
    }

    static EffectSize effect(TestResult r, String prefix) {
        return r.effectSizes().stream().filter(e -> e.name().startsWith(prefix)).findFirst().orElseThrow();
    }
}
