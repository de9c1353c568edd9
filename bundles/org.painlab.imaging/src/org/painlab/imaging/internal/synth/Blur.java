package org.painlab.imaging.internal.synth;

/**
 * Separable convolution of a 3D field (x fastest) along one axis with a symmetric or any odd-length
 * kernel, borders mirrored (so a field's edge is neither darkened nor repeated).
 */
public final class Blur {
    private Blur() {
    }

    /** A normalised Gaussian kernel of standard deviation {@code sigma} samples (3 sigma each side). */
    public static double[] gaussian(double sigma) {
        if (sigma < 1e-3) {
            return new double[] {1};
        }
        int half = Math.max(1, (int) StrictMath.ceil(3 * sigma));
        double[] k = new double[2 * half + 1];
        double sum = 0;
        for (int i = -half; i <= half; i++) {
            k[i + half] = StrictMath.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + half];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** Convolves {@code f} (dims n[0] x n[1] x n[2]) along {@code axis} with {@code kernel}, in place. */
    public static void along(float[] f, int[] n, int axis, double[] kernel) {
        if (kernel.length == 1 && kernel[0] == 1) {
            return;
        }
        int len = n[axis];
        int stride = axis == 0 ? 1 : axis == 1 ? n[0] : n[0] * n[1];
        int half = kernel.length / 2;
        double[] line = new double[len];
        int[] other = axis == 0 ? new int[] {1, 2} : axis == 1 ? new int[] {0, 2} : new int[] {0, 1};
        int strideA = other[0] == 0 ? 1 : other[0] == 1 ? n[0] : n[0] * n[1];
        int strideB = other[1] == 0 ? 1 : other[1] == 1 ? n[0] : n[0] * n[1];
        for (int b = 0; b < n[other[1]]; b++) {
            for (int a = 0; a < n[other[0]]; a++) {
                int base = a * strideA + b * strideB;
                for (int i = 0; i < len; i++) {
                    line[i] = f[base + i * stride];
                }
                for (int i = 0; i < len; i++) {
                    double s = 0;
                    for (int k = -half; k <= half; k++) {
                        s += kernel[k + half] * line[mirror(i + k, len)];
                    }
                    f[base + i * stride] = (float) s;
                }
            }
        }
    }

    static int mirror(int i, int len) {
        if (len == 1) {
            return 0;
        }
        int period = 2 * len - 2;
        int j = Math.floorMod(i, period);
        return j < len ? j : period - j;
    }
}
