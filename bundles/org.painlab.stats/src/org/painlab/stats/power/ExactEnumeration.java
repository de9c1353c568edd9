package org.painlab.stats.power;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Exact power of a two-proportion test by full enumeration of both arms' binomial outcomes:
 * power = sum over tables (x1, x2) of b(x1; n1, p1) * b(x2; n2, p2) * [test rejects].
 *
 * <p>Why it is fast: the decision of both tests depends on a table only through x1 and the
 * margin m = x1 + x2, and for every margin the acceptance region is an interval of x1
 * (hypergeometric probabilities are unimodal; Z is monotone in x1 at fixed m). So the region is
 * computed once per margin from the mode outward, never per table, and tables whose binomial
 * probability is below ~1e-25 of the largest are skipped (their total is below 1e-20).
 * Cost per n is roughly proportional to n, so a search over hundreds of n stays sub-second.
 *
 * <p>Rejection rule: p &le; alpha (with a relative slack of 1e-9 so that a p-value mathematically
 * equal to alpha, e.g. 1/20, is rejected whatever the rounding). One-sided tests are oriented
 * in the direction of the assumed effect: small x1 is extreme when p2 &ge; p1.
 */
final class ExactEnumeration {

    /** Terms below exp(-57) ~ 1.8e-25 times the largest term are negligible. */
    private static final double LOG_CUT = 57.0;
    /** R's fisher.test: tables with d &le; d_obs * (1 + 1e-7) count as "no more likely". */
    private static final double TIE_SLACK = 1e-7;
    /** Relative slack of the comparison p &le; alpha (see class comment). */
    private static final double ALPHA_SLACK = 1e-9;

    private final int n1;
    private final int n2;
    private final int total;
    private final ExactTest test;
    private final FisherTwoSidedRule rule;
    private final boolean twoSided;
    /** One-sided direction: true when small x1 (group 1 fewer successes) is the extreme side. */
    private final boolean lowerIsExtreme;
    private final double alpha;
    /** Z critical value for the Z test (alpha/2 two-sided, alpha one-sided). */
    private final double zCrit;
    /** log k! for k = 0..n1+n2 (Fisher only). */
    private final double[] logFact;
    /** Scratch: normalised hypergeometric probabilities, indexed by x1. */
    private final double[] hyper;

    private ExactEnumeration(int n1, int n2, double alpha, Sides alternative, boolean lowerIsExtreme,
            ExactTest test, FisherTwoSidedRule rule) {
        this.n1 = n1;
        this.n2 = n2;
        this.total = n1 + n2;
        this.test = test;
        this.rule = rule;
        this.twoSided = alternative == Sides.TWO_SIDED;
        this.lowerIsExtreme = lowerIsExtreme;
        this.alpha = alpha;
        this.zCrit = StdNormal.upperQuantile(alpha / alternative.sides());
        if (test == ExactTest.FISHER) {
            logFact = new double[total + 1];
            for (int k = 2; k <= total; k++) {
                logFact[k] = LogGamma.value(k + 1.0);
            }
            hyper = new double[n1 + 1];
        } else {
            logFact = null;
            hyper = null;
        }
    }

    /**
     * Exact power of the chosen test at group sizes n1, n2.
     *
     * @throws IllegalArgumentException for n1 or n2 below 1
     */
    static double power(double p1, double p2, int n1, int n2, double alpha, Sides alternative,
            ExactTest test, FisherTwoSidedRule rule) {
        if (n1 < 1 || n2 < 1) {
            throw new IllegalArgumentException("group sizes must be >= 1: n1=" + n1 + ", n2=" + n2);
        }
        return new ExactEnumeration(n1, n2, alpha, alternative, p2 >= p1, test, rule).power(p1, p2);
    }

