package org.painlab.imaging.features.previous;

// Frozen copy of org.painlab.imaging.internal.features at commit c9b323c: the oracle of PreviousExtractor. Do not optimise.

/** IBSI intensity histogram features (ih.*), on the discretised grey levels 1..Ng. */
final class IntensityHistogram {
    private IntensityHistogram() {
    }

    static void compute(Roi roi, FeatureSink out) {
        int[] g = roi.roiGrey();
        double[] values = new double[g.length];
        long[] h = new long[roi.ng + 1];
        for (int k = 0; k < g.length; k++) {
            values[k] = g[k];
            h[g[k]]++;
        }
        FirstOrder f = new FirstOrder(values);
        f.addShared(out, "ih");
        out.add("ih.mode", mode(h, f.mean));
        double n = g.length;
        double entropy = 0;
        double uniformity = 0;
        for (int i = 1; i <= roi.ng; i++) {
            double p = h[i] / n;
            if (p > 0) {
                entropy -= p * log2(p);
                uniformity += p * p;
            }
        }
        out.add("ih.entropy", entropy);
        out.add("ih.uniformity", uniformity);
        gradients(h, roi.ng, out);
    }

    /** The most frequent grey level; of several, the one closest to the mean (IBSI). */
    private static int mode(long[] h, double mean) {
        int best = 1;
        for (int i = 1; i < h.length; i++) {
            if (h[i] > h[best] || (h[i] == h[best] && Math.abs(i - mean) < Math.abs(best - mean))) {
                best = i;
            }
        }
        return best;
    }

    private static void gradients(long[] h, int ng, FeatureSink out) {
        double maxGrad = Double.NEGATIVE_INFINITY;
        double minGrad = Double.POSITIVE_INFINITY;
        int maxAt = 1;
        int minAt = 1;
        for (int i = 1; i <= ng; i++) {
            double d;
            if (ng == 1) {
                d = 0;
            } else if (i == 1) {
                d = h[2] - h[1];
            } else if (i == ng) {
                d = h[ng] - h[ng - 1];
            } else {
                d = (h[i + 1] - h[i - 1]) / 2.0;
            }
            if (d > maxGrad) {
                maxGrad = d;
                maxAt = i;
            }
            if (d < minGrad) {
                minGrad = d;
                minAt = i;
            }
        }
        out.add("ih.max.grad", maxGrad);
        out.add("ih.max.grad.gl", maxAt);
        out.add("ih.min.grad", minGrad);
        out.add("ih.min.grad.gl", minAt);
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
