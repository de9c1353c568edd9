package org.painlab.trial.randomization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Times one million permuted-block allocations (prints the figure once). */
class RandomizerPerformanceTest {

    @Test
    void oneMillionAllocations() {
        AllocationRequest request = AllocationRequest.builder().n(1_000_000).arms("S", "P").blockSizes(4, 6)
                .seed(12345).build();
        Randomizer.allocate(AllocationRequest.builder().n(10_000).arms("S", "P").blockSizes(4, 6).build()); // class loading
        long t0 = System.nanoTime();
        AllocationList list = Randomizer.allocate(request);
        long t1 = System.nanoTime();
        int s = 0;
        for (Allocation a : list.allocations()) { // materialise every record too
            if (a.arm().equals("S")) {
                s++;
            }
        }
        long t2 = System.nanoTime();
        System.out.printf("randomization: 1,000,000 permuted-block allocations in %.1f ms "
                + "(+ %.1f ms to create all Allocation records)%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        assertEquals(1_000_000, list.size());
        assertTrue(Math.abs(s - 500_000) <= 3);
        assertTrue((t1 - t0) < 1_000_000_000L, "took " + (t1 - t0) / 1e6 + " ms");
    }
}
