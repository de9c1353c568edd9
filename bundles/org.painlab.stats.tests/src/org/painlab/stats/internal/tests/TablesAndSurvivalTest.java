package org.painlab.stats.internal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.painlab.stats.EffectSize;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;

/** Properties of the table, survival and ROC methods beyond the reference values. */
class TablesAndSurvivalTest {

    private static TestInput table(List<List<Integer>> rows) {
        return TestInput.of(Map.of("table_rows", rows));
    }

    @Test
    void yatesOnlyChangesTwoByTwoTables() {
        TestInput t = table(List.of(List.of(15, 22, 9), List.of(30, 14, 18), List.of(11, 7, 21)));
        double plain = new PearsonChiSquareTest().run(t, TestOptions.defaults()).statistic();
        double corrected = new PearsonChiSquareTest().run(t, TestOptions.defaults().withCorrect(true)).statistic();
        assertEquals(plain, corrected);
    }

    @Test
    void twoByTwoEffectSizesReadRowsAsGroups() {
        TestResult r = new PearsonChiSquareTest().run(table(List.of(List.of(20, 10), List.of(12, 25))),
                TestOptions.defaults());
        assertEquals(20.0 / 30 - 12.0 / 37, RankTestsTest.effect(r, "risk difference").estimate(), 1e-12);
        assertEquals((20.0 / 30) / (12.0 / 37), RankTestsTest.effect(r, "risk ratio").estimate(), 1e-12);
        EffectSize or = RankTestsTest.effect(r, "odds ratio");
        assertEquals(20.0 * 25 / (10 * 12), or.estimate(), 1e-12);
        assertTrue(or.lower() < or.estimate() && or.estimate() < or.upper());
    }

    @Test
    void zeroCellUsesHaldaneCorrection() {
        TestResult r = new FisherTest().run(table(List.of(List.of(0, 10), List.of(6, 4))), TestOptions.defaults());
        assertEquals(0.0, r.estimate().get("odds ratio"));
        assertTrue(RankTestsTest.effect(r, "risk ratio").name().contains("Haldane"));
    }

    @Test
    void linearByLinearIsNMinusOneOverNTimesCochranArmitage() {
        TestInput ca = TestInput.of(Map.of("events", List.of(5, 9, 15, 22), "totals", List.of(40, 40, 40, 40)));
        double chisq = new CochranArmitageTest().run(ca, TestOptions.defaults()).statistic();
        double m2 = new LinearByLinearTest().run(table(List.of(List.of(5, 35), List.of(9, 31), List.of(15, 25),
                List.of(22, 18))), TestOptions.defaults()).statistic();
        assertEquals(159.0 / 160 * chisq, m2, 1e-10);
    }

    @Test
    @SuppressWarnings("unchecked")
    void kaplanMeierReachesZeroWhenEveryoneDies() {
        TestInput in = TestInput.of(Map.of("time", List.of(1, 2, 3, 4, 5, 6), "status", List.of(1, 1, 1, 1, 0, 1),
                "group", List.of("a", "b", "a", "b", "a", "b")));
        TestResult r = new LogRankTest().run(in, TestOptions.defaults());
        List<Object> km = (List<Object>) r.extra("km");
        Map<String, Object> b = (Map<String, Object>) km.get(1);
        List<Object> surv = (List<Object>) b.get("surv");
        assertEquals(0.0, surv.get(surv.size() - 1));
        assertNull(((List<Object>) b.get("lower_log")).get(surv.size() - 1), "no interval at S = 0");
        Map<String, Object> medians = (Map<String, Object>) r.extra("median_survival");
        assertEquals(4.0, medians.get("b"));
        assertEquals(1, r.df());
    }

    @Test
    void numericGroupsAreOrderedNumerically() {
        TestInput in = TestInput.of(Map.of("time", List.of(1, 2, 3, 4, 5, 6), "status", List.of(1, 1, 1, 1, 0, 1),
                "group", List.of(10, 2, 10, 2, 10, 2)));
        assertEquals(List.of("2", "10"), new LogRankTest().run(in, TestOptions.defaults()).extra("groups"));
    }

    @Test
    void identicalMarkersGiveZeroDifference() {
        TestInput in = TestInput.of(Map.of("label", List.of(0, 0, 0, 1, 1, 1), "marker1", List.of(1, 2, 3, 2, 4, 5),
                "marker2", List.of(1, 2, 3, 2, 4, 5)));
        TestResult r = new RocDeLongTest().run(in, TestOptions.defaults());
        assertEquals(0.0, r.statistic());
        assertEquals(1.0, r.pValue(), 1e-15);
    }
}
