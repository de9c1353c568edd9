package org.painlab.imaging.internal.classify;

/**
 * How each tree of the forest grows (scikit-learn's names and, apart from the depth, defaults).
 *
 * @param featuresPerSplit features drawn at random at each node (sqrt(p) by default)
 * @param maxDepth deepest node (the root has depth 0)
 * @param minSamplesSplit a node with fewer (distinct in-bag) cases is a leaf
 * @param minSamplesLeaf a split must leave at least this many cases on either side
 * @param bootstrap whether each tree learns from a bootstrap sample (else from every case once)
 */
record ForestSettings(int featuresPerSplit, int maxDepth, int minSamplesSplit, int minSamplesLeaf, boolean bootstrap) {
}
