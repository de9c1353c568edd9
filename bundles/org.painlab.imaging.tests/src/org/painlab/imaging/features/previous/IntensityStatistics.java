package org.painlab.imaging.features.previous;

// Frozen copy of org.painlab.imaging.internal.features at commit c9b323c: the oracle of PreviousExtractor. Do not optimise.

/** IBSI intensity-based statistical features (stat.*), on the ROI's intensities. */
final class IntensityStatistics {
    private IntensityStatistics() {
    }

    static void compute(Roi roi, FeatureSink out) {
        FirstOrder f = new FirstOrder(roi.intensities);
        f.addShared(out, "stat");
        double energy = 0;
        for (double v : roi.intensities) {
            energy += v * v;
        }
        out.add("stat.energy", energy);
        out.add("stat.rms", Math.sqrt(energy / roi.intensities.length));
    }
}
