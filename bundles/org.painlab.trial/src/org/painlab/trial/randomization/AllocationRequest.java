package org.painlab.trial.randomization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * What to randomize: how many subjects, which arms in which ratio, which block sizes, optional strata
 * and the seed. Build one with {@link #builder()}; {@link Randomizer#allocate(AllocationRequest)} turns
 * it into an {@link AllocationList}. The same request always gives the same list.
 *
 * <p>Rules checked by {@link Builder#build()} (each failure is an {@link IllegalArgumentException}
 * saying what was expected): n &ge; 1; at least two distinct, non-blank arm codes; one positive integer
 * weight per arm (default all 1); every block size a positive multiple of the ratio sum (1:1 &rarr;
 * multiples of 2, 2:1 &rarr; multiples of 3); permuted blocks need at least one block size, simple
 * randomization takes none; strata only with permuted blocks.
 *
 * <p>Strata come in one of two forms:
 * <ul>
 * <li>a list of {@link Stratum}(label, n): seq numbers are given stratum by stratum in list order
 *     (the first stratum gets seq 1..n1, the next n1+1..n1+n2, ...), and n is their sum;</li>
 * <li>a function seq (1-based) &rarr; stratum label, for subjects whose stratum is known per seq
 *     (e.g. read from a file column).</li>
 * </ul>
 *
 * @since 0.1
 */
public final class AllocationRequest {

    /** The randomization method. */
    public enum Method {
        /** Independent draws with the ratio's probabilities (weight / ratio sum). */
        SIMPLE("simple"),
        /** Permuted blocks, block size drawn at random from the list for each block. */
        PERMUTED_BLOCKS("permuted-blocks"),
        /** Permuted blocks with an independent block sequence in each stratum. */
        STRATIFIED_PERMUTED_BLOCKS("stratified-permuted-blocks");

        private final String code;

        Method(String code) {
            this.code = code;
        }

        /**
         * The name used in JSON, e.g. "permuted-blocks".
         *
         * @return the code
         */
        public String code() {
            return code;
        }
    }

    /**
     * A stratum with its number of subjects.
     *
     * @param label the stratum label (non-blank)
     * @param n how many subjects (&ge; 1)
     */
    public record Stratum(String label, int n) {
        /** Validates the arguments. */
        public Stratum {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("stratum label must not be blank");
            }
            if (n < 1) {
                throw new IllegalArgumentException("stratum '" + label + "' must have n >= 1, was " + n);
            }
        }
    }

    private final int n;
    private final List<String> arms;
    private final int[] ratio;
    private final int[] blockSizes;
    private final List<Stratum> strata;
    private final IntFunction<String> stratumFunction;
    private final long seed;
    private final Method method;

    private AllocationRequest(Builder b) {
        this.seed = b.seed;
        if (b.arms == null || b.arms.size() < 2) {
            throw new IllegalArgumentException("at least two arms are needed, got " + b.arms);
        }
        Set<String> seen = new HashSet<>();
        for (String a : b.arms) {
            if (a == null || a.isBlank()) {
                throw new IllegalArgumentException("arm codes must not be blank: " + b.arms);
            }
            if (!seen.add(a)) {
                throw new IllegalArgumentException("arm code '" + a + "' appears twice: " + b.arms);
            }
        }
        this.arms = List.copyOf(b.arms);
        int[] r = b.ratio == null ? filledOnes(arms.size()) : b.ratio.clone();
        if (r.length != arms.size()) {
            throw new IllegalArgumentException("ratio " + ratioText(r) + " has " + r.length + " weights but there are "
                    + arms.size() + " arms " + arms);
        }
        for (int w : r) {
            if (w < 1) {
                throw new IllegalArgumentException("ratio weights must be positive integers, got " + ratioText(r));
            }
        }
        this.ratio = r;
        int sum = ratioSum(r);
        this.blockSizes = b.blockSizes == null ? new int[0] : b.blockSizes.clone();
        for (int s : blockSizes) {
            if (s < 1 || s % sum != 0) {
                throw new IllegalArgumentException("block size " + s + " is not a positive multiple of the ratio sum "
                        + sum + " (ratio " + ratioText(r) + "); valid block sizes are " + sum + ", " + 2 * sum + ", "
                        + 3 * sum + ", ...");
            }
        }
        this.strata = b.strata == null ? List.of() : List.copyOf(b.strata);
        this.stratumFunction = b.stratumFunction;
        if (!strata.isEmpty() && stratumFunction != null) {
            throw new IllegalArgumentException("give strata either as a list with counts or as a function, not both");
        }
        Set<String> labels = new HashSet<>();
        for (Stratum s : strata) {
            if (!labels.add(s.label())) {
                throw new IllegalArgumentException("stratum '" + s.label() + "' appears twice");
            }
        }
        boolean stratified = !strata.isEmpty() || stratumFunction != null;
        Method m = b.method;
        if (m == null) {
            m = stratified ? Method.STRATIFIED_PERMUTED_BLOCKS
                    : blockSizes.length > 0 ? Method.PERMUTED_BLOCKS : Method.SIMPLE;
        }
        switch (m) {
            case SIMPLE -> {
                if (blockSizes.length > 0) {
                    throw new IllegalArgumentException("simple randomization takes no block sizes, got "
                            + Arrays.toString(blockSizes));
                }
                if (stratified) {
                    throw new IllegalArgumentException("strata need (stratified) permuted blocks, not simple randomization");
                }
            }
            case PERMUTED_BLOCKS -> {
                if (blockSizes.length == 0) {
                    throw new IllegalArgumentException("permuted blocks need at least one block size (multiples of "
                            + sum + ")");
                }
                if (stratified) {
                    throw new IllegalArgumentException("strata were given: use stratified permuted blocks");
                }
            }
            case STRATIFIED_PERMUTED_BLOCKS -> {
                if (blockSizes.length == 0) {
                    throw new IllegalArgumentException("stratified permuted blocks need at least one block size "
                            + "(multiples of " + sum + ")");
                }
                if (!stratified) {
                    throw new IllegalArgumentException("stratified permuted blocks need strata");
                }
            }
            default -> throw new AssertionError(m);
        }
        this.method = m;
        int total = b.n;
        if (!strata.isEmpty()) {
            long s = 0;
            for (Stratum st : strata) {
                s += st.n();
            }
            if (b.n != 0 && s != b.n) {
                throw new IllegalArgumentException("n = " + b.n + " but the strata add up to " + s);
            }
            if (s > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("too many subjects: " + s);
            }
            total = (int) s;
        }
        if (total < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + total);
        }
        this.n = total;
    }

    private static int[] filledOnes(int k) {
        int[] r = new int[k];
        Arrays.fill(r, 1);
        return r;
    }

    private static int ratioSum(int[] r) {
        long s = 0;
        for (int w : r) {
            s += w;
        }
        if (s > 1_000_000) {
            throw new IllegalArgumentException("ratio sum too large: " + s);
        }
        return (int) s;
    }

    static String ratioText(int[] r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(r[i]);
        }
        return sb.toString();
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses a ratio such as "1:1" or "2:1".
     *
     * @param text weights separated by ':'
     * @return the weights
     * @throws IllegalArgumentException when a part is not a positive integer
     */
    public static int[] parseRatio(String text) {
        return parseInts(text, ":", "ratio", "e.g. 1:1 or 2:1");
    }

    /**
     * Parses a block-size list such as "4,6".
     *
     * @param text sizes separated by ','
     * @return the sizes
     * @throws IllegalArgumentException when a part is not a positive integer
     */
    public static int[] parseBlockSizes(String text) {
        return parseInts(text, ",", "block sizes", "e.g. 4,6");
    }

    private static int[] parseInts(String text, String sep, String what, String example) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty (" + example + ")");
        }
        String[] parts = text.trim().split(java.util.regex.Pattern.quote(sep), -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " '" + text + "': '" + parts[i].trim()
                        + "' is not a whole number (" + example + ")", e);
            }
            if (out[i] < 1) {
                throw new IllegalArgumentException(what + " '" + text + "': " + out[i] + " is not positive (" + example + ")");
            }
        }
        return out;
    }

    /**
     * Number of subjects.
     *
     * @return n &ge; 1
     */
    public int n() {
        return n;
    }

    /**
     * Arm codes in order.
     *
     * @return unmodifiable list
     */
    public List<String> arms() {
        return arms;
    }

    /**
     * Ratio weights, one per arm.
     *
     * @return a copy
     */
    public int[] ratio() {
        return ratio.clone();
    }

    /**
     * Sum of the ratio weights.
     *
     * @return the sum
     */
    public int ratioSum() {
        return ratioSum(ratio);
    }

    /**
     * Block sizes to draw from (empty for simple randomization).
     *
     * @return a copy
     */
    public int[] blockSizes() {
        return blockSizes.clone();
    }

    /**
     * Strata with counts (empty when strata come from a function or there are none).
     *
     * @return unmodifiable list
     */
    public List<Stratum> strata() {
        return strata;
    }

    /**
     * Whether the request is stratified.
     *
     * @return true for {@link Method#STRATIFIED_PERMUTED_BLOCKS}
     */
    public boolean stratified() {
        return method == Method.STRATIFIED_PERMUTED_BLOCKS;
    }

    /**
     * The stratum of a seq number, or null when unstratified.
     *
     * @param seq 1..n
     * @return the label
     */
    public String stratumOf(int seq) {
        if (seq < 1 || seq > n) {
            throw new IllegalArgumentException("seq must be in 1.." + n + ", was " + seq);
        }
        if (stratumFunction != null) {
            String s = stratumFunction.apply(seq);
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException("the stratum function gave no stratum for seq " + seq);
            }
            return s;
        }
        if (strata.isEmpty()) {
            return null;
        }
        int upto = 0;
        for (Stratum s : strata) {
            upto += s.n();
            if (seq <= upto) {
                return s.label();
            }
        }
        throw new AssertionError();
    }

    /**
     * The seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * The method.
     *
     * @return the method
     */
    public Method method() {
        return method;
    }

    /** Builds an {@link AllocationRequest}. */
    public static final class Builder {
        private int n;
        private List<String> arms;
        private int[] ratio;
        private int[] blockSizes;
        private List<Stratum> strata;
        private IntFunction<String> stratumFunction;
        private long seed;
        private Method method;

        private Builder() {
        }

        /**
         * Number of subjects (may be left out when strata with counts are given).
         *
         * @param n the value
         * @return this
         */
        public Builder n(int n) {
            this.n = n;
            return this;
        }

        /**
         * Arm codes, e.g. "S", "P".
         *
         * @param arms the value
         * @return this
         */
        public Builder arms(String... arms) {
            this.arms = new ArrayList<>(Arrays.asList(arms));
            return this;
        }

        /**
         * Arm codes.
         *
         * @param arms the value
         * @return this
         */
        public Builder arms(List<String> arms) {
            this.arms = new ArrayList<>(arms);
            return this;
        }

        /**
         * Integer ratio weights, one per arm (default 1 each).
         *
         * @param weights the value
         * @return this
         */
        public Builder ratio(int... weights) {
            this.ratio = weights.clone();
            return this;
        }

        /**
         * Ratio as text, e.g. "2:1".
         *
         * @param text the value
         * @return this
         */
        public Builder ratio(String text) {
            this.ratio = parseRatio(text);
            return this;
        }

        /**
         * Block sizes to draw from (each a multiple of the ratio sum).
         *
         * @param sizes the value
         * @return this
         */
        public Builder blockSizes(int... sizes) {
            this.blockSizes = sizes.clone();
            return this;
        }

        /**
         * Strata with counts; seq numbers run stratum by stratum in list order.
         *
         * @param strata the value
         * @return this
         */
        public Builder strata(List<Stratum> strata) {
            this.strata = List.copyOf(strata);
            return this;
        }

        /**
         * Strata as a function of seq (1..n) to label.
         *
         * @param stratumOfSeq the value
         * @return this
         */
        public Builder strata(IntFunction<String> stratumOfSeq) {
            this.stratumFunction = Objects.requireNonNull(stratumOfSeq);
            return this;
        }

        /**
         * The seed.
         *
         * @param seed the value
         * @return this
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The method; when left out it follows from the rest (strata &rarr; stratified permuted blocks,
         * block sizes &rarr; permuted blocks, else simple).
         *
         * @param method the value
         * @return this
         */
        public Builder method(Method method) {
            this.method = method;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the request
         * @throws IllegalArgumentException naming what is wrong
         */
        public AllocationRequest build() {
            return new AllocationRequest(this);
        }
    }
}
