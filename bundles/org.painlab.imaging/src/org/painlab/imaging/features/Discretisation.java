package org.painlab.imaging.features;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How intensities become the grey levels 1..Ng that the histogram and texture matrices count
 * (IBSI 1, section 2.7): none (the values are already integer grey levels, as in the IBSI digital
 * phantom), a fixed bin number over the ROI's range, or a fixed bin width from a lower bound.
 * Part of {@link FeatureSettings}, so it travels with every result.
 *
 * @param method   NONE, FIXED_BIN_NUMBER or FIXED_BIN_WIDTH
 * @param value    number of bins, or the bin width; 0 for NONE
 * @param lowerBound the intensity where the first bin of a fixed width starts; NaN = the ROI minimum
 * @since 0.1
 */
public record Discretisation(Method method, double value, double lowerBound) {
    /** The three IBSI choices. */
    public enum Method {
        /** Values are taken as grey levels; they must be integers of at least 1. */
        NONE,
        /** IBSI fixed bin number (FBN): {@code floor(N (x - min) / (max - min)) + 1}, max in bin N. */
        FIXED_BIN_NUMBER,
        /** IBSI fixed bin size (FBS): {@code floor((x - lower) / width) + 1}. */
        FIXED_BIN_WIDTH
    }

    public Discretisation {
        if (method == Method.FIXED_BIN_NUMBER && (value < 1 || value != Math.floor(value) || value > 1_000_000)) {
            throw new IllegalArgumentException("bin number must be a whole number from 1 to 1000000, found " + value);
        }
        if (method == Method.FIXED_BIN_WIDTH && !(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException("bin width must be positive, found " + value);
        }
    }

    /** No discretisation: the values are grey levels already. */
    public static Discretisation none() {
        return new Discretisation(Method.NONE, 0, Double.NaN);
    }

    /** A fixed number of bins over the ROI's intensity range. */
    public static Discretisation binNumber(int bins) {
        return new Discretisation(Method.FIXED_BIN_NUMBER, bins, Double.NaN);
    }

    /** A fixed bin width, the first bin starting at the ROI minimum. */
    public static Discretisation binWidth(double width) {
        return new Discretisation(Method.FIXED_BIN_WIDTH, width, Double.NaN);
    }

    /** A fixed bin width, the first bin starting at {@code lowerBound} (e.g. -1000 HU). */
    public static Discretisation binWidth(double width, double lowerBound) {
        return new Discretisation(Method.FIXED_BIN_WIDTH, width, lowerBound);
    }

    /** For JSON and reports: {@code {"method": "fixed-bin-number", "bins": 32}} and the like. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (method) {
            case NONE -> m.put("method", "none");
            case FIXED_BIN_NUMBER -> {
                m.put("method", "fixed-bin-number");
                m.put("bins", (int) value);
            }
            case FIXED_BIN_WIDTH -> {
                m.put("method", "fixed-bin-width");
                m.put("width", value);
                m.put("lower_bound", Double.isNaN(lowerBound) ? "roi-minimum" : lowerBound);
            }
        }
        return m;
    }
}
