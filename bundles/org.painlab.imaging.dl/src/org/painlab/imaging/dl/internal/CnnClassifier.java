package org.painlab.imaging.dl.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.Classifier;
import org.painlab.imaging.classify.ClassifierInput;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.classify.TrainingSettings;

/**
 * The 3D convolutional network on the volumes (contribution {@code cnn} to
 * {@code org.painlab.imaging.classifiers}), trained with Deep Java Library on PyTorch's CPU libtorch, which
 * this bundle carries (no download, no network). See docs/imaging.md for the network and its parameters.
 */
public final class CnnClassifier implements Classifier {
    /** The contribution id in plugin.xml. */
    public static final String ID = "cnn";

    @Override
    public ClassifierInput input() {
        return ClassifierInput.VOLUMES;
    }

    @Override
    public Map<String, String> defaults() {
        return Collections.unmodifiableMap(CnnSettings.defaults());
    }

    @Override
    public TrainedModel train(List<Case> training, TrainingSettings settings, TrainingListener listener,
            IProgressMonitor monitor) {
        CnnSettings cnn = CnnSettings.from(settings);
        int[] labels = labels(training);
        SubMonitor progress = SubMonitor.convert(monitor, "Training the 3D CNN", cnn.epochs() + 1);
        float[][] inputs = cubes(training, cnn.inputSize(), progress.split(1));
        SubMonitor epochs = progress.split(cnn.epochs());
        epochs.setWorkRemaining(cnn.epochs());
        byte[] parameters;
        try {
            parameters = DjlRuntime.call(() -> new CnnTraining(cnn).run(inputs, labels, listener, epochs));
        } catch (RuntimeException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cnn: keeping the trained network failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cnn: training failed: " + e.getMessage(), e);
        }
        return new CnnModel(cnn, parameters);
    }

    @Override
    public TrainedModel load(InputStream in) throws IOException {
        return CnnModelFile.read(in);
    }

    private static int[] labels(List<Case> training) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("cnn: no training cases");
        }
        int[] labels = new int[training.size()];
        int positives = 0;
        for (int i = 0; i < labels.length; i++) {
            Case c = training.get(i);
            if (c.label() != 0 && c.label() != 1) {
                throw new IllegalArgumentException("cnn: training case " + c.id() + " has no label (" + c.label() + ")");
            }
            labels[i] = c.label();
            positives += c.label();
        }
        if (positives == 0 || positives == labels.length) {
            throw new IllegalArgumentException("cnn: the training cases hold one class only (" + labels.length
                    + " cases, " + positives + " positive)");
        }
        return labels;
    }

    /** Loads and resamples every volume once: an epoch then reads memory, not files. */
    private static float[][] cubes(List<Case> training, int size, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, "Reading volumes", training.size());
        VolumeSampler sampler = new VolumeSampler(size);
        float[][] cubes = new float[training.size()][];
        for (int i = 0; i < cubes.length; i++) {
            if (progress.isCanceled()) {
                throw new OperationCanceledException();
            }
            Case c = training.get(i);
            try {
                cubes[i] = sampler.sample(c.volume().get(), c.mask().get());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cnn: case " + c.id() + ": " + e.getMessage(), e);
            }
            progress.worked(1);
        }
        return cubes;
    }
}
