package org.painlab.stats.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painlab.stats.power.Reference.assertRel;

import org.junit.jupiter.api.Test;

/**
 * Normal-approximation methods for two proportions against R 4.2.2 (the shared reference file
 * has no two-proportion case). Values were printed with options(digits = 17); each R expression
 * is next to its number. Tolerance: relative 1e-9. For the pooled n, R's power.prop.test was run
 * with tol = 1e-12 (its default eps^0.25 leaves n off by ~1.4e-5; that value is checked against
 * R's own tolerance). With za = qnorm(.975), zb = qnorm(.9), d = .3, pb = .75:
 */
class TwoProportionPowerTest {

    private static final double REL = 1e-9;
    /** Anchor: complete-relief rates 0.6 vs 0.9 from a pilot, alpha 0.05 two-sided, power 0.90, 1:1. */
    private static final TwoProportionDesign ANCHOR = TwoProportionDesign.of(0.6, 0.9, 0.05, 0.90);

    @Test
    void anchorPooledIsPowerPropTest() {
        TwoProportionResult r = TwoProportionPower.sampleSize(ANCHOR, TwoProportionMethod.POOLED);
        // power.prop.test(p1=.6, p2=.9, sig.level=.05, power=.9, tol=1e-12)$n
        assertRel(41.663722015830899, r.nUnrounded(), REL, "pooled n");
        // power.prop.test(p1=.6, p2=.9, sig.level=.05, power=.9)$n = 41.663736459378747 (default tol)
        assertEquals(41.663736459378747, r.nUnrounded(), MeansPower.R_UNIROOT_TOL, "within R's default tolerance");
        assertEquals(42, r.nPerGroup());
        assertEquals(84, r.nTotal());
        // power.prop.test(n=42, p1=.6, p2=.9)$power
        assertRel(0.90236193054611524, r.achievedPower(), REL, "pooled power at 42");
        assertEquals("pooled", r.method());
        assertNull(r.exactTest());
        assertEquals(0.6, r.p1());
        assertEquals(0.9, r.p2());
        assertEquals(0.05, r.alpha());
        assertEquals(0.90, r.power());
    }

    @Test
    void anchorUnpooled() {
        TwoProportionResult r = TwoProportionPower.sampleSize(ANCHOR, TwoProportionMethod.UNPOOLED);
        // (za + zb)^2 * (.6*.4 + .9*.1) / d^2
        assertRel(38.527217891948929, r.nUnrounded(), REL, "unpooled n");
        assertEquals(39, r.nPerGroup());
        // pnorm(d / sqrt((.6*.4 + .9*.1) / 39) - za)
        assertRel(0.90343576710138851, r.achievedPower(), REL, "unpooled power at 39");
    }

    @Test
    void anchorContinuityCorrected() {
        TwoProportionResult r = TwoProportionPower.sampleSize(ANCHOR, TwoProportionMethod.CC);
        // np <- (za*sqrt(2*pb*(1-pb)) + zb*sqrt(.6*.4+.9*.1))^2/d^2; np/4*(1+sqrt(1+4/(np*d)))^2
        assertRel(48.099385500325212, r.nUnrounded(), REL, "cc n");
        assertEquals(49, r.nPerGroup());
        // n <- 49; pnorm(((d - 1/n)*sqrt(n) - za*sqrt(2*pb*(1-pb)))/sqrt(.6*.4+.9*.1))
        assertRel(0.90618451992456261, r.achievedPower(), REL, "cc power at 49");
    }

    @Test
    void anchorArcsine() {
        TwoProportionResult r = TwoProportionPower.sampleSize(ANCHOR, TwoProportionMethod.ARCSINE);
        // h <- 2*asin(sqrt(.9)) - 2*asin(sqrt(.6)); 2*((za+zb)/h)^2
        assertRel(39.877506453924269, r.nUnrounded(), REL, "arcsine n");
        assertEquals(40, r.nPerGroup());
        // pnorm(h*sqrt(40/2) - za)
        assertRel(0.90087027747511794, r.achievedPower(), REL, "arcsine power at 40");
    }

    @Test
    void pooledPowerMatchesPowerPropTestAtOtherN() {
        // power.prop.test(n=n, p1=.6, p2=.9)$power
        double[][] nPower = {{43, 0.9090915992416243}, {44, 0.91539908242850376}, {46, 0.92683642296554769},
            {53, 0.95660552107963348}, {58, 0.97047891283034449}};
        for (double[] np : nPower) {
            assertRel(np[1], TwoProportionPower.power(ANCHOR, TwoProportionMethod.POOLED, (int) np[0]), REL,
                    "pooled power at n=" + (int) np[0]);
        }
        // pnorm(d/sqrt((.6*.4+.9*.1)/44) - za); pnorm(h*sqrt(45/2) - za)
        assertRel(0.93372703360638099, TwoProportionPower.power(ANCHOR, TwoProportionMethod.UNPOOLED, 44), REL, "");
        assertRel(0.93102374400917987, TwoProportionPower.power(ANCHOR, TwoProportionMethod.ARCSINE, 45), REL,
                "");
    }

