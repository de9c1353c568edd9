package org.example.painlab.pcs;

/**
 * Tail probabilities of Binomial(n, 1/2), summed in log space so that n in the thousands neither
 * underflows (0.5^1075 is 0 in a double) nor loses the small tail.
 */
final class BinomialHalf {
    private BinomialHalf() {
    }

    /** P(X &lt;= k). */
    static double cdf(int k, int n) {
        return sum(0, k, n);
    }

    /** P(X &gt;= k). */
    static double survival(int k, int n) {
        return sum(k, n, n);
    }

    private static double sum(int from, int to, int n) {
        if (from > to) {
            return 0;
        }
        double[] logPmf = new double[n + 1];
        double log = n * Math.log(0.5);
        for (int k = 0; k <= n; k++) {
            logPmf[k] = log;
            log += Math.log(n - k) - Math.log(k + 1.0);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int k = from; k <= to; k++) {
            max = Math.max(max, logPmf[k]);
        }
        double total = 0;
        for (int k = from; k <= to; k++) {
            total += Math.exp(logPmf[k] - max);
        }
        return Math.min(1.0, Math.exp(max + Math.log(total)));
    }
}
