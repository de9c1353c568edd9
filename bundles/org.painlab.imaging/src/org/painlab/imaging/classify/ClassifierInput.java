package org.painlab.imaging.classify;

/**
 * What a classifier learns from: the texture features of each case or the voxels of its volume.
 *
 * @since 0.1
 */
public enum ClassifierInput {
    /** {@link Case#features()} (a random forest on IBSI features). */
    FEATURES,
    /** {@link Case#volume()} (a 3D convolutional network). */
    VOLUMES
}
