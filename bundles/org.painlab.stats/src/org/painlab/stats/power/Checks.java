package org.painlab.stats.power;

/** Argument checks and rounding shared by the designs of this package. */
final class Checks {

    /**
     * Relative slack when rounding a computed n up: a closed form that is mathematically an
     * integer (say 85) can come out as 85.00000000000001, which must not become 86.
     */
    private static final double CEIL_SLACK = 1e-10;

    private Checks() {
    }

    static void probability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + p);
        }
    }

    static void openUnit(String name, double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1): " + p);
        }
    }

    static void dropout(double d) {
        if (!(d >= 0 && d < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1): " + d);
        }
    }

    /** ceil(x), ignoring a relative excess of at most 1e-10 over an integer (rounding noise). */
    static int ceilGuarded(double x) {
        if (!(x < Integer.MAX_VALUE)) {
            // said in the user's terms: the CLI and UI add which parameters to change
            throw new ArithmeticException("the sample size needed (about " + String.format(java.util.Locale.ROOT, "%.3g", x)
                    + " per group) is more than " + Integer.MAX_VALUE + ": the effect to detect is too small");
        }
        return (int) Math.ceil(x - CEIL_SLACK * Math.max(1.0, Math.abs(x)));
    }

    /** n inflated for dropout D: ceil(n / (1 - D)). */
    static int afterDropout(int n, double dropout) {
        return dropout == 0 ? n : ceilGuarded(n / (1 - dropout));
    }
}
