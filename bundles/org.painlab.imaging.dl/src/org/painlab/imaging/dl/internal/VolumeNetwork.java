package org.painlab.imaging.dl.internal;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The small 3D CNN: three stages of 3x3x3 convolution (8, 16, 32 filters), batch normalisation and ReLU,
 * the first two followed by 2x2x2 max pooling, then global average pooling and a dense layer giving the
 * logits of the two classes. Global pooling makes the network independent of the input size, and keeps it
 * small (about 18,000 weights) because a study has hundreds of volumes, not millions.
 */
final class VolumeNetwork {
    static final int CLASSES = 2;
    private static final int[] FILTERS = {8, 16, 32};

    private VolumeNetwork() {
    }

    /** A new, uninitialised network (input shape: batch x 1 x depth x height x width). */
    static SequentialBlock create() {
        SequentialBlock net = new SequentialBlock();
        for (int stage = 0; stage < FILTERS.length; stage++) {
            net.add(Conv3d.builder()
                    .setFilters(FILTERS[stage])
                    .setKernelShape(new Shape(3, 3, 3))
                    .optPadding(new Shape(1, 1, 1))
                    .build());
            net.add(BatchNorm.builder().build());
            net.add(Activation.reluBlock());
            if (stage < FILTERS.length - 1) {
                net.add(Pool.maxPool3dBlock(new Shape(2, 2, 2), new Shape(2, 2, 2)));
            }
        }
        net.add(Pool.globalAvgPool3dBlock());
        net.add(Blocks.batchFlattenBlock());
        net.add(Linear.builder().setUnits(CLASSES).build());
        return net;
    }
}
