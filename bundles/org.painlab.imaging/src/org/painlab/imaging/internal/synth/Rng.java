package org.painlab.imaging.internal.synth;

/**
 * SplitMix64 with Gaussian and Poisson draws through {@link StrictMath}: fully specified arithmetic, so
 * the same seed gives the same numbers, and so the same voxels, on every JVM (java.util's generators
 * other than Random are not specified bit for bit, and Math may differ in the last bit).
 */
public final class Rng {
    private long state;
    private double spareGaussian = Double.NaN;

    public Rng(long seed) {
        this.state = seed;
    }

    /** A seed derived from a parent seed and a path of indices (patient, volume...), well mixed. */
    public static long derive(long seed, long... path) {
        long s = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long p : path) {
            s = mix(s + 0x9E3779B97F4A7C15L * (p + 1));
        }
        return s;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double uniform() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * uniform();
    }

    /** Uniform integer in [0, n). */
    public int nextInt(int n) {
        return (int) Math.floorMod(nextLong() >>> 1, (long) n);
    }

    /** Standard normal (Box-Muller, both values used). */
    public double gaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u1 = 1.0 - uniform();
        double u2 = uniform();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double a = 2.0 * StrictMath.PI * u2;
        spareGaussian = r * StrictMath.sin(a);
        return r * StrictMath.cos(a);
    }

    /** Poisson count with mean {@code lambda} (Knuth's product of uniforms; lambda is small here). */
    public int poisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 60) {
            return Math.max(0, (int) StrictMath.floor(lambda + StrictMath.sqrt(lambda) * gaussian() + 0.5));
        }
        double limit = StrictMath.exp(-lambda);
        double p = uniform();
        int k = 0;
        while (p > limit) {
            p *= uniform();
            k++;
        }
        return k;
    }
}
