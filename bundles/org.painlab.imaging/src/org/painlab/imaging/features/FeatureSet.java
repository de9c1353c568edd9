package org.painlab.imaging.features;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The features of one image and mask, with the settings that made them and what the ROI held.
 *
 * @param settings   the settings used
 * @param roiVoxels  voxels in the mask (with a finite intensity)
 * @param greyLevels Ng, the number of grey levels after discretisation
 * @param features   the values, family by family
 * @param skipped    features deliberately not computed for this ROI, symbol to reason (e.g. Moran's I on a large ROI)
 * @since 0.1
 */
public record FeatureSet(FeatureSettings settings, int roiVoxels, int greyLevels, List<Feature> features,
        Map<String, String> skipped) {
    public FeatureSet {
        features = List.copyOf(features);
        skipped = Map.copyOf(skipped);
    }

    /** The feature {@code symbol} with {@code aggregationCode} ("" for features without aggregation). */
    public Optional<Feature> find(String symbol, String aggregationCode) {
        return features.stream().filter(f -> f.symbol().equals(symbol) && f.aggregationCode().equals(aggregationCode)).findFirst();
    }
}