    private double power(double p1, double p2) {
        Pmf b1 = Pmf.binomial(n1, p1);
        Pmf b2 = Pmf.binomial(n2, p2);
        double rejected = 0;
        int[] accept = new int[2];
        for (int m = b1.from + b2.from; m <= b1.to + b2.to; m++) {
            int xlo = Math.max(b1.from, m - b2.to);
            int xhi = Math.min(b1.to, m - b2.from);
            acceptance(m, accept);
            int aLo = accept[0];
            int aHi = accept[1];
            if (aLo > aHi) {
                // Nothing accepted at this margin: every table rejects.
                for (int x = xlo; x <= xhi; x++) {
                    rejected += b1.at(x) * b2.at(m - x);
                }
                continue;
            }
            for (int x = xlo, end = Math.min(xhi, aLo - 1); x <= end; x++) {
                rejected += b1.at(x) * b2.at(m - x);
            }
            for (int x = Math.max(xlo, aHi + 1); x <= xhi; x++) {
                rejected += b1.at(x) * b2.at(m - x);
            }
        }
        return Math.min(1.0, rejected);
    }

    /** Writes the acceptance interval [lo, hi] of x1 at margin m into {@code out}. */
    private void acceptance(int m, int[] out) {
        int lo = Math.max(0, m - n2);
        int hi = Math.min(m, n1);
        out[0] = lo;
        out[1] = hi;
        if (lo == hi) {
            return; // a single table: p = 1 (Fisher), Z undefined or trivially accepted
        }
        if (test == ExactTest.Z_POOLED) {
            zAcceptance(m, lo, hi, out);
        } else {
            fisherAcceptance(m, lo, hi, out);
        }
    }

    // ---------------------------------------------------------------- Z pooled

    private void zAcceptance(int m, int lo, int hi, int[] out) {
        if (m == 0 || m == total) {
            return; // pooled variance 0: Z undefined, never rejects
        }
        double inv = 1.0 / n1 + 1.0 / n2;
        double pbar = (double) m / total;
        double se = Math.sqrt(pbar * (1 - pbar) * inv);
        double centre = (double) m * n1 / total;
        double half = zCrit * se / inv;
        if (twoSided || lowerIsExtreme) {
            // smallest x with z(x) > -zCrit (reject z <= -zCrit); start at the analytic boundary
            int a = clamp((int) Math.floor(centre - half), lo, hi);
            while (a <= hi && z(a, m, se) <= -zCrit) {
                a++;
            }
            while (a > lo && z(a - 1, m, se) > -zCrit) {
                a--;
            }
            out[0] = a;
        }
        if (twoSided || !lowerIsExtreme) {
            int b = clamp((int) Math.ceil(centre + half), lo, hi);
            while (b >= lo && z(b, m, se) >= zCrit) {
                b--;
            }
            while (b < hi && z(b + 1, m, se) < zCrit) {
                b++;
            }
            out[1] = b;
        }
    }

    /** Pooled Z statistic of group 1 minus group 2, evaluated exactly as per table. */
    private double z(int x, int m, double se) {
        return ((double) x / n1 - (double) (m - x) / n2) / se;
    }

    // ---------------------------------------------------------------- Fisher

    private void fisherAcceptance(int m, int lo, int hi, int[] out) {
        double c = logFact[n1] + logFact[n2] - logFact[total] + logFact[m] + logFact[total - m];
        int mode = clamp((int) Math.floor((m + 1.0) * (n1 + 1.0) / (total + 2.0)), lo, hi);
        double top = logHyper(c, m, mode);
        // Window of non-negligible probabilities around the mode; outside it p-values are ~0.
        int wl = mode;
        while (wl > lo && logHyper(c, m, wl - 1) >= top - LOG_CUT) {
            wl--;
        }
        int wr = mode;
        while (wr < hi && logHyper(c, m, wr + 1) >= top - LOG_CUT) {
            wr++;
        }
        double sum = 0;
        for (int x = wl; x <= wr; x++) {
            double d = Math.exp(logHyper(c, m, x) - top);
            hyper[x] = d;
            sum += d;
        }
        for (int x = wl; x <= wr; x++) {
            hyper[x] /= sum; // normalise as R does (d / sum(d))
        }
        if (!twoSided) {
            if (lowerIsExtreme) {
                out[0] = lowerCut(wl, wr, alpha);
            } else {
                out[1] = upperCut(wl, wr, alpha);
            }
        } else if (rule == FisherTwoSidedRule.DOUBLING) {
            out[0] = lowerCut(wl, wr, alpha / 2);
            out[1] = upperCut(wl, wr, alpha / 2);
        } else {
            smallPAcceptance(wl, wr, out);
        }
    }

