package org.painlab.trial.store;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * How numbers are written to and read from text (exports, audit trail, imported cells).
 *
 * @since 0.1
 */
public final class Numbers {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

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
        if (!NUMBER.matcher(t).matches()) {
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
        return text != null && NUMBER.matcher(text.strip()).matches();
    }
}
