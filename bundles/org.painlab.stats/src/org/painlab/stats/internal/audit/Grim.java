package org.painlab.stats.internal.audit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The GRIM test (Brown and Heathers 2017): a mean of n integer values (or of n subjects' sums
 * over k items) is a multiple of 1/(n·k); a printed mean with d decimals is possible only if some
 * such multiple rounds to it. Rounding half up, half down and half even are all accepted so that
 * only impossible means are flagged. Not informative when n·k ≥ 10^d.
 */
public final class Grim {

    private Grim() {
    }

    /**
     * @param mean the printed mean, with its printed decimals as scale
     * @param n sample size
     * @param items items per subject
     * @return true when the test can tell anything (n·items &lt; 10^decimals)
     */
    public static boolean informative(BigDecimal mean, int n, int items) {
        return BigDecimal.valueOf((long) n * items).compareTo(BigDecimal.TEN.pow(Math.max(0, mean.scale()))) < 0;
    }

    /**
     * @param mean the printed mean, with its printed decimals as scale
     * @param n sample size
     * @param items items per subject
     * @return true when some total of integers gives a mean that prints as the given one
     */
    public static boolean consistent(BigDecimal mean, int n, int items) {
        long granules = (long) n * items;
        int d = Math.max(0, mean.scale());
        BigDecimal g = BigDecimal.valueOf(granules);
        long centre = mean.multiply(g).setScale(0, RoundingMode.HALF_UP).longValueExact();
        for (long total = centre - 2; total <= centre + 2; total++) {
            BigDecimal m = new BigDecimal(total).divide(g, new MathContext(40));
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_UP, RoundingMode.HALF_DOWN,
                RoundingMode.HALF_EVEN}) {
                if (m.setScale(d, mode).compareTo(mean) == 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
