package org.painlab.imaging.internal.features;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.painlab.imaging.features.FeatureSettings;
import org.painlab.imaging.features.TextureAggregation.Dimension;

/**
 * Runs every feature family on one ROI and lists their features in the IBSI order. The families
 * only read the ROI, so they run side by side on the common fork-join pool (the calling thread
 * takes part): each writes to its own sink, and the sinks are joined in the fixed order, so the
 * features, their order and their values do not depend on the number of cores.
 */
public final class FeatureFamilies {
    private FeatureFamilies() {
    }

    public static void computeAll(Roi roi, FeatureSettings settings, FeatureSink out) {
        boolean threeD = settings.computes(Dimension.THREE_D);
        boolean twoD = settings.computes(Dimension.TWO_D);
        boolean twoAndAHalfD = settings.computes(Dimension.TWO_AND_A_HALF_D);
        // the costliest first, so the other core is not left with a long family at the end
        List<Consumer<FeatureSink>> families = new ArrayList<>(List.of(
                sink -> Morphology.compute(roi, settings.moranMaxVoxels(), sink),
                sink -> LocalIntensity.compute(roi, sink),
                sink -> IntensityStatistics.compute(roi, sink),
                sink -> IntensityHistogram.compute(roi, sink),
                sink -> IntensityVolumeHistogram.compute(roi, sink)));
        if (threeD) {
            families.addAll(List.of(
                    sink -> Glcm.compute(roi, settings.aggregations(), sink),
                    sink -> Glrlm.compute(roi, settings.aggregations(), sink),
                    sink -> Zones.compute(roi, sink),
                    sink -> Neighbourhoods.compute(roi, sink)));
        }
        if (twoD || twoAndAHalfD) {
            // by axial slice (IBSI 2D and 2.5D), after every 3D feature so the 3D order is as before
            families.addAll(List.of(
                    sink -> SliceGlcm.compute(roi, settings.aggregations(), sink),
                    sink -> SliceGlrlm.compute(roi, settings.aggregations(), sink),
                    sink -> SliceZones.compute(roi, twoD, twoAndAHalfD, sink),
                    sink -> SliceNeighbourhoods.compute(roi, twoD, twoAndAHalfD, sink)));
        }
        List<FeatureSink> sinks = families.parallelStream().map(family -> {
            FeatureSink sink = new FeatureSink();
            family.accept(sink);
            return sink;
        }).toList();
        for (FeatureSink sink : sinks) {
            out.addAll(sink);
        }
    }

    /** The grey level count Ng of {@code roi}. */
    public static int greyLevels(Roi roi) {
        return roi.ng;
    }

    /** The ROI voxel count. */
    public static int voxels(Roi roi) {
        return roi.voxels.length;
    }
}
