package org.painlab.imaging.dl.internal;

/**
 * How each output voxel along one axis is made from input voxels: when shrinking, the area-weighted mean of
 * the input voxels it covers (so speckle is averaged, not aliased); when enlarging or keeping the size,
 * linear interpolation between voxel centres (keeping the size gives the input back).
 */
final class AxisWeights {
    private final int[][] index;
    private final double[][] weight;

    private AxisWeights(int[][] index, double[][] weight) {
        this.index = index;
        this.weight = weight;
    }

    static AxisWeights of(int in, int out) {
        int[][] idx = new int[out][];
        double[][] w = new double[out][];
        double scale = (double) in / out;
        for (int o = 0; o < out; o++) {
            if (in > out) {
                double from = o * scale;
                double to = (o + 1) * scale;
                int first = (int) Math.floor(from);
                int last = Math.min(in - 1, (int) Math.ceil(to) - 1);
                idx[o] = new int[last - first + 1];
                w[o] = new double[last - first + 1];
                for (int i = first; i <= last; i++) {
                    double overlap = Math.min(to, i + 1) - Math.max(from, i);
                    idx[o][i - first] = i;
                    w[o][i - first] = overlap / scale;
                }
            } else {
                double pos = Math.min(in - 1, Math.max(0, (o + 0.5) * scale - 0.5));
                int i0 = (int) Math.floor(pos);
                int i1 = Math.min(in - 1, i0 + 1);
                double f = pos - i0;
                idx[o] = new int[] {i0, i1};
                w[o] = new double[] {1 - f, f};
            }
        }
        return new AxisWeights(idx, w);
    }

    /** Output voxel {@code o} read from {@code data[start + i * stride]} for the input indices i. */
    double apply(int o, double[] data, int start, int stride) {
        double s = 0;
        int[] ix = index[o];
        double[] wt = weight[o];
        for (int k = 0; k < ix.length; k++) {
            s += wt[k] * data[start + ix[k] * stride];
        }
        return s;
    }
}
