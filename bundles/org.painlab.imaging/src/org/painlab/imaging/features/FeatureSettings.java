package org.painlab.imaging.features;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The choices behind a feature set, stored with it so a number is never shown without how it was
 * made: discretisation, the texture aggregations computed (3D, and 2D/2.5D by axial slice), and the neighbourhood parameters
 * (IBSI defaults: GLCM Chebyshev distance 1, NGTDM/NGLDM distance 1, NGLDM coarseness alpha 0).
 * Immutable; {@code with...} methods return changed copies.
 *
 * @param discretisation how intensities become grey levels
 * @param aggregations   which GLCM/GLRLM aggregations are computed (at least one); their dimensions (3D, 2D,
 *                       2.5D) also choose how the zone and neighbourhood families are computed
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

    /** 32 bins, both 3D aggregations, Moran/Geary up to 20000 voxels. */
    public static FeatureSettings defaults() {
        return new FeatureSettings(Discretisation.binNumber(32), TextureAggregation.of(TextureAggregation.Dimension.THREE_D), 20_000);
    }

    /** Whether the zone and neighbourhood families are computed in {@code dimension}. */
    public boolean computes(TextureAggregation.Dimension dimension) {
        for (TextureAggregation a : aggregations) {
            if (a.dimension() == dimension) {
                return true;
            }
        }
        return false;
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
        if (computes(TextureAggregation.Dimension.TWO_D) || computes(TextureAggregation.Dimension.TWO_AND_A_HALF_D)) {
            m.put("slice_axis", "z");
            m.put("slice_connectivity", 8);
        }
        m.put("moran_max_voxels", moranMaxVoxels);
        return m;
    }
}
