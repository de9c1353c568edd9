package org.painlab.stats.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painlab.stats.power.Reference.assertRel;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Power curves: grid, sizes, values identical to the single-point functions. */
class PowerCurvesTest {

    @Test
    void proportionCurvesForEveryMethod() {
        TwoProportionDesign d = TwoProportionDesign.of(0.6, 0.9, 0.05, 0.9).withRatio(1.5);
        for (TwoProportionMethod m : TwoProportionMethod.values()) {
            PowerCurve c = PowerCurves.twoProportions(d, m, ExactOptions.defaults(), 10, 100, 10);
            assertEquals(m.id(), c.method());
            assertEquals(10, c.points().size());
            PowerPoint p = c.points().get(3);
            assertEquals(40, p.n1());
            assertEquals(60, p.n2());
            assertEquals(100, p.nTotal());
            assertEquals(TwoProportionPower.power(d, m, ExactOptions.defaults(), 40, 60), p.power());
            assertEquals(0.0, p.standardError());
        }
        // 1:1 anchor: the exact curve goes through R's values, e.g. fisher_power_bf(47, 47, .6, .9)
        PowerCurve exact = PowerCurves.twoProportions(TwoProportionDesign.of(0.6, 0.9, 0.05, 0.9),
                TwoProportionMethod.EXACT, ExactOptions.defaults(), 45, 48, 1);
        assertRel(0.90590824965851968, exact.points().get(2).power(), 1e-9, "exact curve at 47");
    }

    @Test
    void meansCurves() {
        MeansDesign d = MeansDesign.of(5, 10, 0.05, 0.9);
        PowerCurve t = PowerCurves.means(d, MeansMethod.T, 80, 90, 5);
        assertEquals(List.of(80, 85, 90), t.points().stream().map(PowerPoint::n1).toList());
        // power.t.test(n=85, delta=5, sd=10)$power, from the shared reference case
        assertRel(0.8998939803672052, t.points().get(1).power(), 1e-9, "t curve at 85");
        assertEquals(85, t.points().get(1).n2());
        PowerCurve paired = PowerCurves.means(d.withType(MeanTestType.PAIRED), MeansMethod.NORMAL, 5, 6, 1);
        assertEquals(0, paired.points().get(0).n2(), "one group");
        assertTrue(paired.points().get(1).power() > paired.points().get(0).power());
    }

    @Test
    void mannWhitneyCurveIsReproducibleAndIncreasing() {
        MannWhitneyDesign d = MannWhitneyDesign.normalShift(0.5, 1, 0.05);
        PowerCurve a = PowerCurves.mannWhitney(d, 1, 10, 70, 30, 4000, 11L);
        PowerCurve b = PowerCurves.mannWhitney(d, 1, 10, 70, 30, 4000, 11L);
        assertEquals(a, b);
        assertEquals(PowerCurves.MANN_WHITNEY_ID, a.method());
        List<PowerPoint> p = a.points();
        assertEquals(3, p.size());
        assertTrue(p.get(0).power() < p.get(1).power() && p.get(1).power() < p.get(2).power());
        assertTrue(p.get(2).standardError() > 0);
    }

    @Test
    void rejectsBadGrids() {
        MeansDesign d = MeansDesign.of(5, 10, 0.05, 0.9);
        assertThrows(IllegalArgumentException.class, () -> PowerCurves.means(d, MeansMethod.T, 0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> PowerCurves.means(d, MeansMethod.T, 10, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> PowerCurves.means(d, MeansMethod.T, 1, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> PowerCurves.means(d, MeansMethod.T, 1, 1_000_000, 1));
        assertThrows(UnsupportedOperationException.class,
                () -> PowerCurves.means(d, MeansMethod.T, 2, 3, 1).points().clear());
    }
}
