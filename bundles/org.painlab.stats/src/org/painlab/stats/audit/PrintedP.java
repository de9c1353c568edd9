package org.painlab.stats.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A P value as a paper prints it: "0.031", ".031", "P = 0.031", "&lt;0.001", "P &lt; 0.05",
 * "&gt;0.05", "≤0.001", or SPSS's "0.000" (which means below 0.0005). A computed p reproduces it
 * when it rounds (half up) to the printed value at the printed number of decimals, or lies on the
 * printed side of a bound.
 *
 * @param text the text as printed
 * @param relation "=", "&lt;", "≤", "&gt;" or "≥"
 * @param value the printed number
 * @param decimals decimals printed
 * @param fromNumber true when the value came as a number rather than as printed text: its printed
 *        decimals are then unknown (a trailing zero is lost), see {@link #of(double)}
 *
 * @since 0.1
 */
public record PrintedP(String text, String relation, BigDecimal value, int decimals, boolean fromNumber) {

    /**
     * A P value read from its printed text.
     *
     * @param text the text as printed
     * @param relation "=", "&lt;", "≤", "&gt;" or "≥"
     * @param value the printed number
     * @param decimals decimals printed
     */
    public PrintedP(String text, String relation, BigDecimal value, int decimals) {
        this(text, relation, value, decimals, false);
    }

    private static final Pattern FORM = Pattern.compile(
            "^\\s*(?:p\\s*)?(=|<=|>=|<|>|≤|≥)?\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*$");

    /**
     * @param text printed text
     * @return the parsed value
     * @throws IllegalArgumentException if the text is not a P value
     */
    public static PrintedP parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('＜', '<').replace('＞', '>')
                .replace("p-value", "p").replace("p value", "p");
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a printed P value (examples: 0.031, <0.001, P > 0.05)");
        }
        String rel = m.group(1) == null ? "=" : switch (m.group(1)) {
            case "<=" -> "≤";
            case ">=" -> "≥";
            default -> m.group(1);
        };
        BigDecimal v = new BigDecimal(m.group(2));
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("'" + text + "': a P value lies between 0 and 1");
        }
        return new PrintedP(text.trim(), rel, v, Math.max(0, v.scale()));
    }

    /**
     * @param number a P value given as a JSON number; its shortest decimal gives the precision
     *        (0.030 arrives as 0.03: pass the text to keep the trailing zero)
     * @return the parsed value, marked {@link #fromNumber()}
     */
    public static PrintedP of(double number) {
        PrintedP p = parse(BigDecimal.valueOf(number).toPlainString());
        return new PrintedP(p.text(), p.relation(), p.value(), p.decimals(), true);
    }

    /**
     * @param p a computed p-value
     * @return true when the paper would have printed this text for it
     */
    public boolean reproducedBy(double p) {
        if (Double.isNaN(p)) {
            return false;
        }
        BigDecimal exact = new BigDecimal(p);
        return switch (relation) {
            case "=" -> new BigDecimal(Double.toString(p)).setScale(decimals, RoundingMode.HALF_UP).compareTo(value) == 0;
            case "<" -> exact.compareTo(value) < 0;
            case "≤" -> exact.compareTo(value) <= 0;
            case ">" -> exact.compareTo(value) > 0;
            case "≥" -> exact.compareTo(value) >= 0;
            default -> throw new IllegalStateException(relation);
        };
    }

    /**
     * @param lo smallest p over the rounding box of the summary data
     * @param hi largest p
     * @return true when some p in [lo, hi] would print as this text
     */
    public boolean reproducedByRange(double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return false;
        }
        if (reproducedBy(lo) || reproducedBy(hi)) {
            return true;
        }
        if (!"=".equals(relation)) {
            return false;
        }
        // the interval of p that prints as the value: [v - h, v + h)
        double h = 0.5 * Math.pow(10, -decimals);
        double v = value.doubleValue();
        return lo < v + h && hi >= v - h;
    }
}
