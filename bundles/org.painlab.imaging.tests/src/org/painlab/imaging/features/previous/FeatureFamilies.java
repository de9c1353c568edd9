package org.painlab.imaging.features.previous;

// Frozen copy of org.painlab.imaging.internal.features at commit c9b323c: the oracle of PreviousExtractor. Do not optimise.

import org.painlab.imaging.features.FeatureSettings;

/** Runs every feature family on one ROI, in the IBSI order. */
final class FeatureFamilies {
    private FeatureFamilies() {
    }

    public static void computeAll(Roi roi, FeatureSettings settings, FeatureSink out) {
        Morphology.compute(roi, settings.moranMaxVoxels(), out);
        LocalIntensity.compute(roi, out);
        IntensityStatistics.compute(roi, out);
        IntensityHistogram.compute(roi, out);
        IntensityVolumeHistogram.compute(roi, out);
        Glcm.compute(roi, settings.aggregations(), out);
        Glrlm.compute(roi, settings.aggregations(), out);
        Zones.compute(roi, out);
        Neighbourhoods.compute(roi, out);
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
