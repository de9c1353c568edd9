package org.painlab.stats.internal.math;

/**
 * The exact null distribution of a rank statistic whose values lie on a lattice (mid-ranks are
 * multiples of 1/2): probabilities indexed by the statistic divided by the lattice unit. Built by
 * {@link #rankSum} for two-sample tests and {@link #signedRank} for signed-rank tests; with ties
 * it is the conditional permutation distribution given the observed scores, as in coin and
 * exactRankTests.
 */
public final class LatticeDistribution {

    /** Largest table we fill (entries); beyond it exact p-values would take minutes. */
    private static final long MAX_CELLS = 16_000_000L;
    /** Lattice points whose distances to the mean agree to this are treated as equal. */
    private static final double DISTANCE_TOLERANCE = 1e-6;

    private final double[] prob;
    private final double unit;
    private final double mean;

    private LatticeDistribution(double[] prob, double unit) {
        this.prob = prob;
        this.unit = unit;
        double m = 0;
        for (int s = 0; s < prob.length; s++) {
            m += s * prob[s];
        }
        this.mean = m;
    }

    /**
     * Distribution of the sum of the scores of a random subset of size m (all subsets equally
     * likely), i.e. the Wilcoxon rank-sum statistic of the first sample.
     *
     * @param scores mid-ranks of the pooled sample
     * @param m size of the first sample
     * @return the distribution
     * @throws IllegalArgumentException if the samples are too large for an exact computation
     */
    public static LatticeDistribution rankSum(double[] scores, int m) {
        int n = scores.length;
        Lattice lattice = Lattice.of(scores);
        int[] a = lattice.units;
        int total = lattice.total;
        // the complement has the mirrored distribution, so fill the smaller side only
        int k = Math.min(m, n - m);
        if ((long) (k + 1) * (total + 1) > MAX_CELLS) {
            throw new IllegalArgumentException("samples too large for an exact p-value (n = " + n
                    + "); use the asymptotic test");
        }
        // g[j][s]: probability that a random j-subset of the items seen so far sums to s;
        // kept normalised per step so no count ever overflows
        double[][] g = new double[k + 1][total + 1];
        g[0][0] = 1.0;
        int reach = 0;
        for (int i = 1; i <= n; i++) {
            int ai = a[i - 1];
            reach += ai;
            for (int j = Math.min(i, k); j >= 1; j--) {
                double stay = (double) (i - j) / i;
                double take = (double) j / i;
                double[] gj = g[j];
                double[] prev = g[j - 1];
                for (int s = Math.min(reach, total); s >= 0; s--) {
                    double v = stay * gj[s];
                    if (s >= ai) {
                        v += take * prev[s - ai];
                    }
                    gj[s] = v;
                }
            }
        }
        double[] prob = g[k];
        if (k != m) {
            double[] mirrored = new double[total + 1];
            for (int s = 0; s <= total; s++) {
                mirrored[total - s] = prob[s];
            }
            prob = mirrored;
        }
        return new LatticeDistribution(prob, lattice.unit);
    }

    /**
     * Distribution of the sum of the scores that get a positive sign when each sign is + or -
     * with probability 1/2, i.e. the Wilcoxon signed-rank statistic V.
     *
     * @param scores ranks of the absolute non-zero differences
     * @return the distribution
     */
    public static LatticeDistribution signedRank(double[] scores) {
        Lattice lattice = Lattice.of(scores);
        if (lattice.total + 1L > MAX_CELLS) {
            throw new IllegalArgumentException("sample too large for an exact p-value (n = " + scores.length
                    + "); use the asymptotic test");
        }
        double[] f = new double[lattice.total + 1];
        f[0] = 1.0;
        int reach = 0;
        for (int ai : lattice.units) {
            reach += ai;
            for (int s = reach; s >= 0; s--) {
                f[s] = 0.5 * (f[s] + (s >= ai ? f[s - ai] : 0.0));
            }
        }
        return new LatticeDistribution(f, lattice.unit);
    }

    /** @return the mean of the statistic */
    public double mean() {
        return mean * unit;
    }

    /** @param statistic observed value @return P(S &lt;= statistic) */
    public double cdf(double statistic) {
        int s = index(statistic);
        double p = 0;
        for (int i = 0; i <= Math.min(s, prob.length - 1); i++) {
            p += prob[i];
        }
        return Math.min(1.0, p);
    }

    /** @param statistic observed value @return P(S &gt;= statistic) */
    public double sf(double statistic) {
        int s = Math.max(index(statistic), 0);
        double p = 0;
        for (int i = prob.length - 1; i >= s; i--) {
            p += prob[i];
        }
        return Math.min(1.0, p);
    }

    /**
     * @param p probability
     * @return the smallest value q of the statistic with P(S &lt;= q) &gt;= p (R's qwilcox and
     *         qsignrank, which compare against p less a fuzz of 10 machine epsilons)
     */
    public double quantile(double p) {
        double target = p - 10 * Math.ulp(1.0);
        double cumulative = 0;
        for (int s = 0; s < prob.length; s++) {
            cumulative += prob[s];
            if (cumulative >= target) {
                return s * unit;
            }
        }
        return (prob.length - 1) * unit;
    }

    /**
     * Two-sided p-value as R's wilcox.test computes it without ties: twice the tail on the side
     * of the observation, capped at 1.
     *
     * @param statistic observed value
     * @return p-value
     */
    public double twoSidedDoubled(double statistic) {
        double p = statistic > mean() ? sf(statistic) : cdf(statistic);
        return Math.min(1.0, 2 * p);
    }

    /**
     * Two-sided p-value as coin and exactRankTests compute it: P(|S - E S| &gt;= |s - E S|).
     * With ties the distribution may be asymmetric, and then this differs from doubling a tail.
     *
     * @param statistic observed value
     * @return p-value
     */
    public double twoSidedDistance(double statistic) {
        double d = Math.abs(statistic / unit - mean);
        double p = 0;
        for (int s = 0; s < prob.length; s++) {
            if (Math.abs(s - mean) >= d - DISTANCE_TOLERANCE) {
                p += prob[s];
            }
        }
        return Math.min(1.0, p);
    }

    private int index(double statistic) {
        return (int) Math.round(statistic / unit);
    }

    /** Scores as integer multiples of a common unit (half-ranks divided by their gcd). */
    private record Lattice(int[] units, int total, double unit) {
        static Lattice of(double[] scores) {
            int[] doubled = new int[scores.length];
            int gcd = 0;
            long total = 0;
            for (int i = 0; i < scores.length; i++) {
                double twice = 2 * scores[i];
                if (twice != Math.rint(twice) || twice < 0) {
                    throw new IllegalArgumentException("scores must be non-negative multiples of 1/2");
                }
                doubled[i] = (int) twice;
                gcd = gcd(gcd, doubled[i]);
                total += doubled[i];
            }
            if (gcd == 0) {
                gcd = 1;
            }
            int[] units = new int[scores.length];
            for (int i = 0; i < units.length; i++) {
                units[i] = doubled[i] / gcd;
            }
            if (total / gcd > Integer.MAX_VALUE - 1) {
                throw new IllegalArgumentException("samples too large for an exact p-value");
            }
            return new Lattice(units, (int) (total / gcd), gcd / 2.0);
        }

        private static int gcd(int a, int b) {
            while (b != 0) {
                int t = a % b;
                a = b;
                b = t;
            }
            return a;
        }
    }
}
