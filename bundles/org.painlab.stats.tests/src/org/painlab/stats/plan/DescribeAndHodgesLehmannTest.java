package org.painlab.stats.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.painlab.stats.Alternative;
import org.painlab.stats.EffectSize;
import org.painlab.stats.internal.math.HodgesLehmann;
import org.painlab.stats.internal.math.Ranks;
import org.painlab.stats.internal.plan.Describe;
import org.painlab.stats.internal.plan.FastHodgesLehmann;

class DescribeAndHodgesLehmannTest {

    @Test
    void quartilesMatchRsTypes6And7() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // R: quantile(1:10, c(.25, .5, .75), type = 6) -> 2.75 5.5 8.25; type = 7 -> 3.25 5.5 7.75
        Describe six = Describe.of(x, 6);
        assertEquals(2.75, six.q1());
        assertEquals(5.5, six.median());
        assertEquals(8.25, six.q3());
        Describe seven = Describe.of(x, 7);
        assertEquals(3.25, seven.q1());
        assertEquals(7.75, seven.q3());
        assertEquals(5.5, seven.mean());
        assertEquals(Math.sqrt(55.0 / 6), seven.sd(), 1e-15);
    }

    @Test
    void fastHodgesLehmannEqualsTheFullEnumeration() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int rep = 0; rep < 20; rep++) {
            int nx = 5 + rnd.nextInt(40);
            int ny = 5 + rnd.nextInt(40);
            double[] x = new double[nx];
            double[] y = new double[ny];
            for (int i = 0; i < nx; i++) {
                x[i] = Math.round(rnd.nextGaussian() * 10) / 2.0;
            }
            for (int i = 0; i < ny; i++) {
                y[i] = Math.round(rnd.nextGaussian() * 10 + 3) / 2.0;
            }
            double[] pooled = new double[nx + ny];
            System.arraycopy(x, 0, pooled, 0, nx);
            System.arraycopy(y, 0, pooled, nx, ny);
            EffectSize slow = HodgesLehmann.shift(x, y, Alternative.TWO_SIDED, 0.95, false,
                    Ranks.of(pooled).tieCubeSum());
            EffectSize fast = FastHodgesLehmann.shift(x, y, 0.95);
            assertEquals(slow.estimate(), fast.estimate(), "estimate, rep " + rep);
            assertEquals(slow.lower(), fast.lower(), "lower, rep " + rep);
            assertEquals(slow.upper(), fast.upper(), "upper, rep " + rep);

            double[] d = java.util.Arrays.stream(x).filter(v -> v != 0).toArray();
            double[] abs = java.util.Arrays.stream(d).map(Math::abs).toArray();
            EffectSize slowW = HodgesLehmann.pseudoMedian(d, Alternative.TWO_SIDED, 0.95, false,
                    Ranks.of(abs).tieCubeSum());
            EffectSize fastW = FastHodgesLehmann.pseudoMedian(d, 0.95);
            assertEquals(slowW.estimate(), fastW.estimate(), "pseudo-median, rep " + rep);
            assertEquals(slowW.lower(), fastW.lower(), "pseudo-median lower, rep " + rep);
            assertEquals(slowW.upper(), fastW.upper(), "pseudo-median upper, rep " + rep);
        }
    }
}
