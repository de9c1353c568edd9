package org.painlab.imaging.internal.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.imaging.features.Feature;

/** Collects feature values under their IBSI identity (from {@link IbsiCatalog}) as families compute them. */
public final class FeatureSink {
    private final List<Feature> features = new ArrayList<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();

    /** Adds a feature without aggregation (morphology, statistics, histograms). */
    public void add(String symbol, double value) {
        add(symbol, "", "", value);
    }

    /** Adds a feature of one aggregation. */
    public void add(String symbol, String aggregation, String aggregationCode, double value) {
        IbsiCatalog.Entry e = IbsiCatalog.of(symbol);
        features.add(new Feature(e.family(), e.name(), symbol, e.code(), aggregation, aggregationCode, value));
    }

    /** Records that {@code symbol} was left out on purpose, and why. */
    public void skip(String symbol, String reason) {
        skipped.put(symbol, reason);
    }

    /** Appends what {@code other} collected, in its order. */
    public void addAll(FeatureSink other) {
        features.addAll(other.features);
        skipped.putAll(other.skipped);
    }

    public List<Feature> features() {
        return features;
    }

    public Map<String, String> skipped() {
        return skipped;
    }
}
