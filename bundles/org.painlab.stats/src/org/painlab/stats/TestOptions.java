package org.painlab.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The options a user can set for any test: the alternative hypothesis, exact or asymptotic
 * p-values, continuity correction, the treatment of zero differences in signed-rank tests,
 * the confidence level, and method-specific extras (for instance {@code rho} of the log-rank
 * family). Immutable; tests ignore options that do not apply to them.
 *
 * @param alternative the alternative hypothesis, never null
 * @param exact TRUE for an exact null distribution, FALSE for the asymptotic one, null for the
 *        method's documented default (asymptotic for the rank tests, as SPSS prints them)
 * @param correct whether to apply a continuity correction (Yates for chi-square, 0.5 for rank tests)
 * @param zeroMethod "wilcox" (drop zero differences) or "pratt" (rank them, then drop)
 * @param confLevel confidence level of intervals, strictly between 0 and 1
 * @param extras method-specific options; values are JSON-shaped (Number, String, Boolean)
 *
 * @since 0.1
 */
public record TestOptions(Alternative alternative, Boolean exact, boolean correct, String zeroMethod,
        double confLevel, Map<String, Object> extras) {

    /** Zero differences are dropped before ranking (R's wilcox.test, SPSS). */
    public static final String ZERO_WILCOX = "wilcox";
    /** Zero differences take part in ranking and are then dropped (Pratt 1959, coin's default). */
    public static final String ZERO_PRATT = "pratt";

    /** Validates and normalises; the extras map is copied so callers cannot change it later. */
    public TestOptions {
        if (alternative == null) {
            alternative = Alternative.TWO_SIDED;
        }
        zeroMethod = zeroMethod == null ? ZERO_WILCOX : zeroMethod.trim().toLowerCase(Locale.ROOT);
        if (!ZERO_WILCOX.equals(zeroMethod) && !ZERO_PRATT.equals(zeroMethod)) {
            throw new IllegalArgumentException("zero method must be 'wilcox' or 'pratt', not '" + zeroMethod + "'");
        }
        if (!(confLevel > 0 && confLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1 (exclusive), not " + confLevel);
        }
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** @return two-sided, automatic exactness, no continuity correction, zeros dropped, 95% intervals */
    public static TestOptions defaults() {
        return new TestOptions(Alternative.TWO_SIDED, null, false, ZERO_WILCOX, 0.95, Map.of());
    }

    /** @param value the alternative @return a copy with it */
    public TestOptions withAlternative(Alternative value) {
        return new TestOptions(value, exact, correct, zeroMethod, confLevel, extras);
    }

    /** @param value TRUE, FALSE or null (automatic) @return a copy with it */
    public TestOptions withExact(Boolean value) {
        return new TestOptions(alternative, value, correct, zeroMethod, confLevel, extras);
    }

    /** @param value whether to apply a continuity correction @return a copy with it */
    public TestOptions withCorrect(boolean value) {
        return new TestOptions(alternative, exact, value, zeroMethod, confLevel, extras);
    }

    /** @param value "wilcox" or "pratt" @return a copy with it */
    public TestOptions withZeroMethod(String value) {
        return new TestOptions(alternative, exact, correct, value, confLevel, extras);
    }

    /** @param value the confidence level @return a copy with it */
    public TestOptions withConfLevel(double value) {
        return new TestOptions(alternative, exact, correct, zeroMethod, value, extras);
    }

    /**
     * @param key option name
     * @param value option value (Number, String or Boolean)
     * @return a copy with the extra option set
     */
    public TestOptions withExtra(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(extras);
        copy.put(key, value);
        return new TestOptions(alternative, exact, correct, zeroMethod, confLevel, copy);
    }

    /** @return true when exact p-values were asked for explicitly */
    public boolean exactRequested() {
        return Boolean.TRUE.equals(exact);
    }

    /**
     * @param key option name
     * @param defaultValue value when the option is absent
     * @return the numeric option
     * @throws IllegalArgumentException if the option is present but not a number
     */
    public double extraDouble(String key, double defaultValue) {
        Object value = extras.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the common message
            }
        }
        throw new IllegalArgumentException("option '" + key + "' must be a number, not '" + value + "'");
    }
}
