package org.painlab.imaging.features;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.painlab.imaging.features.previous.PreviousExtractor;

/**
 * IBSI extraction time per 64^3 volume, today's extractor and the previous one in the same run. Not
 * run by default (surefire excludes the "bench" tag); releng/bench/ibsi-speed.sh runs the same
 * measurement without OSGi, or run this with -Dgroups=bench -Dpainlab.test.excludedGroups=none.
 */
@Tag("bench")
class IbsiSpeedBenchTest {
    @Test
    void extractionPer64CubedVolume() throws Exception {
        double before = IbsiSpeedBench.run("previous extractor (c9b323c)", new PreviousExtractor()::extract, 2, 5);
        double now = IbsiSpeedBench.run(3, 10);
        System.out.printf(java.util.Locale.ROOT, "bench: CPU per volume previous/now %.2f%n", before / now);
        assertTrue(now > 0 && before > 0, "CPU time measured");
    }
}
