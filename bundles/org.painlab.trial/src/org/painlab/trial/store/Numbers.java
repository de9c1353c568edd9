package org.painlab.trial.store;

import java.math.BigDecimal;

/**
 * How numbers are written to and read from text (exports, audit trail, imported cells).
 *
 * @since 0.1
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * Writes a number without trailing zeros and without exponent: 7, 7.2, -3, 0.001. Whole numbers
     * below 1e15 print as integers; -0 prints as 0.
     *
     * @param v a finite number
     * @return the text
     */
    public static String format(double v) {
        if (v == 0) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * Reads a decimal number written with '.' as decimal point and an optional exponent; NaN,
     * infinities, hexadecimal and Java suffixes (1d, 2f) are refused.
     *
     * @param text the text (surrounding blanks are ignored)
     * @return the number
     * @throws NumberFormatException when the text is not such a number
     */
    public static double parseNumber(String text) {
        String t = text.strip();
        if (!isDecimal(t)) {
            throw new NumberFormatException(text);
        }
        double d = Double.parseDouble(t);
        if (!Double.isFinite(d)) {
            throw new NumberFormatException(text);
        }
        return d == 0.0 ? 0.0 : d;
    }

    /**
     * Whether a text is a number for {@link #parseNumber(String)}.
     *
     * @param text the text
     * @return true when it parses
     */
    public static boolean isNumber(String text) {
        return text != null && isDecimal(text.strip());
    }

    /**
     * Whether the text is {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?} with ASCII digits, scanned by
     * hand: an import checks millions of cells, and a regular expression match per cell was a tenth of its
     * reading time.
     */
    private static boolean isDecimal(String t) {
        int n = t.length();
        int i = 0;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int whole = i;
        while (i < n && isDigit(t.charAt(i))) {
            i++;
        }
        boolean wholeDigits = i > whole;
        if (i < n && t.charAt(i) == '.') {
            i++;
            int fraction = i;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
            }
            if (!wholeDigits && i == fraction) {
                return false;
            }
        } else if (!wholeDigits) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponent = i;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
            }
            if (i == exponent) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
