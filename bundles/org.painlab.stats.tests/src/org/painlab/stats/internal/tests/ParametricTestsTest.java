package org.painlab.stats.internal.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.painlab.stats.Alternative;
import org.painlab.stats.EffectSize;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;

/** Properties of the t tests, ANOVAs and their effect sizes beyond the reference values. */
class ParametricTestsTest {

    private static final TestInput TWO = TestInput.of(Map.of(
            "x", List.of(5.1, 4.8, 6.2, 5.7, 6.0, 5.4, 4.9, 5.8, 6.3, 5.5),
            "y", List.of(6.4, 5.9, 7.8, 6.1, 7.2, 6.8, 5.6, 7.5, 8.1, 6.6, 7.0, 9.2)));

    @Test
    void meanDifferenceEffectCarriesTheConfidenceInterval() {
        TestResult r = new StudentTTest().run(TWO, TestOptions.defaults());
        EffectSize md = RankTestsTest.effect(r, "mean difference");
        assertArrayEquals(r.confInt(), new double[] {md.lower(), md.upper()});
        assertEquals(5.57 - 7.016666666666667, md.estimate(), 1e-12);
    }

    @Test
    void hedgesGShrinksCohensD() {
        TestResult r = new StudentTTest().run(TWO, TestOptions.defaults());
        EffectSize d = RankTestsTest.effect(r, "Cohen's d");
        EffectSize g = RankTestsTest.effect(r, "Hedges' g");
        assertTrue(Math.abs(g.estimate()) < Math.abs(d.estimate()));
        // d = t * sqrt(1/nx + 1/ny) for the pooled t
        assertEquals(r.statistic() * Math.sqrt(1.0 / 10 + 1.0 / 12), d.estimate(), 1e-12);
        assertTrue(d.lower() < d.estimate() && d.estimate() < d.upper());
    }

    @Test
    void oneSidedIntervalIsOpenOnOneSide() {
        TestResult r = new WelchTTest().run(TWO, TestOptions.defaults().withAlternative(Alternative.GREATER));
        assertEquals(Double.POSITIVE_INFINITY, r.confInt()[1]);
        assertEquals(Alternative.GREATER, r.alternative());
    }

    @Test
    void pairedTestIsTheOneSampleTestOfDifferences() {
        TestInput paired = TestInput.of(Map.of("pre", List.of(7.5, 8, 6.5, 9), "post", List.of(3, 2.5, 3.5, 4)));
        TestInput diffs = TestInput.of(Map.of("x", List.of(4.5, 5.5, 3.0, 5.0)));
        TestResult a = new PairedTTest().run(paired, TestOptions.defaults());
        TestResult b = new OneSampleTTest().run(diffs, TestOptions.defaults());
        assertEquals(b.statistic(), a.statistic(), 1e-12);
        assertEquals(b.pValue(), a.pValue(), 1e-15);
    }

    @Test
    void anovaWithTwoGroupsIsTheSquaredStudentT() {
        TestInput groups = TestInput.of(Map.of("groups", Map.of("x", TWO.raw("x"), "y", TWO.raw("y"))));
        TestResult f = new OneWayAnovaTest().run(groups, TestOptions.defaults());
        TestResult t = new StudentTTest().run(TWO, TestOptions.defaults());
        assertEquals(t.statistic() * t.statistic(), f.statistic(), 1e-10);
        assertEquals(t.pValue(), f.pValue(), 1e-12);
        double eta = RankTestsTest.effect(f, "eta squared").estimate();
        assertTrue(eta > 0 && eta < 1);
    }

    @Test
    void welchAnovaWithTwoGroupsIsTheSquaredWelchT() {
        TestInput groups = TestInput.of(Map.of("groups", Map.of("x", TWO.raw("x"), "y", TWO.raw("y"))));
        TestResult f = new WelchAnovaTest().run(groups, TestOptions.defaults());
        TestResult t = new WelchTTest().run(TWO, TestOptions.defaults());
        assertEquals(t.statistic() * t.statistic(), f.statistic(), 1e-10);
        assertEquals(t.df(), f.df2(), 1e-10);
    }
}
