package org.painlab.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of one statistical test: statistic, p-value, degrees of freedom, estimates and
 * confidence interval in the shape of R's {@code htest}, plus ordered method-specific extras
 * (AUCs, variances, Z, U, Kaplan-Meier tables, ...) and effect sizes. Values are kept at full
 * double precision; nothing is rounded here.
 *
 * @since 0.1
 */
public final class TestResult {

    /** Keys that {@link #toMap()} writes itself; extras may not reuse them. */
    private static final Set<String> CORE_KEYS = Set.of("method", "statistic", "statistic_name", "p_value", "df",
            "df2", "estimate", "conf_int", "alternative", "effect_sizes");

    private final String method;
    private final Double statistic;
    private final String statisticName;
    private final double pValue;
    private final Double df;
    private final Double df2;
    private final LinkedHashMap<String, Double> estimate;
    private final double[] confInt;
    private final Alternative alternative;
    private final Map<String, Object> extras;
    private final List<EffectSize> effectSizes;

    private TestResult(Builder b) {
        this.method = b.method;
        this.statistic = b.statistic;
        this.statisticName = b.statisticName;
        this.pValue = b.pValue;
        this.df = b.df;
        this.df2 = b.df2;
        this.estimate = new LinkedHashMap<>(b.estimate);
        this.confInt = b.confInt == null ? null : b.confInt.clone();
        this.alternative = b.alternative;
        this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(b.extras));
        this.effectSizes = List.copyOf(b.effectSizes);
    }

    /**
     * @param method the id of the test that produced the result
     * @return a builder
     */
    public static Builder builder(String method) {
        return new Builder(method);
    }

    /** @return id of the test, e.g. "t-welch" */
    public String method() {
        return method;
    }

    /** @return the test statistic, or null when the test has none (Fisher's exact test) */
    public Double statistic() {
        return statistic;
    }

    /** @return the name of the statistic as R prints it ("t", "W", "X-squared", ...), or null */
    public String statisticName() {
        return statisticName;
    }

    /** @return the p-value */
    public double pValue() {
        return pValue;
    }

    /** @return degrees of freedom (numerator df for F tests), or null */
    public Double df() {
        return df;
    }

    /** @return denominator degrees of freedom of F tests, or null */
    public Double df2() {
        return df2;
    }

    /** @return named estimates in R's naming ("mean of x", "odds ratio", ...); a copy */
    public LinkedHashMap<String, Double> estimate() {
        return new LinkedHashMap<>(estimate);
    }

    /** @return the confidence interval [lower, upper] (bounds may be infinite), or null; a copy */
    public double[] confInt() {
        return confInt == null ? null : confInt.clone();
    }

    /** @return the alternative the p-value refers to, or null for tests without direction */
    public Alternative alternative() {
        return alternative;
    }

    /** @return method-specific values in insertion order, JSON-shaped; unmodifiable */
    public Map<String, Object> extras() {
        return extras;
    }

    /**
     * @param key extra name
     * @return the extra value, or null
     */
    public Object extra(String key) {
        return extras.get(key);
    }

    /**
     * @param key extra name
     * @return the extra as a double
     * @throws IllegalArgumentException if the extra is absent or not a number
     */
    public double extraDouble(String key) {
        Object value = extras.get(key);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("result of " + method + " has no numeric extra '" + key + "'");
    }

    /** @return effect sizes attached to the result; unmodifiable */
    public List<EffectSize> effectSizes() {
        return effectSizes;
    }

    /**
     * @return the result as a JSON-shaped map: "method", "statistic", "statistic_name",
     *         "p_value", "df", "df2", "estimate", "conf_int", "alternative" (those after
     *         "p_value" only when present), then the extras in order, then "effect_sizes" when
     *         there are any. Infinite CI bounds stay infinite Doubles; NaN becomes null.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("method", method);
        map.put("statistic", statistic == null ? null : JsonValues.number(statistic));
        if (statisticName != null) {
            map.put("statistic_name", statisticName);
        }
        map.put("p_value", JsonValues.number(pValue));
        if (df != null) {
            map.put("df", df);
        }
        if (df2 != null) {
            map.put("df2", df2);
        }
        if (!estimate.isEmpty()) {
            map.put("estimate", JsonValues.convert(estimate));
        }
        if (confInt != null) {
            map.put("conf_int", List.of(confInt[0], confInt[1]));
        }
        if (alternative != null) {
            map.put("alternative", alternative.id());
        }
        map.putAll(extras);
        if (!effectSizes.isEmpty()) {
            List<Object> list = new ArrayList<>();
            for (EffectSize es : effectSizes) {
                list.add(es.toMap());
            }
            map.put("effect_sizes", list);
        }
        return map;
    }

    @Override
    public String toString() {
        return toMap().toString();
    }

    /** Collects the parts of a result; each test fills what it has. */
    public static final class Builder {
        private final String method;
        private Double statistic;
        private String statisticName;
        private double pValue = Double.NaN;
        private Double df;
        private Double df2;
        private final LinkedHashMap<String, Double> estimate = new LinkedHashMap<>();
        private double[] confInt;
        private Alternative alternative;
        private final LinkedHashMap<String, Object> extras = new LinkedHashMap<>();
        private final List<EffectSize> effectSizes = new ArrayList<>();

        private Builder(String method) {
            if (method == null || method.isBlank()) {
                throw new IllegalArgumentException("method id is required");
            }
            this.method = method;
        }

        /** @param name statistic name @param value statistic @return this */
        public Builder statistic(String name, double value) {
            this.statisticName = name;
            this.statistic = value;
            return this;
        }

        /** @param value p-value @return this */
        public Builder pValue(double value) {
            this.pValue = value;
            return this;
        }

        /** @param value degrees of freedom @return this */
        public Builder df(double value) {
            this.df = value;
            return this;
        }

        /** @param value denominator degrees of freedom @return this */
        public Builder df2(double value) {
            this.df2 = value;
            return this;
        }

        /** @param name estimate name @param value estimate @return this */
        public Builder estimate(String name, double value) {
            this.estimate.put(name, value);
            return this;
        }

        /** @param lower lower bound @param upper upper bound @return this */
        public Builder confInt(double lower, double upper) {
            this.confInt = new double[] {lower, upper};
            return this;
        }

        /** @param value alternative the p-value refers to @return this */
        public Builder alternative(Alternative value) {
            this.alternative = value;
            return this;
        }

        /**
         * @param key extra name, not one of the core keys
         * @param value Number, String, Boolean, array, List or Map; converted to JSON shape
         * @return this
         */
        public Builder extra(String key, Object value) {
            if (CORE_KEYS.contains(key)) {
                throw new IllegalArgumentException("extra key '" + key + "' clashes with a core result key");
            }
            extras.put(key, JsonValues.convert(value));
            return this;
        }

        /** @param value an effect size @return this */
        public Builder effectSize(EffectSize value) {
            effectSizes.add(value);
            return this;
        }

        /** @return the result */
        public TestResult build() {
            return new TestResult(this);
        }
    }
}
