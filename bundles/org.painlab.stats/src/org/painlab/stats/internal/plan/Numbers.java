package org.painlab.stats.internal.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting shared by reasons, tables and writers: fixed decimals rounded half up (as
 * journals and SPSS print), never "-0.0", P values as "0.031" or "&lt;0.001".
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * @param value number
     * @param decimals decimals
     * @return the number with exactly that many decimals, or "NA" when not finite
     */
    public static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "NA";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        // BigDecimal of the double's decimal string rounds 2.675 to 2.68 as a reader expects
        BigDecimal d = new BigDecimal(Double.toString(value)).setScale(decimals, RoundingMode.HALF_UP);
        if (d.signum() == 0) {
            d = d.abs();
        }
        return d.toPlainString();
    }

    /**
     * @param p p-value
     * @param decimals printed decimals (3 in most journals)
     * @return "0.031", or "&lt;0.001" when the value would print as zero or is below 10^-decimals
     */
    public static String p(double p, int decimals) {
        if (Double.isNaN(p)) {
            return "NA";
        }
        double floor = Math.pow(10, -decimals);
        if (p < floor) {
            return "<" + fixed(floor, decimals);
        }
        return fixed(p, decimals);
    }

    /**
     * A p-value inside a reason: three decimals, "&lt;0.001" below that, never rounded to 0.05
     * when it is just under (then four decimals), so that the words agree with the decision.
     *
     * @param p p-value
     * @param threshold the decision threshold the reason compares with
     * @return text
     */
    public static String pReason(double p, double threshold) {
        String s = p(p, 3);
        if (!s.startsWith("<") && Double.parseDouble(s) == threshold && p != threshold) {
            s = fixed(p, 4);
        }
        return s.startsWith("<") ? "p" + s : "p=" + s;
    }

    /**
     * @param value threshold such as 0.05
     * @return "0.05" (shortest decimal)
     */
    public static String threshold(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
