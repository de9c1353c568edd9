package org.painlab.stats.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exact rank distributions against brute-force enumeration of subsets and sign patterns. */
class LatticeDistributionTest {

    @Test
    void rankSumMatchesEnumerationWithTies() {
        Random random = new Random(11);
        for (int trial = 0; trial < 30; trial++) {
            int n = 4 + random.nextInt(9);
            int m = 1 + random.nextInt(n - 1);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(5);
            }
            double[] scores = Ranks.of(values).ranks();
            LatticeDistribution dist = LatticeDistribution.rankSum(scores, m);
            double observed = 0;
            for (int i = 0; i < m; i++) {
                observed += scores[i];
            }
            double mean = m * (n + 1) / 2.0;
            int subsets = 0;
            int le = 0;
            int ge = 0;
            int far = 0;
            for (int mask = 0; mask < (1 << n); mask++) {
                if (Integer.bitCount(mask) != m) {
                    continue;
                }
                double s = 0;
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        s += scores[i];
                    }
                }
                subsets++;
                le += s <= observed + 1e-9 ? 1 : 0;
                ge += s >= observed - 1e-9 ? 1 : 0;
                far += Math.abs(s - mean) >= Math.abs(observed - mean) - 1e-9 ? 1 : 0;
            }
            assertEquals((double) le / subsets, dist.cdf(observed), 1e-13);
            assertEquals((double) ge / subsets, dist.sf(observed), 1e-13);
            assertEquals((double) far / subsets, dist.twoSidedDistance(observed), 1e-13);
            assertEquals(mean, dist.mean(), 1e-9);
        }
    }

    @Test
    void signedRankMatchesEnumeration() {
        Random random = new Random(5);
        for (int trial = 0; trial < 30; trial++) {
            int n = 1 + random.nextInt(12);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = 1 + random.nextInt(4);
            }
            double[] scores = Ranks.of(values).ranks();
            LatticeDistribution dist = LatticeDistribution.signedRank(scores);
            double observed = 0;
            for (int i = 0; i < n; i += 2) {
                observed += scores[i];
            }
            int le = 0;
            for (int mask = 0; mask < (1 << n); mask++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        s += scores[i];
                    }
                }
                le += s <= observed + 1e-9 ? 1 : 0;
            }
            assertEquals((double) le / (1 << n), dist.cdf(observed), 1e-13);
        }
    }

    @Test
    void quantileIsSmallestValueReachingTheProbability() {
        double[] ranks = new double[15];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = i + 1;
        }
        LatticeDistribution dist = LatticeDistribution.rankSum(ranks, 7);
        double offset = 7 * 8 / 2.0;
        // R: pwilcox(9, 7, 8) = 0.014452214452214451 (reference case mann_whitney_exact_noties_less)
        assertEquals(0.014452214452214451, dist.cdf(9 + offset), 1e-15);
        assertEquals(9, dist.quantile(0.0144) - offset);
        assertEquals(10, dist.quantile(0.0145) - offset);
        for (double p : new double[] {0.01, 0.025, 0.05, 0.5, 0.975}) {
            double q = dist.quantile(p);
            assertEquals(true, dist.cdf(q) >= p && dist.cdf(q - 1) < p, "quantile " + p);
        }
    }
}