    private double logHyper(double c, int m, int x) {
        return c - logFact[x] - logFact[n1 - x] - logFact[m - x] - logFact[n2 - m + x];
    }

    /** First x in [wl, wr] with P(X &le; x) &gt; level (all smaller x reject). */
    private int lowerCut(int wl, int wr, double level) {
        double limit = level * (1 + ALPHA_SLACK);
        double acc = 0;
        int x = wl;
        while (x <= wr) {
            acc += hyper[x];
            if (acc > limit) {
                break;
            }
            x++;
        }
        return x;
    }

    /** Last x in [wl, wr] with P(X &ge; x) &gt; level (all larger x reject). */
    private int upperCut(int wl, int wr, double level) {
        double limit = level * (1 + ALPHA_SLACK);
        double acc = 0;
        int x = wr;
        while (x >= wl) {
            acc += hyper[x];
            if (acc > limit) {
                break;
            }
            x--;
        }
        return x;
    }

    /**
     * Sum-of-small-p rule. Tables are taken in increasing probability, which for a unimodal pmf
     * means from the two ends of the window inward; p(x) is the mass of all tables with
     * d &le; d(x)(1 + 1e-7). p(x) grows with d(x), so the first accepted table ends the scan
     * and the accepted set is the interval that remains.
     */
    private void smallPAcceptance(int wl, int wr, int[] out) {
        double limit = alpha * (1 + ALPHA_SLACK);
        double acc = 0; // mass of tables already rejected (all with smaller d)
        int i = wl;
        int j = wr;
        while (i <= j) {
            boolean left = hyper[i] <= hyper[j];
            double threshold = (left ? hyper[i] : hyper[j]) * (1 + TIE_SLACK);
            // Remaining tables tied with (or below) the candidate: a prefix and a suffix.
            double tied = 0;
            int ii = i;
            while (ii <= j && hyper[ii] <= threshold) {
                tied += hyper[ii++];
            }
            for (int jj = j; jj >= ii && hyper[jj] <= threshold; jj--) {
                tied += hyper[jj];
            }
            if (acc + tied > limit) {
                break;
            }
            if (left) {
                acc += hyper[i++];
            } else {
                acc += hyper[j--];
            }
        }
        out[0] = i;
        out[1] = j;
    }

    private static int clamp(int x, int lo, int hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    /** Binomial pmf on the range where it is not negligible, computed in log space once per n. */
    private record Pmf(int from, int to, double[] values) {

        double at(int x) {
            return values[x - from];
        }

        static Pmf binomial(int n, double p) {
            if (p == 0) {
                return new Pmf(0, 0, new double[] {1.0});
            }
            if (p == 1) {
                return new Pmf(n, n, new double[] {1.0});
            }
            BinomialDistribution dist = BinomialDistribution.of(n, p);
            int mode = (int) Math.floor((n + 1) * p);
            mode = Math.min(n, mode);
            double top = dist.logProbability(mode);
            int from = mode;
            while (from > 0 && dist.logProbability(from - 1) >= top - LOG_CUT) {
                from--;
            }
            int to = mode;
            while (to < n && dist.logProbability(to + 1) >= top - LOG_CUT) {
                to++;
            }
            double[] v = new double[to - from + 1];
            for (int x = from; x <= to; x++) {
                v[x - from] = Math.exp(dist.logProbability(x));
            }
            return new Pmf(from, to, v);
        }
    }
}
