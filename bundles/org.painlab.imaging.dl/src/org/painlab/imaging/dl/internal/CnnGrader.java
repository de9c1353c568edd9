package org.painlab.imaging.dl.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;

/**
 * A trained network held in libtorch memory, grading one normalised cube at a time. Not thread-safe; the
 * owner serialises calls. Methods must run inside {@link DjlRuntime#call}, except {@link #close()}.
 */
final class CnnGrader implements AutoCloseable {
    private final NDManager manager;
    private final SequentialBlock net;
    private final int size;

    private CnnGrader(NDManager manager, SequentialBlock net, int size) {
        this.manager = manager;
        this.net = net;
        this.size = size;
    }

    /** Rebuilds the network from the bytes {@link CnnTraining#run} gave; refuses bytes that do not fit it. */
    static CnnGrader load(byte[] parameters, int size) throws IOException {
        NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlRuntime.ENGINE);
        try {
            SequentialBlock net = VolumeNetwork.create();
            net.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(parameters)));
            return new CnnGrader(manager, net, size);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            manager.close();
            throw new IOException("network parameters do not fit the 3D CNN: " + e.getMessage(), e);
        }
    }

    /** Probability of class 1 for one cube of {@code size^3} voxels. */
    double probability(float[] cube) {
        try (NDManager call = manager.newSubManager()) {
            NDArray input = call.create(cube, new Shape(1, 1, size, size, size));
            NDList logits = net.forward(new ParameterStore(call, false), new NDList(input), false);
            return logits.singletonOrThrow().softmax(1).getFloat(0, 1);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
