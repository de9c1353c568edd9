package org.painlab.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An effect size attached to a test result (mean difference, standardised mean difference,
 * Hodges-Lehmann shift, risk difference, risk ratio, odds ratio, ...), with its confidence
 * interval when one is defined. A bound that is not available is {@code NaN}; an open bound of
 * a one-sided interval is infinite.
 *
 * @param name what the estimate measures, e.g. "Cohen's d"
 * @param estimate the point estimate
 * @param lower lower confidence bound, or NaN when no interval is computed
 * @param upper upper confidence bound, or NaN when no interval is computed
 * @param confLevel confidence level of the interval, or NaN when no interval is computed
 *
 * @since 0.1
 */
public record EffectSize(String name, double estimate, double lower, double upper, double confLevel) {

    /** Validates the name; numbers are free because NaN and infinities carry meaning. */
    public EffectSize {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("effect size name is required");
        }
    }

    /**
     * @param name what the estimate measures
     * @param estimate the point estimate
     * @return an effect size without confidence interval
     */
    public static EffectSize pointOnly(String name, double estimate) {
        return new EffectSize(name, estimate, Double.NaN, Double.NaN, Double.NaN);
    }

    /** @return true when a confidence interval is attached */
    public boolean hasInterval() {
        return !Double.isNaN(lower) || !Double.isNaN(upper);
    }

    /**
     * @return JSON-shaped map with keys name, estimate, lower, upper, conf_level; NaN becomes
     *         null because JSON has no NaN
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("estimate", JsonValues.number(estimate));
        map.put("lower", JsonValues.number(lower));
        map.put("upper", JsonValues.number(upper));
        map.put("conf_level", JsonValues.number(confLevel));
        return map;
    }
}
