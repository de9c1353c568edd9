package org.painlab.stats.internal.audit;

import java.util.List;
import org.painlab.stats.Alternative;
import org.painlab.stats.internal.math.Distributions;

/**
 * t tests and one-way ANOVAs from summary statistics (n, mean, SD), the way a reader recomputes
 * them from a published table: Student's pooled t, Welch's t with Satterthwaite df, the classical
 * F test and Welch's ANOVA. Same formulas as the tests on raw data, so raw and summary agree.
 */
public final class SummaryTests {

    private SummaryTests() {
    }

    /**
     * One group's moments.
     *
     * @param n size
     * @param mean mean
     * @param sd standard deviation
     */
    public record Moments(double n, double mean, double sd) {
    }

    /**
     * @param x first group
     * @param y second group
     * @param alternative sidedness (first minus second)
     * @return Student's t-test p
     */
    public static double student(Moments x, Moments y, Alternative alternative) {
        double df = x.n() + y.n() - 2;
        double sp2 = ((x.n() - 1) * x.sd() * x.sd() + (y.n() - 1) * y.sd() * y.sd()) / df;
        double se = Math.sqrt(sp2 * (1 / x.n() + 1 / y.n()));
        return tP((x.mean() - y.mean()) / se, df, alternative);
    }

    /**
     * @param x first group
     * @param y second group
     * @param alternative sidedness
     * @return Welch's t-test p
     */
    public static double welch(Moments x, Moments y, Alternative alternative) {
        double vx = x.sd() * x.sd() / x.n();
        double vy = y.sd() * y.sd() / y.n();
        double se = Math.sqrt(vx + vy);
        double df = (vx + vy) * (vx + vy) / (vx * vx / (x.n() - 1) + vy * vy / (y.n() - 1));
        return tP((x.mean() - y.mean()) / se, df, alternative);
    }

    /**
     * @param groups the groups
     * @return p of the classical one-way ANOVA
     */
    public static double anova(List<Moments> groups) {
        double n = 0;
        double sum = 0;
        for (Moments g : groups) {
            n += g.n();
            sum += g.n() * g.mean();
        }
        double grand = sum / n;
        double ssb = 0;
        double ssw = 0;
        for (Moments g : groups) {
            ssb += g.n() * (g.mean() - grand) * (g.mean() - grand);
            ssw += (g.n() - 1) * g.sd() * g.sd();
        }
        int k = groups.size();
        double f = (ssb / (k - 1)) / (ssw / (n - k));
        return Double.isFinite(f) ? Distributions.fSf(f, k - 1, n - k) : Double.NaN;
    }

    /**
     * @param groups the groups
     * @return p of Welch's ANOVA (R's oneway.test(var.equal = FALSE))
     */
    public static double welchAnova(List<Moments> groups) {
        int k = groups.size();
        double sw = 0;
        double swm = 0;
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            Moments g = groups.get(i);
            w[i] = g.n() / (g.sd() * g.sd());
            sw += w[i];
            swm += w[i] * g.mean();
        }
        double mw = swm / sw;
        double a = 0;
        double tmp = 0;
        for (int i = 0; i < k; i++) {
            Moments g = groups.get(i);
            a += w[i] * (g.mean() - mw) * (g.mean() - mw);
            tmp += (1 - w[i] / sw) * (1 - w[i] / sw) / (g.n() - 1);
        }
        a /= k - 1;
        tmp /= (double) k * k - 1;
        double f = a / (1 + 2 * (k - 2) * tmp);
        double df2 = 1 / (3 * tmp);
        return Double.isFinite(f) ? Distributions.fSf(f, k - 1, df2) : Double.NaN;
    }

    private static double tP(double t, double df, Alternative alternative) {
        return Double.isFinite(t) && df > 0 ? Distributions.tPValue(t, df, alternative) : Double.NaN;
    }
}
