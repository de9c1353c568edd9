package org.painlab.stats.internal.math;

import java.util.Arrays;

/**
 * Shapiro-Wilk W and its p-value by Royston's approximation, algorithm AS R94 (Applied
 * Statistics 44(4), 1995), with the same coefficients, polynomial evaluation order and range
 * scaling as R's shapiro.test, so that W and p agree with R to rounding.
 *
 * @param w the W statistic
 * @param pValue upper-tail p-value of W
 */
public record RoystonShapiroWilk(double w, double pValue) {

    private static final double SMALL = 1e-19;
    private static final double[] G = {-2.273, .459};
    private static final double[] C1 = {0., .221157, -.147981, -2.07119, 4.434685, -2.706056};
    private static final double[] C2 = {0., .042981, -.293762, -1.752461, 5.682633, -3.582633};
    private static final double[] C3 = {.544, -.39978, .025054, -6.714e-4};
    private static final double[] C4 = {1.3822, -.77857, .062767, -.0020322};
    private static final double[] C5 = {-1.5861, -.31082, -.083751, .0038915};
    private static final double[] C6 = {-.4803, -.082676, .0030302};

    /**
     * @param sample the data, 3 to 5000 values, not all equal
     * @return W and p
     * @throws IllegalArgumentException if the size is out of range or all values are equal
     */
    public static RoystonShapiroWilk of(double[] sample) {
        double[] x = sample.clone();
        Arrays.sort(x);
        int n = x.length;
        if (n < 3 || n > 5000) {
            throw new IllegalArgumentException("field 'x' must hold between 3 and 5000 values for Shapiro-Wilk, not " + n);
        }
        rescaleHuge(x);
        double range = x[n - 1] - x[0];
        if (range == 0) {
            throw new IllegalArgumentException("field 'x': all values are identical, normality cannot be tested");
        }
        if (range < 1e-10) {
            // R rescales tiny ranges so that the zero-range guard of the algorithm does not trip
            for (int i = 0; i < n; i++) {
                x[i] /= range;
            }
        }
        double[] a = coefficients(n);
        double w1 = oneMinusW(x, a);
        double w = 1 - w1;
        return new RoystonShapiroWilk(w, pValue(n, w, w1));
    }

    /**
     * W is scale-invariant, but with values near the top of the double range the range
     * x[n-1] - x[0] overflows to infinity and W comes out as NaN. Such samples are scaled by a
     * power of two, which is exact: the W of every sample that did not overflow is unchanged.
     */
    private static void rescaleHuge(double[] x) {
        double maxAbs = Math.max(Math.abs(x[0]), Math.abs(x[x.length - 1]));
        if (maxAbs < 1e100) {
            return;
        }
        int exponent = Math.getExponent(maxAbs);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.scalb(x[i], -exponent);
        }
    }

    /** Coefficients a[1..n/2] (1-based, a[0] unused) of the ordered sample. */
    private static double[] coefficients(int n) {
        int nn2 = n / 2;
        double[] a = new double[nn2 + 1];
        if (n == 3) {
            a[1] = 0.70710678;
            return a;
        }
        double an = n;
        double an25 = an + .25;
        double summ2 = 0;
        for (int i = 1; i <= nn2; i++) {
            a[i] = Distributions.normalQuantile((i - .375) / an25);
            summ2 += a[i] * a[i];
        }
        summ2 *= 2;
        double ssumm2 = Math.sqrt(summ2);
        double rsn = 1 / Math.sqrt(an);
        double a1 = poly(C1, rsn) - a[1] / ssumm2;
        int i1;
        double fac;
        if (n > 5) {
            i1 = 3;
            double a2 = -a[2] / ssumm2 + poly(C2, rsn);
            fac = Math.sqrt((summ2 - 2. * (a[1] * a[1]) - 2. * (a[2] * a[2]))
                    / (1. - 2. * (a1 * a1) - 2. * (a2 * a2)));
            a[2] = a2;
        } else {
            i1 = 2;
            fac = Math.sqrt((summ2 - 2. * (a[1] * a[1])) / (1. - 2. * (a1 * a1)));
        }
        a[1] = a1;
        for (int i = i1; i <= nn2; i++) {
            a[i] /= -fac;
        }
        return a;
    }

    /** 1 - W as a squared correlation, computed this way to keep precision when W is near 1. */
    private static double oneMinusW(double[] x, double[] a) {
        int n = x.length;
        double range = x[n - 1] - x[0];
        if (range < SMALL) {
            throw new IllegalArgumentException("field 'x': range too small for Shapiro-Wilk");
        }
        double sx = x[0] / range;
        double sa = -a[1];
        for (int i = 1, j = n - 1; i < n; j--) {
            sx += x[i] / range;
            i++;
            if (i != j) {
                sa += Integer.signum(i - j) * a[Math.min(i, j)];
            }
        }
        sa /= n;
        sx /= n;
        double ssa = 0;
        double ssx = 0;
        double sax = 0;
        for (int i = 0, j = n - 1; i < n; i++, j--) {
            double asa = i != j ? Integer.signum(i - j) * a[1 + Math.min(i, j)] - sa : -sa;
            double xsx = x[i] / range - sx;
            ssa += asa * asa;
            ssx += xsx * xsx;
            sax += asa * xsx;
        }
        double ssassx = Math.sqrt(ssa * ssx);
        return (ssassx - sax) * (ssassx + sax) / (ssa * ssx);
    }

    private static double pValue(int n, double w, double w1) {
        if (n == 3) {
            // exact for n = 3: (6/pi) (asin(sqrt(W)) - asin(sqrt(3/4)))
            double pi6 = 1.90985931710274;
            double stqr = 1.04719755119660;
            return Math.max(0, pi6 * (Math.asin(Math.sqrt(w)) - stqr));
        }
        double y = Math.log(w1);
        double xx = Math.log(n);
        double m;
        double s;
        if (n <= 11) {
            double gamma = poly(G, n);
            if (y >= gamma) {
                return 1e-99;
            }
            y = -Math.log(gamma - y);
            m = poly(C3, n);
            s = Math.exp(poly(C4, n));
        } else {
            m = poly(C5, xx);
            s = Math.exp(poly(C6, xx));
        }
        return Distributions.normalSf((y - m) / s);
    }

    /** Polynomial with coefficients in increasing order, evaluated as AS 181.2 does. */
    private static double poly(double[] cc, double x) {
        double result = cc[0];
        int nord = cc.length;
        if (nord > 1) {
            double p = x * cc[nord - 1];
            for (int j = nord - 2; j > 0; j--) {
                p = (p + cc[j]) * x;
            }
            result += p;
        }
        return result;
    }
}
