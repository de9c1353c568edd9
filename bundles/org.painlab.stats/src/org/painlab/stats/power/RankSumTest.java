package org.painlab.stats.power;

import java.util.Arrays;

/**
 * Asymptotic Wilcoxon rank-sum (Mann-Whitney U) test with mid-ranks, tie-corrected variance and
 * optional continuity correction, as R's {@code wilcox.test(a, b, exact = FALSE)}. Kept private
 * to the power package: the engine's full test with exact p-values lives elsewhere, and the
 * simulation needs only this fast decision.
 */
final class RankSumTest {

    private RankSumTest() {
    }

    /**
     * p-value of R's {@code wilcox.test(a, b, exact = FALSE, correct = correct)}; one-sided is
     * R's {@code alternative = "greater"} (a tends to be larger than b). Sorts both arrays in
     * place. NaN when every observation is tied (R gives NaN too).
     */
    static double pValue(double[] a, double[] b, Sides alternative, boolean correct) {
        int na = a.length;
        int nb = b.length;
        Arrays.sort(a);
        Arrays.sort(b);
        // Merge the sorted samples; each run of equal values shares its mid-rank.
        double rankSumA = 0;
        double tieSum = 0;
        int i = 0;
        int j = 0;
        int pos = 0; // observations ranked so far
        while (i < na || j < nb) {
            double v = (j >= nb || (i < na && a[i] <= b[j])) ? a[i] : b[j];
            int countA = 0;
            while (i < na && a[i] == v) {
                i++;
                countA++;
            }
            int countB = 0;
            while (j < nb && b[j] == v) {
                j++;
                countB++;
            }
            int t = countA + countB;
            double midRank = pos + (t + 1) / 2.0;
            rankSumA += countA * midRank;
            tieSum += (double) t * t * t - t;
            pos += t;
        }
        int n = na + nb;
        double w = rankSumA - na * (na + 1) / 2.0;
        double z = w - (double) na * nb / 2;
        double sigma = Math.sqrt((double) na * nb / 12 * ((n + 1) - tieSum / ((double) n * (n - 1))));
        if (!(sigma > 0)) {
            return Double.NaN;
        }
        double cc = 0;
        if (correct) {
            cc = alternative == Sides.TWO_SIDED ? Math.signum(z) * 0.5 : 0.5;
        }
        z = (z - cc) / sigma;
        if (alternative == Sides.ONE_SIDED) {
            return StdNormal.sf(z);
        }
        return Math.min(1.0, 2 * Math.min(StdNormal.cdf(z), StdNormal.sf(z)));
    }
}
