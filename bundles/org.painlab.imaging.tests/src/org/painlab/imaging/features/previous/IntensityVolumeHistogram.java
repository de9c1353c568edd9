package org.painlab.imaging.features.previous;

// Frozen copy of org.painlab.imaging.internal.features at commit c9b323c: the oracle of PreviousExtractor. Do not optimise.

/**
 * IBSI intensity-volume histogram features (ivh.*). Intensities are the grey levels (with no
 * discretisation, the integer intensities), stepped by 1 from the ROI minimum to its maximum;
 * the intensity fraction is {@code (i - min) / (max - min)}.
 */
final class IntensityVolumeHistogram {
    private IntensityVolumeHistogram() {
    }

    static void compute(Roi roi, FeatureSink out) {
        int[] g = roi.roiGrey();
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int v : g) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        long[] atLeast = new long[hi - lo + 2];
        for (int v : g) {
            atLeast[v - lo]++;
        }
        for (int i = atLeast.length - 2; i >= 0; i--) {
            atLeast[i] += atLeast[i + 1];
        }
        double n = g.length;
        double v10 = volumeAt(g, lo, hi, 0.10);
        double v90 = volumeAt(g, lo, hi, 0.90);
        int i10 = intensityAt(atLeast, lo, n, 0.10);
        int i90 = intensityAt(atLeast, lo, n, 0.90);
        out.add("ivh.V10", v10);
        out.add("ivh.V90", v90);
        out.add("ivh.I10", i10);
        out.add("ivh.I90", i90);
        out.add("ivh.V10minusV90", v10 - v90);
        out.add("ivh.I10minusI90", i10 - i90);
    }

    /** Fraction of the ROI whose intensity fraction is at least {@code x}. */
    private static double volumeAt(int[] g, int lo, int hi, double x) {
        long c = 0;
        for (int v : g) {
            double fraction = hi == lo ? 0 : (v - lo) / (double) (hi - lo);
            if (fraction >= x - 1e-12) {
                c++;
            }
        }
        return c / (double) g.length;
    }

    /** The lowest intensity whose "at least this intensity" volume fraction is at most {@code x}. */
    private static int intensityAt(long[] atLeast, int lo, double n, double x) {
        for (int i = 0; i < atLeast.length; i++) {
            if (atLeast[i] / n <= x) {
                return lo + i;
            }
        }
        return lo + atLeast.length - 1;
    }
}
