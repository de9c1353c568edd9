package org.painlab.stats.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painlab.stats.power.Reference.assertRel;

import org.junit.jupiter.api.Test;

/**
 * Further R 4.2.2 checks of {@link MeansPower} beyond the shared reference file. Expected values
 * were printed by R with options(digits = 17); each R call is next to its number. Tolerance:
 * relative 1e-9 (n from power.t.test(..., tol = 1e-12), i.e. the true root).
 */
class MeansPowerTest {

    private static final double REL = 1e-9;

    @Test
    void oneSampleOneSided() {
        MeansDesign d = MeansDesign.of(0.5, 1, 0.05, 0.9).withType(MeanTestType.ONE_SAMPLE)
                .withAlternative(Sides.ONE_SIDED);
        // power.t.test(delta=0.5, sd=1, power=0.9, type="one.sample", alternative="one.sided", tol=1e-12)$n
        assertRel(35.652676906495891, MeansPower.solveN(d, MeansMethod.T, 1e-10), REL, "n");
    }

    @Test
    void strictTwoSided() {
        MeansDesign d = MeansDesign.of(0.3, 1, 0.05, 0.5).withStrict(true);
        // power.t.test(delta=0.3, sd=1, power=0.5, strict=TRUE, tol=1e-12)$n
        assertRel(86.325463560934281, MeansPower.solveN(d, MeansMethod.T, 1e-10), REL, "strict n");
        // power.t.test(n=10, delta=0.3, sd=1, strict=TRUE)$power
        assertRel(0.09742459135297421, MeansPower.power(d, MeansMethod.T, 10), REL, "strict power");
        // power.t.test(n=10, delta=0.3, sd=1)$power
        assertRel(0.092716186510306553, MeansPower.power(d.withStrict(false), MeansMethod.T, 10), REL, "power");
    }

    @Test
    void oneSidedNegativeDeltaAsR() {
        MeansDesign d = MeansDesign.of(-0.4, 1, 0.05, 0.8).withAlternative(Sides.ONE_SIDED);
        // power.t.test(n=15, delta=-0.4, sd=1, alternative="one.sided")$power
        assertRel(0.0033195366633158585, MeansPower.power(d, MeansMethod.T, 15), REL, "power");
        assertThrows(IllegalArgumentException.class, () -> MeansPower.sampleSize(d, MeansMethod.T));
    }

    @Test
    void hugeEffectExtendsBracketBelowTwo() {
        MeansDesign d = MeansDesign.of(10, 1, 0.05, 0.9);
        // power.t.test(delta=10, sd=1, power=0.9, tol=1e-12)$n  (uniroot extends the bracket below 2)
        assertRel(1.7628852508543564, MeansPower.solveN(d, MeansMethod.T, 1e-10), REL, "n");
        // power.t.test(delta=10, sd=1, power=0.9)$n  (R's default tolerance, same iterates)
        assertRel(1.7629075667022389, MeansPower.solveN(d, MeansMethod.T, MeansPower.R_UNIROOT_TOL), REL, "R-tol n");
    }

    @Test
    void pairedPowerAtRealN() {
        MeansDesign d = MeansDesign.of(1, 1.2, 0.05, 0.8).withType(MeanTestType.PAIRED);
        // power.t.test(n=7.5, delta=1, sd=1.2, type="paired")$power
        assertRel(0.49345908808387906, MeansPower.power(d, MeansMethod.T, 7.5), REL, "power");
    }

    @Test
    void normalOneSidedPaired() {
        MeansDesign d = MeansDesign.of(2, 3, 0.05, 0.8).withType(MeanTestType.PAIRED)
                .withAlternative(Sides.ONE_SIDED).withDropout(0.2);
        MeansResult r = MeansPower.sampleSize(d, MeansMethod.NORMAL);
        // R: (qnorm(0.95) + qnorm(0.8))^2 * (3/2)^2
        assertRel(13.910753772044467, r.nUnrounded(), REL, "n");
        assertEquals(14, r.nPerGroup());
        assertEquals(18, r.nPerGroupAfterDropout(), "ceil(14 / 0.8) = 18");
        assertTrue(r.achievedPower() >= 0.8);
        // the closed form is the exact root of the normal power function
        assertRel(0.8, MeansPower.power(d, MeansMethod.NORMAL, r.nUnrounded()), 1e-12, "power at real n");
    }

    @Test
    void normalStrictIsSolvedNumerically() {
        MeansDesign d = MeansDesign.of(0.3, 1, 0.05, 0.5).withStrict(true);
        double n = MeansPower.solveN(d, MeansMethod.NORMAL, 1e-12);
        assertRel(0.5, MeansPower.power(d, MeansMethod.NORMAL, n), 1e-10, "strict normal power at its n");
        assertTrue(n < MeansPower.solveN(d.withStrict(false), MeansMethod.NORMAL, 1e-12));
    }

    @Test
    void dropoutAndTotals() {
        MeansResult r = MeansPower.sampleSize(MeansDesign.of(5, 10, 0.05, 0.9).withDropout(0.15), MeansMethod.T);
        assertEquals(86, r.nPerGroup());
        assertEquals(102, r.nPerGroupAfterDropout(), "ceil(86 / 0.85) = ceil(101.18)");
        assertEquals(204, r.nTotalAfterDropout());
        assertEquals("t", r.method());
        assertEquals("two.sample", r.type());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> MeansDesign.of(1, 0, 0.05, 0.8));
        assertThrows(IllegalArgumentException.class, () -> MeansDesign.of(1, 1, 0, 0.8));
        assertThrows(IllegalArgumentException.class, () -> MeansDesign.of(1, 1, 0.05, 1));
        assertThrows(IllegalArgumentException.class, () -> MeansDesign.of(1, 1, 0.05, 0.8).withDropout(1));
        assertThrows(IllegalArgumentException.class, () -> MeansPower.sampleSize(MeansDesign.of(0, 1, 0.05, 0.8),
                MeansMethod.T));
        assertEquals(MeanTestType.PAIRED, MeanTestType.fromId("paired"));
        assertEquals(MeansMethod.T, MeansMethod.fromId("t"));
    }
}
