package org.painlab.imaging.internal.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One grown classification tree as flat arrays: node k splits on {@code feature[k]} (a case goes left when its
 * value is at most {@code threshold[k]}) or, with feature -1, is a leaf whose {@code positive[k]} is the
 * (bootstrap-weighted) share of positive training cases that reached it. Children always have higher
 * indices than their parent, which is what makes a read tree acyclic.
 */
final class CartTree {
    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final double[] positive;

    CartTree(int[] feature, double[] threshold, int[] left, int[] right, double[] positive) {
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.positive = positive;
    }

    /** The positive share of the leaf the case falls into. */
    double positiveShare(double[] values) {
        int k = 0;
        while (feature[k] >= 0) {
            k = values[feature[k]] <= threshold[k] ? left[k] : right[k];
        }
        return positive[k];
    }

    int nodes() {
        return feature.length;
    }

    int feature(int node) {
        return feature[node];
    }

    double threshold(int node) {
        return threshold[node];
    }

    int left(int node) {
        return left[node];
    }

    int right(int node) {
        return right[node];
    }

    double positive(int node) {
        return positive[node];
    }

    /** Depth of the deepest leaf (a single leaf has depth 0). */
    int depth() {
        int[] d = new int[feature.length];
        int max = 0;
        for (int k = 0; k < feature.length; k++) {
            max = Math.max(max, d[k]);
            if (feature[k] >= 0) {
                d[left[k]] = d[k] + 1;
                d[right[k]] = d[k] + 1;
            }
        }
        return max;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(feature.length);
        for (int k = 0; k < feature.length; k++) {
            out.writeInt(feature[k]);
            out.writeDouble(threshold[k]);
            out.writeInt(left[k]);
            out.writeInt(right[k]);
            out.writeDouble(positive[k]);
        }
    }

    /**
     * @param features how many features the forest learnt (a split on another is refused)
     * @param number the tree's number, for messages
     */
    static CartTree read(DataInputStream in, int features, int number) throws IOException {
        int n = in.readInt();
        if (n < 1 || n > 50_000_000) {
            throw new IOException("random forest file: tree " + number + " has " + n + " nodes");
        }
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        double[] positive = new double[n];
        for (int k = 0; k < n; k++) {
            feature[k] = in.readInt();
            threshold[k] = in.readDouble();
            left[k] = in.readInt();
            right[k] = in.readInt();
            positive[k] = in.readDouble();
            if (feature[k] >= features || feature[k] < -1
                    || feature[k] >= 0 && (left[k] <= k || right[k] <= k || left[k] >= n || right[k] >= n)
                    || !(positive[k] >= 0 && positive[k] <= 1)) {
                throw new IOException("random forest file: tree " + number + ", node " + k + " is not valid (feature "
                        + feature[k] + ", children " + left[k] + "/" + right[k] + ", positive share " + positive[k] + ")");
            }
        }
        return new CartTree(feature, threshold, left, right, positive);
    }
}
