package org.painlab.trial.internal.randomization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.painlab.trial.internal.random.SplitMix64;
import org.painlab.trial.randomization.AllocationRequest;

/**
 * The allocation engine behind {@link org.painlab.trial.randomization.Randomizer}: fills primitive
 * arrays (no per-subject objects), so a million allocations take a few tens of milliseconds.
 *
 * <p>Algorithm (fixed; changing it changes every list ever generated, so don't):
 * <ul>
 * <li>One {@link SplitMix64} stream per block sequence: seeded with the request seed when
 *     unstratified, with {@link SplitMix64#derive(long, String) derive(seed, stratumLabel)} per stratum
 *     (so a stratum's list does not depend on the other strata or their order).</li>
 * <li>Simple: for each seq, {@code u = nextInt(ratioSum)}; the arm is the first whose cumulative
 *     weight exceeds u.</li>
 * <li>Permuted blocks: when a block is needed, its size is {@code sizes[nextInt(sizes.length)]}
 *     (uniform over the list as given); the block holds each arm {@code weight * size / ratioSum}
 *     times in arm order and is shuffled by Fisher–Yates (Durstenfeld: for i = size-1 down to 1,
 *     j = nextInt(i + 1), swap i and j). Seqs of a stratum take the block's entries in order; the last
 *     block may be incomplete.</li>
 * </ul>
 */
public final class BlockAllocator {

    /**
     * Result arrays, index = seq - 1.
     *
     * @param arm arm index per seq
     * @param block 1-based block number per seq (0 for simple)
     * @param stratum stratum index per seq (-1 when unstratified)
     * @param stratumLabels labels by stratum index, in order of first appearance
     */
    public record Result(int[] arm, int[] block, int[] stratum, String[] stratumLabels) {
    }

    private BlockAllocator() {
    }

    /**
     * Runs the allocation.
     *
     * @param request a validated request
     * @return the arrays
     */
    public static Result allocate(AllocationRequest request) {
        int n = request.n();
        int[] ratio = request.ratio();
        int[] sizes = request.blockSizes();
        int ratioSum = request.ratioSum();
        int[] arm = new int[n];
        int[] block = new int[n];
        int[] stratum = new int[n];
        String[] labels;
        switch (request.method()) {
            case SIMPLE -> {
                SplitMix64 rng = new SplitMix64(request.seed());
                int[] cumulative = new int[ratio.length];
                int c = 0;
                for (int a = 0; a < ratio.length; a++) {
                    c += ratio[a];
                    cumulative[a] = c;
                }
                for (int i = 0; i < n; i++) {
                    int u = rng.nextInt(ratioSum);
                    int a = 0;
                    while (u >= cumulative[a]) {
                        a++;
                    }
                    arm[i] = a;
                }
                java.util.Arrays.fill(stratum, -1);
                labels = new String[0];
            }
            case PERMUTED_BLOCKS -> {
                BlockStream s = new BlockStream(new SplitMix64(request.seed()), ratio, ratioSum, sizes);
                for (int i = 0; i < n; i++) {
                    arm[i] = s.next();
                    block[i] = s.blockNumber;
                }
                java.util.Arrays.fill(stratum, -1);
                labels = new String[0];
            }
            case STRATIFIED_PERMUTED_BLOCKS -> {
                Map<String, Integer> index = new HashMap<>();
                List<String> order = new ArrayList<>();
                List<BlockStream> streams = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String label = request.stratumOf(i + 1);
                    Integer k = index.get(label);
                    if (k == null) {
                        k = order.size();
                        index.put(label, k);
                        order.add(label);
                        streams.add(new BlockStream(new SplitMix64(SplitMix64.derive(request.seed(), label)),
                                ratio, ratioSum, sizes));
                    }
                    BlockStream s = streams.get(k);
                    arm[i] = s.next();
                    block[i] = s.blockNumber;
                    stratum[i] = k;
                }
                labels = order.toArray(new String[0]);
            }
            default -> throw new AssertionError(request.method());
        }
        return new Result(arm, block, stratum, labels);
    }

    /** One sequence of permuted blocks. */
    private static final class BlockStream {
        private final SplitMix64 rng;
        private final int[] ratio;
        private final int ratioSum;
        private final int[] sizes;
        private final int[] buffer;
        private int size;
        private int pos;
        int blockNumber;

        BlockStream(SplitMix64 rng, int[] ratio, int ratioSum, int[] sizes) {
            this.rng = rng;
            this.ratio = ratio;
            this.ratioSum = ratioSum;
            this.sizes = sizes;
            int max = 0;
            for (int s : sizes) {
                max = Math.max(max, s);
            }
            this.buffer = new int[max];
        }

        int next() {
            if (pos == size) {
                newBlock();
            }
            return buffer[pos++];
        }

        private void newBlock() {
            size = sizes.length == 1 ? sizes[0] : sizes[rng.nextInt(sizes.length)];
            int per = size / ratioSum;
            int p = 0;
            for (int a = 0; a < ratio.length; a++) {
                for (int k = ratio[a] * per; k > 0; k--) {
                    buffer[p++] = a;
                }
            }
            for (int i = size - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = buffer[i];
                buffer[i] = buffer[j];
                buffer[j] = t;
            }
            pos = 0;
            blockNumber++;
        }
    }
}
