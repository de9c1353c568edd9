package org.painlab.stats.internal.tests;

import org.painlab.stats.Alternative;
import org.painlab.stats.EffectSize;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.Distributions;
import org.painlab.stats.internal.math.HodgesLehmann;
import org.painlab.stats.internal.math.LatticeDistribution;
import org.painlab.stats.internal.math.Ranks;

/**
 * Mann-Whitney U (Wilcoxon rank-sum) test of x against y. The statistic is R's W, the U of x.
 * By default the asymptotic p-value with tie-corrected variance and no continuity correction
 * (what SPSS prints as Asymp. Sig.); with options.correct R's 0.5 correction; with options.exact
 * the exact null distribution, conditional on the tied scores when there are ties (as coin and
 * exactRankTests), where commons-statistics would silently fall back to the normal approximation.
 */
public final class MannWhitneyTest implements StatisticalTest {

    @Override
    public String id() {
        return "mann-whitney";
    }

    @Override
    public String name() {
        return "Mann-Whitney U test (Wilcoxon rank-sum)";
    }

    @Override
    public String description() {
        return "Compares fields 'x' and 'y' by ranks; W = U of x as R's wilcox.test. Asymptotic tie-corrected p"
                + " without continuity correction unless --correct; --exact gives the exact (with ties: conditional"
                + " permutation) p. Effect size: Hodges-Lehmann shift with interval.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        double[] x = Samples.atLeast(input, "x", 1, "a Mann-Whitney test");
        double[] y = Samples.atLeast(input, "y", 1, "a Mann-Whitney test");
        double mu = input.scalar("mu", 0);
        int nx = x.length;
        int ny = y.length;
        double[] pooled = new double[nx + ny];
        for (int i = 0; i < nx; i++) {
            pooled[i] = x[i] - mu;
        }
        System.arraycopy(y, 0, pooled, nx, ny);
        Ranks ranks = Ranks.of(pooled);
        double rankSumX = 0;
        for (int i = 0; i < nx; i++) {
            rankSumX += ranks.ranks()[i];
        }
        double w = rankSumX - nx * (nx + 1.0) / 2; // nx * (nx + 1) overflows int above 46340
        double n = nx + ny;
        double meanU = nx * (double) ny / 2;
        double sdU = Math.sqrt((nx * (double) ny / 12) * ((n + 1) - ranks.tieCubeSum() / (n * (n - 1))));
        Alternative alternative = options.alternative();
        boolean exact = options.exactRequested();

        double p;
        double z;
        String pMethod;
        if (exact) {
            LatticeDistribution dist = LatticeDistribution.rankSum(ranks.ranks(), nx);
            p = switch (alternative) {
                case LESS -> dist.cdf(rankSumX);
                case GREATER -> dist.sf(rankSumX);
                case TWO_SIDED -> ranks.hasTies() ? dist.twoSidedDistance(rankSumX) : dist.twoSidedDoubled(rankSumX);
            };
            z = (w - meanU) / sdU;
            pMethod = ranks.hasTies() ? "exact conditional (permutation)" : "exact";
        } else {
            if (!(sdU > 0)) {
                throw new IllegalArgumentException("fields 'x' and 'y': all values are tied, the normal approximation"
                        + " is not defined");
            }
            double correction = 0;
            if (options.correct()) {
                correction = switch (alternative) {
                    case TWO_SIDED -> Math.signum(w - meanU) * 0.5;
                    case GREATER -> 0.5;
                    case LESS -> -0.5;
                };
            }
            z = (w - meanU - correction) / sdU;
            // R's wilcox.test: the corrected z through the normal tail (commons-statistics would rank the samples
            // a second time for the same z)
            p = Distributions.normalPValue(z, alternative);
            pMethod = options.correct() ? "asymptotic, continuity corrected" : "asymptotic";
        }

        TestResult.Builder b = TestResult.builder(id())
                .statistic("W", w)
                .pValue(p)
                .alternative(alternative)
                .extra("U", w)
                .extra("U_y", nx * (double) ny - w)
                .extra("rank_sum_x", rankSumX)
                .extra("mean_U", meanU)
                .extra("sd_U", sdU)
                .extra("Z", z)
                .extra("n_x", nx)
                .extra("n_y", ny)
                .extra("ties", ranks.hasTies())
                .extra("p_method", pMethod)
                .effectSize(EffectSize.pointOnly("probability of superiority P(x > y) + P(x = y)/2",
                        w / (nx * (double) ny)))
                .effectSize(EffectSize.pointOnly("rank-biserial correlation", 1 - 2 * (nx * (double) ny - w)
                        / (nx * (double) ny)));
        EffectSize hl = HodgesLehmann.shift(x, y, alternative, options.confLevel(), exact && !ranks.hasTies(),
                ranks.tieCubeSum());
        if (hl != null) {
            b.effectSize(hl);
        }
        return b.build();
    }
}
