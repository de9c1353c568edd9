package org.painlab.imaging.features;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The choices behind a feature set, stored with it so a number is never shown without how it was
 * made: discretisation, the GLCM/GLRLM aggregations computed, and the neighbourhood parameters
 * (IBSI defaults: GLCM Chebyshev distance 1, NGTDM/NGLDM distance 1, NGLDM coarseness alpha 0).
 * Immutable; {@code with...} methods return changed copies.
 *
 * @param discretisation how intensities become grey levels
 * @param aggregations   which of 3D averaged / 3D merged GLCM and GLRLM are computed (at least one)
 * @param moranMaxVoxels Moran's I and Geary's C take every pair of ROI voxels; above this many
 *                       voxels they are left out (listed as skipped) rather than taking minutes
 * @since 0.1
 */
public record FeatureSettings(Discretisation discretisation, Set<TextureAggregation> aggregations, int moranMaxVoxels) {
    /** The neighbourhood distance of GLCM, NGTDM and NGLDM (Chebyshev). */
    public static final int DISTANCE = 1;
    /** NGLDM coarseness parameter. */
    public static final int NGLDM_ALPHA = 0;

    public FeatureSettings {
        if (discretisation == null) {
            throw new IllegalArgumentException("discretisation is required");
        }
        if (aggregations == null || aggregations.isEmpty()) {
            throw new IllegalArgumentException("at least one aggregation is required");
        }
        aggregations = Set.copyOf(EnumSet.copyOf(aggregations));
    }

    /** 32 bins, both aggregations, Moran/Geary up to 20000 voxels. */
    public static FeatureSettings defaults() {
        return new FeatureSettings(Discretisation.binNumber(32), EnumSet.allOf(TextureAggregation.class), 20_000);
    }

    public FeatureSettings withDiscretisation(Discretisation d) {
        return new FeatureSettings(d, aggregations, moranMaxVoxels);
    }

    public FeatureSettings withAggregations(Set<TextureAggregation> a) {
        return new FeatureSettings(discretisation, a, moranMaxVoxels);
    }

    public FeatureSettings withMoranMaxVoxels(int max) {
        return new FeatureSettings(discretisation, aggregations, max);
    }

    /** For JSON and reports. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("discretisation", discretisation.describe());
        List<String> a = new ArrayList<>();
        for (TextureAggregation t : TextureAggregation.values()) {
            if (aggregations.contains(t)) {
                a.add(t.id());
            }
        }
        m.put("aggregations", a);
        m.put("glcm_distance", DISTANCE);
        m.put("glcm_symmetric", true);
        m.put("ngtdm_distance", DISTANCE);
        m.put("ngldm_distance", DISTANCE);
        m.put("ngldm_alpha", NGLDM_ALPHA);
        m.put("connectivity", 26);
        m.put("moran_max_voxels", moranMaxVoxels);
        return m;
    }
}
