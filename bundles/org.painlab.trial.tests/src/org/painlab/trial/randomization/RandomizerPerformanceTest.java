package org.painlab.trial.randomization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One million permuted-block allocations: right in the normal suite; timed (and the figure printed)
 * only in the "bench" group, which releng/bench/trial-import.sh runs, so a loaded machine never fails
 * the test command on time alone.
 */
class RandomizerPerformanceTest {
    private static final AllocationRequest MILLION = AllocationRequest.builder().n(1_000_000).arms("S", "P")
            .blockSizes(4, 6).seed(12345).build();

    private static int countS(AllocationList list) {
        int s = 0;
        for (Allocation a : list.allocations()) { // materialises every record too
            if (a.arm().equals("S")) {
                s++;
            }
        }
        return s;
    }

    @Test
    void oneMillionAllocationsAreBalancedWithinABlock() {
        AllocationList list = Randomizer.allocate(MILLION);
        assertEquals(1_000_000, list.size());
        assertTrue(Math.abs(countS(list) - 500_000) <= 3, "blocks of 4 and 6 keep the arms within 3");
    }

    @Tag("bench")
    @Test
    void oneMillionAllocationsTakeUnderASecond() {
        Randomizer.allocate(AllocationRequest.builder().n(10_000).arms("S", "P").blockSizes(4, 6).build()); // class loading
        long t0 = System.nanoTime();
        AllocationList list = Randomizer.allocate(MILLION);
        long t1 = System.nanoTime();
        countS(list);
        long t2 = System.nanoTime();
        System.out.printf("randomization: 1,000,000 permuted-block allocations in %.1f ms "
                + "(+ %.1f ms to create all Allocation records)%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        assertTrue((t1 - t0) < 1_000_000_000L, "took " + (t1 - t0) / 1e6 + " ms");
    }
}
