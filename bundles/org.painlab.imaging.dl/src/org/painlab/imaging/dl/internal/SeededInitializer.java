package org.painlab.imaging.dl.internal;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * He (Kaiming) normal initialisation of weights drawn from a Java generator seeded by the training run, not
 * from libtorch's process-wide generator: two trainings in one process (a cross-validation in a job while
 * another runs) then cannot change each other's starting weights, and the same seed gives the same weights
 * on every machine. DJL initialises parameters in a fixed order, so one generator per training suffices.
 */
final class SeededInitializer implements Initializer {
    private final SplittableRandom random;

    SeededInitializer(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        long count = shape.size();
        long fanIn = shape.dimension() > 1 ? count / shape.get(0) : count;
        double sd = Math.sqrt(2.0 / Math.max(1, fanIn));
        float[] values = new float[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (nextGaussian() * sd);
        }
        return manager.create(values, shape).toType(dataType, false);
    }

    /**
     * Box-Muller with StrictMath: the JDK's nextGaussian algorithm and Math's intrinsics may differ between
     * JDKs, and a saved seed should give the same weights on the next one.
     */
    private double nextGaussian() {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }
}
