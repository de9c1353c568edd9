package org.painlab.trial.randomization;

import org.painlab.trial.internal.randomization.BlockAllocator;

/**
 * Generates reproducible allocation lists: simple randomization, permuted blocks with block sizes
 * drawn at random from a list, and stratified permuted blocks (an independent block sequence per
 * stratum).
 *
 * <p>Reproducibility: the random stream is SplitMix64 (Steele, Lea &amp; Flood 2014) implemented in this
 * bundle together with every derived draw (bounded ints by rejection, Fisher–Yates shuffles), not
 * {@code java.util.Random}; so the same {@link AllocationRequest} (same n, arms, ratio, block sizes,
 * strata and seed) gives the identical list on any JVM and Java version. The exact algorithm is
 * documented on {@code org.painlab.trial.internal.randomization.BlockAllocator} and pinned by
 * regression tests.
 *
 * @since 0.1
 */
public final class Randomizer {

    private Randomizer() {
    }

    /**
     * Generates the allocation list of a request.
     *
     * @param request the request (validated when built)
     * @return the list
     */
    public static AllocationList allocate(AllocationRequest request) {
        BlockAllocator.Result r = BlockAllocator.allocate(request);
        return new AllocationList(request, r.arm(), r.block(), r.stratum(), r.stratumLabels());
    }
}