    @Test
    void oneSidedPooled() {
        TwoProportionDesign d = ANCHOR.withAlternative(Sides.ONE_SIDED);
        // power.prop.test(p1=.6, p2=.9, power=.9, alternative="one.sided", tol=1e-12)$n
        assertRel(33.773855649254784, TwoProportionPower.approximateN(d, TwoProportionMethod.POOLED), REL, "n");
        assertEquals(34, TwoProportionPower.sampleSize(d, TwoProportionMethod.POOLED).nPerGroup());
    }

    @Test
    void ratioTwoToOne() {
        // p1=.3, p2=.5, k=2, za=qnorm(.975), zb=qnorm(.8), d=.2, pbar=(p1+k*p2)/(1+k), v=p1*(1-p1)+p2*(1-p2)/k
        TwoProportionDesign d = TwoProportionDesign.of(0.3, 0.5, 0.05, 0.8).withRatio(2);
        // n0 <- (za*sqrt(pbar*(1-pbar)*(1+1/k)) + zb*sqrt(v))^2/d^2
        assertRel(70.277613903560351, TwoProportionPower.approximateN(d, TwoProportionMethod.POOLED), REL, "pooled");
        // (za+zb)^2*v/d^2
        assertRel(65.734367775173567, TwoProportionPower.approximateN(d, TwoProportionMethod.UNPOOLED), REL,
                "unpooled");
        // n0/4*(1+sqrt(1+2*(k+1)/(k*n0*d)))^2
        assertRel(77.596387683890313, TwoProportionPower.approximateN(d, TwoProportionMethod.CC), REL, "cc");
        // (za+zb)^2*(1+1/k)/h^2, h = 2*asin(sqrt(p2)) - 2*asin(sqrt(p1))
        assertRel(69.522230430370058, TwoProportionPower.approximateN(d, TwoProportionMethod.ARCSINE), REL, "arcsine");

        TwoProportionResult r = TwoProportionPower.sampleSize(d.withDropout(0.1), TwoProportionMethod.POOLED);
        assertEquals(71, r.nPerGroup());
        assertEquals(142, r.nGroup2());
        assertEquals(213, r.nTotal());
        assertEquals(79, r.nPerGroupAfterDropout(), "ceil(71 / 0.9) = ceil(78.9)");
        assertEquals(158, r.nGroup2AfterDropout(), "ceil(142 / 0.9) = ceil(157.8)");
        assertEquals(237, r.nTotalAfterDropout());
        assertTrue(r.achievedPower() >= 0.8);
    }

    @Test
    void closedFormsAreRootsOfTheirPowerFunctions() {
        for (TwoProportionMethod m : new TwoProportionMethod[] {TwoProportionMethod.POOLED,
            TwoProportionMethod.UNPOOLED, TwoProportionMethod.CC, TwoProportionMethod.ARCSINE}) {
            for (double k : new double[] {1, 0.5, 3}) {
                TwoProportionDesign d = TwoProportionDesign.of(0.25, 0.4, 0.05, 0.85).withRatio(k);
                double n = TwoProportionPower.approximateN(d, m);
                assertRel(0.85, TwoProportionPower.approximatePower(d, m, n, k * n), 1e-12, m.id() + " k=" + k);
            }
        }
    }

    @Test
    void dropoutRounding() {
        TwoProportionResult r = TwoProportionPower.sampleSize(ANCHOR.withDropout(0.2), TwoProportionMethod.POOLED);
        assertEquals(53, r.nPerGroupAfterDropout(), "ceil(42 / 0.8) = ceil(52.5)");
        TwoProportionResult exact = TwoProportionPower.sampleSize(
                TwoProportionDesign.of(0.5, 0.6, 0.05, 0.9).withDropout(0.2), TwoProportionMethod.POOLED);
        assertEquals(519, exact.nPerGroup());
        assertEquals(649, exact.nPerGroupAfterDropout(), "ceil(519 / 0.8) = ceil(648.75)");
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> TwoProportionPower.sampleSize(TwoProportionDesign.of(0.4, 0.4, 0.05, 0.8),
                        TwoProportionMethod.POOLED));
        assertThrows(IllegalArgumentException.class, () -> TwoProportionDesign.of(-0.1, 0.4, 0.05, 0.8));
        assertThrows(IllegalArgumentException.class, () -> TwoProportionDesign.of(0.1, 0.4, 0.05, 0.8).withRatio(0));
        assertThrows(IllegalArgumentException.class, () -> TwoProportionDesign.of(0.1, 0.4, 0.05, 0.8).withDropout(1));
        assertThrows(IllegalArgumentException.class, () -> TwoProportionPower.power(ANCHOR,
                TwoProportionMethod.POOLED, ExactOptions.defaults(), 0, 5));
        assertEquals(TwoProportionMethod.CC, TwoProportionMethod.fromId("cc"));
        assertEquals(TwoProportionMethod.EXACT, TwoProportionMethod.fromId("EXACT"));
        assertThrows(IllegalArgumentException.class, () -> TwoProportionMethod.fromId("wald"));
    }
}
