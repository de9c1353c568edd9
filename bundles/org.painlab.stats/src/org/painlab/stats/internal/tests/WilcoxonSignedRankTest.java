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
 * Wilcoxon signed-rank test of paired x - y (or pre - post) against mu. V is the sum of the ranks
 * of the positive differences, as R's wilcox.test. Zero differences are dropped (zero_method
 * "wilcox", as R and SPSS) or ranked and then dropped ("pratt", as coin's default). Asymptotic
 * tie-corrected p without continuity correction by default; exact on request, conditional on the
 * tied ranks (as coin and exactRankTests), which R's wilcox.test cannot do with ties or zeros.
 * Implemented here because commons-statistics handles zeros differently from R.
 */
public final class WilcoxonSignedRankTest implements StatisticalTest {

    @Override
    public String id() {
        return "wilcoxon-signed-rank";
    }

    @Override
    public String name() {
        return "Wilcoxon signed-rank test";
    }

    @Override
    public String description() {
        return "Tests whether paired differences x - y (fields 'x'/'y' or 'pre'/'post'; optional 'mu') are"
                + " centred on 0; V as R's wilcox.test(paired = TRUE). Zeros dropped (or Pratt); asymptotic"
                + " tie-corrected p unless --correct or --exact. Effect size: Hodges-Lehmann pseudo-median.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        PairedSamples pairs = PairedSamples.from(input);
        double mu = input.scalar("mu", 0);
        double[] d = pairs.differences();
        for (int i = 0; i < d.length; i++) {
            d[i] -= mu;
        }
        boolean pratt = TestOptions.ZERO_PRATT.equals(options.zeroMethod());
        int zeros = 0;
        for (double v : d) {
            if (v == 0) {
                zeros++;
            }
        }
        double[] nonZero = new double[d.length - zeros];
        int k = 0;
        for (double v : d) {
            if (v != 0) {
                nonZero[k++] = v;
            }
        }
        int n = nonZero.length;
        if (n == 0) {
            throw new IllegalArgumentException("fields '" + pairs.firstField() + "' and '" + pairs.secondField()
                    + "': all differences are zero, the signed-rank test is not defined");
        }
        // Pratt ranks the zeros too, so the non-zero differences get the higher ranks
        double[] ranked = pratt ? d : nonZero;
        double[] absolute = new double[ranked.length];
        for (int i = 0; i < ranked.length; i++) {
            absolute[i] = Math.abs(ranked[i]);
        }
        Ranks ranks = Ranks.of(absolute);
        double[] scores = new double[n];
        double v = 0;
        double sumScores = 0;
        double sumSquares = 0;
        k = 0;
        for (int i = 0; i < ranked.length; i++) {
            if (ranked[i] == 0) {
                continue;
            }
            double r = ranks.ranks()[i];
            scores[k++] = r;
            sumScores += r;
            sumSquares += r * r;
            if (ranked[i] > 0) {
                v += r;
            }
        }
        double mean;
        double sigma;
        if (pratt) {
            mean = sumScores / 2;
            sigma = Math.sqrt(sumSquares / 4);
        } else {
            // R's formulas; equal to the Pratt ones when there are no zeros
            mean = n * (n + 1.0) / 4; // n * (n + 1) overflows int above n = 46340
            sigma = Math.sqrt(n * (n + 1.0) * (2 * n + 1) / 24 - ranks.tieCubeSum() / 48);
        }
        // the scores are mid-ranks, equal exactly within a tie group; Pratt's zeros form the first group
        boolean ties = false;
        int[] groups = ranks.tieSizes();
        for (int g = pratt && zeros > 0 ? 1 : 0; g < groups.length; g++) {
            ties |= groups[g] > 1;
        }
        Alternative alternative = options.alternative();
        boolean exact = options.exactRequested();

        double p;
        double z;
        String pMethod;
        if (exact) {
            LatticeDistribution dist = LatticeDistribution.signedRank(scores);
            p = switch (alternative) {
                case LESS -> dist.cdf(v);
                case GREATER -> dist.sf(v);
                case TWO_SIDED -> ties || zeros > 0 ? dist.twoSidedDistance(v) : dist.twoSidedDoubled(v);
            };
            z = (v - mean) / sigma;
            pMethod = ties || zeros > 0 ? "exact conditional (permutation)" : "exact";
        } else {
            double correction = 0;
            if (options.correct()) {
                correction = switch (alternative) {
                    case TWO_SIDED -> Math.signum(v - mean) * 0.5;
                    case GREATER -> 0.5;
                    case LESS -> -0.5;
                };
            }
            z = (v - mean - correction) / sigma;
            p = Distributions.normalPValue(z, alternative);
            pMethod = options.correct() ? "asymptotic, continuity corrected" : "asymptotic";
        }

        TestResult.Builder b = TestResult.builder(id())
                .statistic("V", v)
                .pValue(p)
                .alternative(alternative)
                .extra("V", v)
                .extra("V_minus", sumScores - v)
                .extra("mean_V", mean)
                .extra("sd_V", sigma)
                .extra("Z", z)
                .extra("n", n)
                .extra("n_zero", zeros)
                .extra("zero_method", options.zeroMethod())
                .extra("ties", ties)
                .extra("p_method", pMethod)
                .effectSize(EffectSize.pointOnly("matched-pairs rank-biserial correlation",
                        (v - (sumScores - v)) / sumScores));
        Ranks nonZeroRanks = pratt ? Ranks.of(abs(nonZero)) : ranks;
        EffectSize hl = HodgesLehmann.pseudoMedian(nonZero, alternative, options.confLevel(), exact && !ties
                && zeros == 0, nonZeroRanks.tieCubeSum());
        if (hl != null) {
            // the differences were shifted by mu; report the location of x - y itself
            b.effectSize(new EffectSize(hl.name(), hl.estimate() + mu, hl.lower() + mu, hl.upper() + mu,
                    hl.confLevel()));
        }
        return b.build();
    }

    private static double[] abs(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.abs(values[i]);
        }
        return out;
    }
}
