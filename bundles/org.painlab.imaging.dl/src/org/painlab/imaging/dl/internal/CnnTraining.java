package org.painlab.imaging.dl.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.painlab.imaging.classify.TrainingListener;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * One training run of the {@link VolumeNetwork}: Adam on softmax cross-entropy, mini-batches in an order
 * shuffled per epoch from the run's seed. Must run inside {@link DjlRuntime#call}.
 */
final class CnnTraining {
    private final CnnSettings settings;

    CnnTraining(CnnSettings settings) {
        this.settings = settings;
    }

    /**
     * @param inputs one normalised cube of {@code inputSize^3} voxels per volume
     * @param labels 0 or 1 per volume
     * @param monitor one unit of work per epoch; checked for cancellation before every batch
     * @return the trained network's parameters as DJL writes them ({@code Block.saveParameters})
     */
    byte[] run(float[][] inputs, int[] labels, TrainingListener listener, IProgressMonitor monitor)
            throws IOException {
        int n = inputs.length;
        int size = settings.inputSize();
        int voxels = size * size * size;
        int epochs = settings.epochs();
        SequentialBlock net = VolumeNetwork.create();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optInitializer(new SeededInitializer(settings.seed()), Parameter.Type.WEIGHT)
                .optOptimizer(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed((float) settings.learningRate()))
                        .build())
                .optDevices(new Device[] {Device.cpu()});
        try (Model model = Model.newInstance("cnn", Device.cpu(), DjlRuntime.ENGINE)) {
            model.setBlock(net);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 1, size, size, size));
                // a generator of its own for the order, apart from the weights' (SeededInitializer)
                SplittableRandom order = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
                int[] index = new int[n];
                for (int i = 0; i < n; i++) {
                    index[i] = i;
                }
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    shuffle(index, order);
                    double lossSum = 0;
                    int correct = 0;
                    for (int start = 0; start < n; start += settings.batchSize()) {
                        if (monitor.isCanceled()) {
                            throw new OperationCanceledException();
                        }
                        int m = Math.min(settings.batchSize(), n - start);
                        float[] x = new float[m * voxels];
                        float[] y = new float[m];
                        for (int k = 0; k < m; k++) {
                            int i = index[start + k];
                            System.arraycopy(inputs[i], 0, x, k * voxels, voxels);
                            y[k] = labels[i];
                        }
                        try (NDManager batch = trainer.getManager().newSubManager()) {
                            NDArray xs = batch.create(x, new Shape(m, 1, size, size, size));
                            NDArray ys = batch.create(y, new Shape(m));
                            try (GradientCollector gradients = trainer.newGradientCollector()) {
                                NDList predicted = trainer.forward(new NDList(xs));
                                NDArray loss = trainer.getLoss().evaluate(new NDList(ys), predicted);
                                gradients.backward(loss);
                                lossSum += loss.getFloat() * m;
                                long[] guess = predicted.singletonOrThrow().argMax(1).toLongArray();
                                for (int k = 0; k < m; k++) {
                                    if (guess[k] == (long) y[k]) {
                                        correct++;
                                    }
                                }
                            }
                            trainer.step();
                        }
                    }
                    listener.step(epoch, epochs, lossSum / n, (double) correct / n);
                    monitor.worked(1);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                net.saveParameters(out);
            }
            return bytes.toByteArray();
        }
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
