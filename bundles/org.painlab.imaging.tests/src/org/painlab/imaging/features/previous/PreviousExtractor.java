package org.painlab.imaging.features.previous;

import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.features.FeatureSet;
import org.painlab.imaging.features.FeatureSettings;

/**
 * The feature extractor as it was before the speed work (commit c9b323c), frozen here as the oracle
 * the optimised {@code FeatureExtractor} must agree with: same features, same order, same values.
 * Sequential, one family after the other, neighbour look-ups with bounds checks.
 */
public final class PreviousExtractor {
    public FeatureSet extract(Volume image, Volume mask, FeatureSettings settings) throws ImagingException {
        Roi roi = Roi.of(image, mask, settings.discretisation());
        FeatureSink sink = new FeatureSink();
        FeatureFamilies.computeAll(roi, settings, sink);
        return new FeatureSet(settings, FeatureFamilies.voxels(roi), FeatureFamilies.greyLevels(roi), sink.features(), sink.skipped());
    }
}
