package org.painlab.trial.internal.random;

import java.nio.charset.StandardCharsets;

/**
 * SplitMix64 pseudo-random generator (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014; the reference C code is Vigna's {@code splitmix64.c}), implemented here so
 * that a seed gives the same stream on every JVM and Java version. {@code java.util.Random}'s and
 * {@code SplittableRandom}'s derived methods ({@code nextInt(bound)}, {@code nextGaussian()}) are not
 * part of any cross-version contract we want to rely on, so every derived draw is specified here too.
 *
 * <p>Algorithm: {@code state += 0x9E3779B97F4A7C15}; output = {@link #mix64(long) mix64(state)}.
 * Derived draws:
 * <ul>
 * <li>{@link #nextInt(int) nextInt(bound)}: {@code r = nextLong() >>> 1} (63 bits), {@code v = r % bound},
 *     rejected and redrawn while {@code r - v + (bound - 1)} overflows (exactly unbiased);</li>
 * <li>{@link #nextDouble()}: {@code (nextLong() >>> 11) * 2^-53}, in [0, 1);</li>
 * <li>{@link #nextGaussian()}: Box–Muller, {@code sqrt(-2 ln(1 - u1)) * cos(2 pi u2)} with two
 *     {@code nextDouble()} draws and {@link StrictMath} (bit-identical on every platform); the sine
 *     partner is not cached.</li>
 * </ul>
 * Not thread-safe; not for cryptography.
 */
public final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /**
     * Creates a generator.
     *
     * @param seed any 64-bit seed
     */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /**
     * The SplitMix64 finaliser (a variant of MurmurHash3's fmix64 with Stafford's "Mix13" constants).
     *
     * @param z input
     * @return mixed output
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A seed for an independent sub-stream named {@code name}: {@code mix64(seed ^ mix64(fnv1a64(utf8(name))))},
     * where fnv1a64 is the 64-bit FNV-1a hash (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
     *
     * @param seed the parent seed
     * @param name the sub-stream's name (e.g. a stratum label)
     * @return the derived seed
     */
    public static long derive(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return mix64(seed ^ mix64(h));
    }

    /**
     * Next 64 random bits.
     *
     * @return a long
     */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /**
     * A uniformly distributed int in [0, bound).
     *
     * @param bound exclusive upper bound, &gt; 0
     * @return the int
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        long r;
        long v;
        do {
            r = nextLong() >>> 1;
            v = r % bound;
        } while (r - v + (bound - 1) < 0);
        return (int) v;
    }

    /**
     * A uniformly distributed double in [0, 1) with 53 random bits.
     *
     * @return the double
     */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * A standard normal variate (Box–Muller with {@link StrictMath}).
     *
     * @return the variate
     */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1]
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /**
     * True with probability {@code p}: {@code nextDouble() < p}.
     *
     * @param p probability in [0, 1]
     * @return the draw
     */
    public boolean nextBoolean(double p) {
        return nextDouble() < p;
    }
}
