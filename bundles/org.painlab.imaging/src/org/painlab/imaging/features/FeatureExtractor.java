package org.painlab.imaging.features;

import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.internal.features.FeatureFamilies;
import org.painlab.imaging.internal.features.FeatureSink;
import org.painlab.imaging.internal.features.Roi;

/**
 * Computes the IBSI 1 features of an image inside a mask: morphology, local intensity, intensity
 * statistics, intensity histogram, intensity-volume histogram, GLCM and GLRLM, GLSZM, GLDZM, NGTDM and
 * NGLDM (in 3D, and in 2D / 2.5D by axial slice, as the settings' {@link TextureAggregation}s say), each
 * value with its IBSI code and the settings used.
 * Checked against the IBSI digital phantom's consensus values. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class FeatureExtractor {
    /**
     * @param image the intensities
     * @param mask  the region of interest: voxels with a non-zero value; same grid and geometry as the image
     * @throws ImagingException the mask does not fit the image, selects nothing, or the discretisation
     *         cannot be applied (field 'mask' or 'discretisation')
     */
    public FeatureSet extract(Volume image, Volume mask, FeatureSettings settings) throws ImagingException {
        Roi roi = Roi.of(image, mask, settings.discretisation());
        FeatureSink sink = new FeatureSink();
        FeatureFamilies.computeAll(roi, settings, sink);
        return new FeatureSet(settings, FeatureFamilies.voxels(roi), FeatureFamilies.greyLevels(roi), sink.features(), sink.skipped());
    }
}
