package org.painlab.stats.power;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painlab.stats.power.Reference.assertRel;
import static org.painlab.stats.power.Reference.output;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.LogisticDistribution;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Mann-Whitney power by simulation. The asymptotic U test the simulation runs is checked against
 * the shared R reference cases (relative 1e-9; observed ~1e-15). Simulated power is checked against R simulations with
 * 200,000 trials each (R 4.2.2, set.seed(20240601), run in the order below):
 *
 * <pre>
 * N &lt;- 200000
 * mean(replicate(N, wilcox.test(rnorm(30, 0.5), rnorm(30), exact=FALSE)$p.value &lt;= 0.05))  # 0.45196
 * g &lt;- function(n, m) pmin(10, pmax(0, round(rnorm(n, m, 2))))
 * mean(replicate(N, wilcox.test(g(25, 6.5), g(25, 5), exact=FALSE)$p.value &lt;= 0.05))      # 0.7069
 * mean(replicate(N, wilcox.test(g(25, 6), g(25, 5), exact=FALSE,
 *                               alternative="greater")$p.value &lt;= 0.05))                  # 0.513825
 * </pre>
 *
 * The generators differ (R's Mersenne Twister vs SplittableRandom), so agreement is statistical:
 * |ours - R| &le; 4 sqrt(se_ours^2 + se_R^2). With fixed seeds the test is deterministic.
 */
class MannWhitneyPowerTest {

    private static final int SIMS = 20_000;

    private static void assertAgrees(double rPower, int rSims, SimulatedPower ours) {
        double seR = Math.sqrt(rPower * (1 - rPower) / rSims);
        double tol = 4 * Math.hypot(seR, ours.standardError());
        assertEquals(rPower, ours.power(), tol, "simulated power vs R (4 combined Monte Carlo SEs)");
    }

    // MannWhitneyPower.asymptoticPValue(group1, group2, ...) is R's wilcox.test(group2, group1, ...)

    @Test
    void rankSumTestMatchesReferenceNoTies() {
        JsonNode c = Reference.byId("mann_whitney_asymptotic_noties");
        double[] x = values(c, "x");
        double[] y = values(c, "y");
        // wilcox.test(x, y, exact=FALSE, correct=TRUE / FALSE)
        assertRel(output(c, "p_cc"), MannWhitneyPower.asymptoticPValue(y, x, Sides.TWO_SIDED, true), 1e-9,
                "cc");
        assertRel(output(c, "p_no_cc"), MannWhitneyPower.asymptoticPValue(y, x, Sides.TWO_SIDED, false), 1e-9,
                "no cc");
    }

    @Test
    void rankSumTestMatchesReferenceWithTies() {
        JsonNode c = Reference.byId("mann_whitney_ties");
        double[] x = values(c, "x");
        double[] y = values(c, "y");
        double[] xBefore = x.clone();
        // wilcox.test(x, y, exact=FALSE, correct=TRUE / FALSE)
        assertRel(output(c, "p_cc"), MannWhitneyPower.asymptoticPValue(y, x, Sides.TWO_SIDED, true), 1e-9,
                "cc");
        assertRel(output(c, "p_no_cc"), MannWhitneyPower.asymptoticPValue(y, x, Sides.TWO_SIDED, false), 1e-9,
                "no cc");
        // wilcox.test(y, x, alternative="greater", exact=FALSE [, correct=FALSE])$p.value
        assertRel(0.0076662552562668127, MannWhitneyPower.asymptoticPValue(x, y, Sides.ONE_SIDED, true), 1e-9,
                "greater cc");
        assertRel(0.0069349788558854524, MannWhitneyPower.asymptoticPValue(x, y, Sides.ONE_SIDED, false), 1e-9,
                "greater no cc");
        // wilcox.test(y, x, exact=FALSE)$p.value: symmetric in the order of the samples
        assertRel(0.015332510512533625, MannWhitneyPower.asymptoticPValue(x, y, Sides.TWO_SIDED, true), 1e-9,
                "swapped");
        assertArrayEquals(xBefore, x, "the caller's data is not sorted in place");
    }

    @Test
    void allTiedGivesNoRejection() {
        assertTrue(Double.isNaN(MannWhitneyPower.asymptoticPValue(new double[] {2, 2}, new double[] {2, 2, 2},
                Sides.TWO_SIDED, true)));
        MannWhitneyDesign d = new MannWhitneyDesign(rng -> 1.0, rng -> 1.0, 0.05, Sides.TWO_SIDED, true);
        assertEquals(0, MannWhitneyPower.simulate(d, 5, 5, 100, 1L).rejections());
    }

    @Test
    void normalShiftAgreesWithR() {
        SimulatedPower p = MannWhitneyPower.simulate(MannWhitneyDesign.normalShift(0.5, 1, 0.05), 30, 30, SIMS, 42L);
        assertAgrees(0.45196, 200_000, p);
        assertEquals(SIMS, p.simulations());
        assertEquals((double) p.rejections() / SIMS, p.power());
        assertEquals(Math.sqrt(p.power() * (1 - p.power()) / SIMS), p.standardError(), 1e-15);
    }

    @Test
    void roundedPainScoresWithTiesAgreeWithR() {
        Sampler g5 = Sampler.normal(5, 2).rounded(1).clamped(0, 10);
        Sampler g65 = Sampler.normal(6.5, 2).rounded(1).clamped(0, 10);
        Sampler g6 = Sampler.normal(6, 2).rounded(1).clamped(0, 10);
        MannWhitneyDesign two = new MannWhitneyDesign(g5, g65, 0.05, Sides.TWO_SIDED, true);
        assertAgrees(0.7069, 200_000, MannWhitneyPower.simulate(two, 25, 25, SIMS, 7L));
        MannWhitneyDesign one = new MannWhitneyDesign(g5, g6, 0.05, Sides.ONE_SIDED, true);
        assertAgrees(0.513825, 200_000, MannWhitneyPower.simulate(one, 25, 25, SIMS, 8L));
    }

    @Test
    void sizeUnderTheNullIsNearAlpha() {
        // Logistic data via inverse CDF, no shift: rejection rate estimates the test's size
        MannWhitneyDesign d = MannWhitneyDesign.shift(Sampler.of(LogisticDistribution.of(0, 1)), 0, 0.05);
        SimulatedPower p = MannWhitneyPower.simulate(d, 20, 40, SIMS, 3L);
        assertEquals(0.05, p.power(), 4 * Math.sqrt(0.05 * 0.95 / SIMS), "size of the asymptotic test");
    }

    @Test
    void seededRunsAreReproducible() {
        MannWhitneyDesign d = MannWhitneyDesign.normalShift(0.4, 1, 0.05);
        SimulatedPower a = MannWhitneyPower.simulate(d, 20, 20, 2000, 99L);
        SimulatedPower b = MannWhitneyPower.simulate(d, 20, 20, 2000, 99L);
        SimulatedPower c = MannWhitneyPower.simulate(d, 20, 20, 2000, new SplittableRandom(99L));
        assertEquals(a, b);
        assertEquals(a, c, "seed and SplittableRandom(seed) are the same stream");
        assertNotEquals(a.rejections(), MannWhitneyPower.simulate(d, 20, 20, 2000, 100L).rejections());
    }

    @Test
    void rejectsBadInput() {
        MannWhitneyDesign d = MannWhitneyDesign.normalShift(0.4, 1, 0.05);
        assertThrows(IllegalArgumentException.class, () -> MannWhitneyPower.simulate(d, 0, 5, 10, 1L));
        assertThrows(IllegalArgumentException.class, () -> MannWhitneyPower.simulate(d, 5, 5, 0, 1L));
        assertThrows(IllegalArgumentException.class, () -> MannWhitneyDesign.normalShift(0.4, 1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Sampler.normal(0, -1));
    }

    private static double[] values(JsonNode c, String field) {
        JsonNode a = c.path("input").path(field);
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).doubleValue();
        }
        assertTrue(v.length > 0, "input." + field + " present");
        return v;
    }
}
