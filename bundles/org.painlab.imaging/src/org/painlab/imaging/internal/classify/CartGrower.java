package org.painlab.imaging.internal.classify;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one CART classification tree as scikit-learn's best splitter does: at each node, features are drawn
 * at random until {@link ForestSettings#featuresPerSplit()} of them vary within the node (a constant one does
 * not count), each is scanned in its sorted order for the threshold with the lowest weighted Gini impurity of
 * the children, and the node splits at the midpoint between the two neighbouring values. Values are sorted
 * once per forest ({@link ForestData#rank}); a node orders its cases for a drawn feature by sorting packed
 * (rank, case) longs, a primitive sort of the node's cases only, and only for the features it draws (sorting
 * all features once per tree and partitioning every one at each split cost more: most are never drawn below).
 * Bootstrap multiplicities are weights.
 */
final class CartGrower {
    private final ForestData data;
    private final ForestSettings settings;

    CartGrower(ForestData data, ForestSettings settings) {
        this.data = data;
        this.settings = settings;
    }

    /** A tree from its own seed: bootstrap sample and feature draws come from it alone. */
    CartTree grow(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = data.cases();
        int[] weight = new int[n];
        if (settings.bootstrap()) {
            for (int i = 0; i < n; i++) {
                weight[rnd.nextInt(n)]++;
            }
        } else {
            Arrays.fill(weight, 1);
        }
        return grow(weight, rnd);
    }

    private record Node(int index, int start, int end, int depth) {
    }

    CartTree grow(int[] weight, SplittableRandom rnd) {
        int p = data.features();
        int m = 0;
        for (int w : weight) {
            m += w > 0 ? 1 : 0;
        }
        int[] cases = new int[m];
        for (int i = 0, k = 0; i < weight.length; i++) {
            if (weight[i] > 0) {
                cases[k++] = i;
            }
        }
        Nodes nodes = new Nodes();
        int[] features = new int[p];
        for (int f = 0; f < p; f++) {
            features[f] = f;
        }
        Scratch scratch = new Scratch(m);
        ArrayDeque<Node> open = new ArrayDeque<>();
        open.push(new Node(nodes.add(), 0, m, 0));
        while (!open.isEmpty()) {
            Node node = open.pop();
            double w0 = 0;
            double w1 = 0;
            for (int k = node.start; k < node.end; k++) {
                int s = cases[k];
                if (data.labels[s] == 1) {
                    w1 += weight[s];
                } else {
                    w0 += weight[s];
                }
            }
            nodes.positive[node.index] = w1 / (w0 + w1);
            int count = node.end - node.start;
            if (node.depth >= settings.maxDepth() || count < settings.minSamplesSplit()
                    || count < 2 * settings.minSamplesLeaf() || w0 == 0 || w1 == 0) {
                continue;
            }
            if (!bestSplit(cases, weight, features, node.start, node.end, w0, w1, rnd, scratch)) {
                continue;
            }
            int feature = scratch.bestFeature;
            double threshold = scratch.bestThreshold;
            int leftCount = partition(cases, node.start, node.end, data.columns[feature], threshold, scratch.buffer);
            int left = nodes.add();
            int right = nodes.add();
            nodes.feature[node.index] = feature;
            nodes.threshold[node.index] = threshold;
            nodes.left[node.index] = left;
            nodes.right[node.index] = right;
            // right pushed first so the left subtree is numbered first (any order gives the same tree)
            open.push(new Node(right, node.start + leftCount, node.end, node.depth + 1));
            open.push(new Node(left, node.start, node.start + leftCount, node.depth + 1));
        }
        return nodes.tree();
    }

    /** Per-tree work arrays and the best split found at the current node. */
    private static final class Scratch {
        final long[] keys;
        final int[] buffer;
        int bestFeature;
        double bestThreshold;

        Scratch(int m) {
            keys = new long[m];
            buffer = new int[m];
        }
    }

    /** Finds the best split of {@code cases[start, end)} into {@code scratch}; false when there is none. */
    private boolean bestSplit(int[] cases, int[] weight, int[] features, int start, int end, double w0, double w1,
            SplittableRandom rnd, Scratch scratch) {
        int p = features.length;
        int minLeaf = settings.minSamplesLeaf();
        int count = end - start;
        long[] keys = scratch.keys;
        double total = w0 + w1;
        double bestProxy = Double.NEGATIVE_INFINITY;
        int bestFeature = -1;
        double bestThreshold = 0;
        int visited = 0;
        for (int i = 0; i < p && visited < settings.featuresPerSplit(); i++) {
            int j = i + rnd.nextInt(p - i);
            int f = features[j];
            features[j] = features[i];
            features[i] = f;
            double[] col = data.columns[f];
            int[] rank = data.rank[f];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < count; k++) {
                int s = cases[start + k];
                keys[k] = (long) rank[s] << 32 | s;
                double x = col[s];
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            if (min >= max) {
                continue; // constant in this node: drawn but not counted, as scikit-learn does
            }
            visited++;
            Arrays.sort(keys, 0, count);
            double l0 = 0;
            double l1 = 0;
            for (int k = 0; k < count - 1; k++) {
                int s = (int) keys[k];
                if (data.labels[s] == 1) {
                    l1 += weight[s];
                } else {
                    l0 += weight[s];
                }
                double here = col[s];
                double next = col[(int) keys[k + 1]];
                if (next <= here || k + 1 < minLeaf || count - k - 1 < minLeaf) {
                    continue;
                }
                double wl = l0 + l1;
                double r0 = w0 - l0;
                double r1 = w1 - l1;
                double wr = total - wl;
                // maximising this minimises the children's weighted Gini impurity
                double proxy = (l0 * l0 + l1 * l1) / wl + (r0 * r0 + r1 * r1) / wr;
                if (proxy > bestProxy) {
                    bestProxy = proxy;
                    bestFeature = f;
                    double mid = here / 2 + next / 2;
                    bestThreshold = mid >= next || Double.isInfinite(mid) ? here : mid;
                }
            }
        }
        scratch.bestFeature = bestFeature;
        scratch.bestThreshold = bestThreshold;
        return bestFeature >= 0;
    }

    /** Partition of {@code cases[start, end)}: those at or below the threshold first; returns how many. */
    private static int partition(int[] cases, int start, int end, double[] col, double threshold, int[] buffer) {
        int l = start;
        int r = 0;
        for (int k = start; k < end; k++) {
            int s = cases[k];
            if (col[s] <= threshold) {
                cases[l++] = s;
            } else {
                buffer[r++] = s;
            }
        }
        System.arraycopy(buffer, 0, cases, l, r);
        return l - start;
    }

    /** Growable node arrays. */
    private static final class Nodes {
        int size;
        int[] feature = new int[64];
        double[] threshold = new double[64];
        int[] left = new int[64];
        int[] right = new int[64];
        double[] positive = new double[64];

        int add() {
            if (size == feature.length) {
                int c = size * 2;
                feature = Arrays.copyOf(feature, c);
                threshold = Arrays.copyOf(threshold, c);
                left = Arrays.copyOf(left, c);
                right = Arrays.copyOf(right, c);
                positive = Arrays.copyOf(positive, c);
            }
            feature[size] = -1;
            left[size] = -1;
            right[size] = -1;
            return size++;
        }

        CartTree tree() {
            return new CartTree(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size), Arrays.copyOf(left, size),
                    Arrays.copyOf(right, size), Arrays.copyOf(positive, size));
        }
    }
}
