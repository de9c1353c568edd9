package org.painlab.stats.frame;

/**
 * Reads a decimal number straight from a CSV cell's bytes when that is exact: at most 18 digits and at most 22
 * after the point, so that the digits (a long below 2^53) and the power of ten are both exact doubles and one
 * division rounds correctly (Clinger's fast path): the same double as {@link Double#parseDouble}, without a
 * String. Anything else (exponents, long mantissas, text) is left to {@link Double#parseDouble}.
 */
final class CsvNumber {
    /** Returned when the fast path does not apply; never a value of the fast path (it returns no NaN). */
    static final double NOT_SIMPLE = Double.NaN;
    private static final double[] POWERS = new double[23];
    private static final long EXACT = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p;
            p *= 10;
        }
    }

    private CsvNumber() {
    }

    /**
     * @param b bytes
     * @param start first byte (no blanks)
     * @param end end, exclusive (no blanks)
     * @return the number, or {@link #NOT_SIMPLE}
     */
    static double parse(byte[] b, int start, int end) {
        int p = start;
        boolean negative = false;
        if (p < end && (b[p] == '-' || b[p] == '+')) {
            negative = b[p] == '-';
            p++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; p < end; p++) {
            int c = b[p] - '0';
            if (c >= 0 && c <= 9) {
                mantissa = mantissa * 10 + c;
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (b[p] == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return NOT_SIMPLE;
            }
        }
        if (digits == 0 || digits > 18 || mantissa > EXACT || fraction >= POWERS.length) {
            return NOT_SIMPLE;
        }
        double v = fraction > 0 ? mantissa / POWERS[fraction] : mantissa;
        return negative ? -v : v;
    }
}
