package org.painlab.imaging.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.painlab.core.StudyException;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.features.Discretisation;
import org.painlab.imaging.features.Feature;
import org.painlab.imaging.features.FeatureExtractor;
import org.painlab.imaging.features.FeatureSettings;
import org.painlab.imaging.features.TextureAggregation;

/**
 * How the features a model learnt from were computed from a volume, saved with the model so that it can grade
 * a new volume the same way: the feature settings written out in full (discretisation, aggregations, Moran's
 * limit, as {@link VolumeFeaturesAnalysis} parameters, so a later change of a default cannot change them), the
 * feature keys every training case had (the model reads them by key), the region of interest (the non-zero
 * voxels of a mask on the image's grid; no resampling, no re-segmentation) and the stored feature results the
 * training features came from. {@link #VERSION} numbers this layout.
 *
 * @param version layout version of the saved recipe
 * @param discretisation {@code bin-number:N}, {@code bin-width:W[:LOWER]} or {@code none}
 * @param aggregations GLCM/GLRLM aggregations, comma-separated ids
 * @param moranMaxVoxels largest ROI for Moran's I and Geary's C (0 = left out)
 * @param featureKeys the keys every training case had, sorted
 * @param featureResults ids of the stored feature results the training features came from
 * @since 0.1
 */
public record FeatureRecipe(int version, String discretisation, String aggregations, int moranMaxVoxels,
        List<String> featureKeys, List<Long> featureResults) {
    /** The layout this version writes. */
    public static final int VERSION = 1;
    /** How the region of interest is made; written with the recipe so a reader knows. */
    public static final String ROI = "non-zero voxels of the mask, on the image's grid (no resampling, no re-segmentation)";

    /** Copies the lists. */
    public FeatureRecipe {
        featureKeys = List.copyOf(featureKeys);
        featureResults = List.copyOf(featureResults);
    }

    /** The recipe of these settings, written out in full. */
    public static FeatureRecipe of(FeatureSettings settings, List<String> featureKeys, List<Long> featureResults) {
        List<String> aggregations = new ArrayList<>();
        for (TextureAggregation a : TextureAggregation.values()) {
            // in the enum's order: the settings hold a set whose order is not fixed
            if (settings.aggregations().contains(a)) {
                aggregations.add(a.id());
            }
        }
        return new FeatureRecipe(VERSION, text(settings.discretisation()), String.join(",", aggregations),
                settings.moranMaxVoxels(), new ArrayList<>(new TreeSet<>(featureKeys)), featureResults);
    }

    private static String text(Discretisation d) {
        return switch (d.method()) {
            case NONE -> "none";
            case FIXED_BIN_NUMBER -> "bin-number:" + (int) d.value();
            case FIXED_BIN_WIDTH -> "bin-width:" + d.value() + (Double.isNaN(d.lowerBound()) ? "" : ":" + d.lowerBound());
        };
    }

    /** The parameters of {@link VolumeFeaturesAnalysis} that compute these features. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(VolumeFeaturesAnalysis.DISCRETISATION, discretisation);
        p.put(VolumeFeaturesAnalysis.AGGREGATIONS, aggregations);
        p.put(VolumeFeaturesAnalysis.MORAN_MAX_VOXELS, Integer.toString(moranMaxVoxels));
        return p;
    }

    /**
     * @return the feature settings
     * @throws IllegalArgumentException when this version cannot read them (e.g. an aggregation it does not know)
     */
    public FeatureSettings settings() {
        try {
            return VolumeFeaturesAnalysis.settings(parameters());
        } catch (StudyException e) {
            throw new IllegalArgumentException("the model's feature settings: " + e.getMessage(), e);
        }
    }

    /**
     * The features of a new volume as the model's training cases had them.
     *
     * @param image the volume
     * @param mask its region of interest (non-zero voxels, same grid)
     * @return feature key to value (finite values only, as a stored result keeps them)
     * @throws ImagingException when the mask does not fit the image
     * @throws IllegalArgumentException when there is no mask or a feature the model learnt cannot be computed
     */
    public Map<String, Double> features(Volume image, Volume mask) throws ImagingException {
        if (mask == null) {
            throw new IllegalArgumentException("a model on texture features needs the volume's mask: its features were"
                    + " computed inside masks (" + ROI + ")");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Feature f : new FeatureExtractor().extract(image, mask, settings()).features()) {
            if (Double.isFinite(f.value())) {
                out.put(VolumeFeaturesAnalysis.key(f), f.value());
            }
        }
        List<String> missing = featureKeys.stream().filter(k -> !out.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("feature '" + missing.get(0) + "' (" + missing.size() + " of the model's "
                    + featureKeys.size() + " features) cannot be computed for this volume and mask");
        }
        return out;
    }

    /** As saved with the model (JSON object). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("discretisation", discretisation);
        m.put("aggregations", aggregations);
        m.put("moran_max_voxels", moranMaxVoxels);
        m.put("roi", ROI);
        m.put("feature_keys", featureKeys);
        m.put("feature_results", featureResults.stream().map(String::valueOf).toList());
        return m;
    }

    /**
     * Reads {@link #describe()}.
     *
     * @throws IllegalArgumentException naming the field that is missing or of a later version
     */
    public static FeatureRecipe read(Map<?, ?> m) {
        if (!(m.get("version") instanceof Number v)) {
            throw new IllegalArgumentException("feature settings: 'version' is missing");
        }
        if (v.intValue() < 1 || v.intValue() > VERSION) {
            throw new IllegalArgumentException("feature settings: version " + v + " is newer than this version reads ("
                    + VERSION + ")");
        }
        if (!(m.get("discretisation") instanceof String d) || !(m.get("aggregations") instanceof String a)
                || !(m.get("moran_max_voxels") instanceof Number moran) || !(m.get("feature_keys") instanceof List<?> keys)
                || !(m.get("feature_results") instanceof List<?> results)) {
            throw new IllegalArgumentException("feature settings: one of discretisation, aggregations, moran_max_voxels,"
                    + " feature_keys, feature_results is missing");
        }
        try {
            return new FeatureRecipe(v.intValue(), d, a, moran.intValue(), keys.stream().map(String::valueOf).toList(),
                    results.stream().map(r -> Long.parseLong(String.valueOf(r))).toList());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("feature settings: feature_results must be result ids: " + results, e);
        }
    }
}
