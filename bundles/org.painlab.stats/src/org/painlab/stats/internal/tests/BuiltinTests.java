package org.painlab.stats.internal.tests;

import java.util.List;
import org.painlab.stats.StatisticalTest;

/**
 * The tests this bundle contributes, for callers outside OSGi (plain JUnit, the headless engine
 * before the registry is up). In the workbench the same classes are contributed through the
 * extension point org.painlab.stats.tests; keep both lists in step.
 */
public final class BuiltinTests {

    private BuiltinTests() {
    }

    /** @return a fresh instance of every built-in test, in the order of the CLI documentation */
    public static List<StatisticalTest> create() {
        return List.of(
                new ShapiroWilkTest(),
                new LeveneTest(),
                new BrownForsytheTest(),
                new StudentTTest(),
                new WelchTTest(),
                new MannWhitneyTest(),
                new PairedTTest(),
                new WilcoxonSignedRankTest(),
                new OneSampleTTest(),
                new PearsonChiSquareTest(),
                new LikelihoodRatioGTest(),
                new FisherTest(),
                new LinearByLinearTest(),
                new CochranArmitageTest(),
                new OneWayAnovaTest(),
                new WelchAnovaTest(),
                new KruskalWallisTest(),
                new LogRankTest(),
                new RocDeLongTest());
    }
}
