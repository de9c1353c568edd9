package org.painlab.imaging.dl.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.Cleaner;

import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.TrainedModel;

/**
 * A trained 3D CNN: its settings and network parameters as bytes (what is saved), plus the network loaded
 * into libtorch on first use. A freshly trained model and one read back from a file grade through the same
 * bytes, so they grade alike. The libtorch memory is freed when the model is no longer reachable.
 */
final class CnnModel implements TrainedModel {
    /** Frees libtorch memory of models nobody holds any more (TrainedModel has no close()). */
    private static final Cleaner CLEANER = Cleaner.create();

    private final CnnSettings settings;
    private final byte[] parameters;
    private final VolumeSampler sampler;
    private final Object lock = new Object();
    private CnnGrader grader;

    CnnModel(CnnSettings settings, byte[] parameters) {
        this.settings = settings;
        this.parameters = parameters.clone();
        this.sampler = new VolumeSampler(settings.inputSize());
    }

    CnnSettings settings() {
        return settings;
    }

    byte[] parameters() {
        return parameters.clone();
    }

    @Override
    public String classifierId() {
        return CnnClassifier.ID;
    }

    @Override
    public double probability(Case c) {
        float[] cube;
        try {
            cube = sampler.sample(c.volume().get(), c.mask().get());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cnn: case " + c.id() + ": " + e.getMessage(), e);
        }
        synchronized (lock) {
            try {
                return DjlRuntime.call(() -> grader().probability(cube));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cnn: grading case " + c.id() + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** Loads the network now (inside DjlRuntime), so a damaged file is refused when read, not when used. */
    void load() throws IOException {
        synchronized (lock) {
            try {
                DjlRuntime.call(this::grader);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    @Override
    public void save(OutputStream out) throws IOException {
        CnnModelFile.write(this, out);
    }

    private CnnGrader grader() throws IOException {
        if (grader == null) {
            CnnGrader loaded = CnnGrader.load(parameters, settings.inputSize());
            CLEANER.register(this, loaded::close);
            grader = loaded;
        }
        return grader;
    }

    @Override
    public String toString() {
        return "3D CNN " + settings.asParameters() + ", seed " + settings.seed();
    }
}
