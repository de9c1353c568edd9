package org.painlab.mechanism.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.Op;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.model.Rule;
import org.painlab.mechanism.sim.SimulationSettings;

/** Morris and Sobol against functions whose indices are known, through real simulations of models. */
class GlobalSensitivityTest {
    private static final SimulationSettings ONE_STEP = new SimulationSettings(0, 1, 1, SimulationSettings.DEFAULT_TOLERANCES, "dopri5");

    private static ModelResponse response(Model m, List<ParameterRange> ranges, String output, SimulationSettings s) {
        return new ModelResponse(m, ranges.stream().map(ParameterRange::id).toList(), s, OutputMeasure.parse(output), new Solvers());
    }

    private static List<ParameterRange> ishigamiRanges() {
        return List.of(new ParameterRange("x1", -Math.PI, Math.PI), new ParameterRange("x2", -Math.PI, Math.PI),
                new ParameterRange("x3", -Math.PI, Math.PI));
    }

    @Test
    void ishigamiIndicesMatchTheAnalyticValues() throws Exception {
        // a = 7, b = 0.1: S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437 (Ishigami & Homma 1990; Saltelli et al. 2008)
        List<ParameterRange> ranges = ishigamiRanges();
        SobolIndices.Result r = new SobolIndices(10_000, 7, 50).run(response(TestModels.ishigami(7, 0.1), ranges, "y", ONE_STEP),
                ranges, 2, null);
        double[] s1 = {0.3139, 0.4424, 0}, st = {0.5576, 0.4424, 0.2437};
        for (int i = 0; i < 3; i++) {
            SobolIndices.Index x = r.indices().get(i);
            // tolerance 0.02: about three standard errors of these estimators at N = 10,000
            assertEquals(s1[i], x.s1(), 0.02, "S1 of " + x.parameter());
            assertEquals(st[i], x.st(), 0.02, "ST of " + x.parameter());
            assertTrue(x.s1Low() <= x.s1() && x.s1() <= x.s1High(), "the S1 interval holds the estimate: " + x);
        }
        // the variance of the Ishigami function: a²/8 + b π⁴/5 + b² π⁸/18 + 1/2
        double v = 7 * 7 / 8.0 + 0.1 * Math.pow(Math.PI, 4) / 5 + 0.01 * Math.pow(Math.PI, 8) / 18 + 0.5;
        assertEquals(v, r.variance(), 0.02 * v);
        assertEquals(10_000 * 5, r.evaluations());
    }

    @Test
    void linearModelIndicesAreTheShareOfEachVariance() throws Exception {
        // x(1) = k1 + 2 k2 + 3 k3 with k uniform on [0, 1]: S1 = ST = c_i² / Σ c² = 1/14, 4/14, 9/14, and no interactions
        Model m = TestModels.linear(1, 2, 3);
        List<ParameterRange> ranges = List.of(new ParameterRange("k1", 0, 1), new ParameterRange("k2", 0, 1), new ParameterRange("k3", 0, 1));
        SobolIndices.Result r = new SobolIndices(4096, 3, 0).run(response(m, ranges, "x", ONE_STEP), ranges, 2, null);
        double[] expected = {1 / 14.0, 4 / 14.0, 9 / 14.0};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], r.indices().get(i).s1(), 0.01, "S1 of k" + (i + 1));
            assertEquals(expected[i], r.indices().get(i).st(), 0.01, "ST of k" + (i + 1));
        }
        assertEquals(14 / 12.0, r.variance(), 0.01);
        assertTrue(Double.isNaN(r.indices().get(0).s1Low()), "no bootstrap asked: no interval");
    }

    @Test
    void morrisEffectsOfALinearModelAreItsCoefficientsTimesTheRange() throws Exception {
        Model m = TestModels.linear(1, -2, 3);
        List<ParameterRange> ranges = List.of(new ParameterRange("k1", 0, 2), new ParameterRange("k2", 1, 2), new ParameterRange("k3", 0.5, 1));
        MorrisScreening.Result r = new MorrisScreening(10, 4, 11).run(response(m, ranges, "x", ONE_STEP), ranges, 2, null);
        double[] effect = {2, -2, 1.5};
        for (int i = 0; i < 3; i++) {
            MorrisScreening.Effects e = r.effects().get(i);
            // every elementary effect is exactly c_i (high − low); the solver's relative tolerance is 1e-7
            assertEquals(effect[i], e.mu(), 1e-5, "mu of " + e.parameter());
            assertEquals(Math.abs(effect[i]), e.muStar(), 1e-5, "mu* of " + e.parameter());
            assertEquals(0, e.sigma(), 1e-5, "sigma of " + e.parameter());
        }
        assertEquals(10 * 4, r.evaluations());
    }

    @Test
    void morrisRanksTheCarryingCapacityFirstInLogisticGrowth() throws Exception {
        // N(50) of dN/dt = r N (1 − N/K) from N0 ≈ 1 is at K whatever r and N0: K dominates, the others barely matter
        Expr rate = Expr.apply(Op.TIMES, Expr.name("r"), Expr.name("N"),
                Expr.apply(Op.MINUS, Expr.num(1), Expr.apply(Op.DIVIDE, Expr.name("N"), Expr.name("K"))));
        Model m = new Model("logistic", "logistic", List.of(), List.of(), List.of(),
                List.of(new Parameter("r", "r", 1, true), new Parameter("K", "K", 100, true), new Parameter("N0", "N0", 1, true),
                        new Parameter("N", "N", Double.NaN, false)),
                List.of(new org.painlab.mechanism.model.InitialAssignment("N", Expr.name("N0"))),
                List.of(new Rule(Rule.Kind.RATE, "N", rate)), List.of(), List.of(), null);
        List<ParameterRange> ranges = List.of(new ParameterRange("r", 0.5, 1.5), new ParameterRange("K", 50, 150),
                new ParameterRange("N0", 0.5, 1.5));
        SimulationSettings s = new SimulationSettings(0, 50, 50, SimulationSettings.DEFAULT_TOLERANCES, "auto");
        MorrisScreening.Result r = new MorrisScreening(20, 4, 5).run(response(m, ranges, "N", s), ranges, 2, null);
        List<MorrisScreening.Effects> ranked = r.effects().stream()
                .sorted(Comparator.comparingDouble(MorrisScreening.Effects::muStar).reversed()).toList();
        assertEquals("K", ranked.get(0).parameter(), r.effects().toString());
        // K moves N(50) by its whole range (100); r and N0 by far less than 1% of that
        assertEquals(100, ranked.get(0).muStar(), 1);
        assertTrue(ranked.get(1).muStar() < 1, r.effects().toString());
    }

    @Test
    void resultsAreTheSameOnOneAndTwoThreads() throws Exception {
        List<ParameterRange> ranges = ishigamiRanges();
        ModelResponse f = response(TestModels.ishigami(7, 0.1), ranges, "y", ONE_STEP);
        assertEquals(new SobolIndices(512, 9, 20).run(f, ranges, 1, null), new SobolIndices(512, 9, 20).run(f, ranges, 2, null));
        assertEquals(new MorrisScreening(30, 6, 9).run(f, ranges, 1, null), new MorrisScreening(30, 6, 9).run(f, ranges, 2, null));
        assertTrue(!new SobolIndices(512, 9, 0).run(f, ranges, 2, null).equals(new SobolIndices(512, 10, 0).run(f, ranges, 2, null)),
                "another seed gives another sample");
    }

    @Test
    void localSensitivitiesOfAPowerLawAreItsExponents() throws Exception {
        // x(1) = 2 k1 + 3 k2 at k = (1, 1): d x / d k = (2, 3), normalised (2/5, 3/5)
        Model m = TestModels.linear(2, 3);
        ModelResponse f = new ModelResponse(m, List.of("k1", "k2"), ONE_STEP, OutputMeasure.parse("x"), new Solvers());
        LocalSensitivity.Result r = new LocalSensitivity().run(f, List.of("k1", "k2"), f.nominal(), 2, null);
        assertEquals(5, r.output(), 1e-6);
        assertEquals(2, r.coefficients().get(0).derivative(), 1e-3);
        assertEquals(3, r.coefficients().get(1).derivative(), 1e-3);
        assertEquals(0.4, r.coefficients().get(0).normalised(), 1e-3);
        assertEquals(0.6, r.coefficients().get(1).normalised(), 1e-3);
    }

    @Test
    void scanWalksTheGridFirstParameterSlowest() throws Exception {
        Model m = TestModels.linear(1, 10);
        List<ParameterScan.Axis> axes = List.of(ParameterScan.Axis.parse("k1=0:2:3", m), ParameterScan.Axis.parse("k2=0:1:2", m));
        ParameterScan.Result r = new ParameterScan().run(new ModelResponse(m, List.of("k1", "k2"), ONE_STEP, OutputMeasure.parse("x"),
                new Solvers()), axes, 2, null);
        assertEquals(6, r.outputs().length);
        double[] expected = {0, 10, 1, 11, 2, 12};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], r.outputs()[i], 1e-6, "point " + i);
        }
        assertEquals(1.0, r.points()[2][0]);
    }

    @Test
    void outputMeasuresTakeEndTimeMaximumAndArea() throws Exception {
        // x(t) = t with dx/dt = 1: end 10, at 4 → 4, max 10, AUC 50
        Model m = TestModels.linear(1);
        SimulationSettings s = new SimulationSettings(0, 10, 10, SimulationSettings.DEFAULT_TOLERANCES, "dopri5");
        ModelResponse end = new ModelResponse(m, List.of("k1"), s, OutputMeasure.parse("x"), new Solvers());
        var tc = end.simulate(new double[] {1});
        assertEquals(10, OutputMeasure.parse("x").of(tc), 1e-6);
        assertEquals(4, OutputMeasure.parse("x@4").of(tc), 1e-6);
        assertEquals(10, OutputMeasure.parse("x:max").of(tc), 1e-6);
        assertEquals(50, OutputMeasure.parse("x:auc").of(tc), 1e-5);
    }

    @Test
    void badRangesAndOutputsAreNamed() {
        Model m = TestModels.linear(1, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterRange.parse("k1=3:1", m));
        assertTrue(e.getMessage().contains("k1") && e.getMessage().contains("LOW < HIGH"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ParameterRange.parse("kx=0:1", m));
        assertTrue(e.getMessage().contains("no parameter 'kx'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ParameterRange.parse("k2=a:1", m));
        assertTrue(e.getMessage().contains("'a' is not a number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ParameterRange.parse("x=0:1", m));
        assertTrue(e.getMessage().contains("changed by rules or events"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ModelResponse(m, List.of("k1"), ONE_STEP,
                OutputMeasure.parse("nope:max"), new Solvers()));
        assertTrue(e.getMessage().contains("no variable 'nope'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OutputMeasure.parse("x:mean"));
        assertTrue(e.getMessage().contains("x:mean"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SensitivityAnalysis.effective(Map.of("output", "x", "method", "fast")));
        assertTrue(e.getMessage().contains("'fast'"), e.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAnalysisGivesIndicesPerParameterAndATable() throws Exception {
        AnalysisResult r = SensitivityAnalysis.compute(TestModels.linear(1, 2), Map.of("method", "sobol", "output", "x", "samples", "256",
                "parameters", "k1=0:1,k2", "duration", "1", "steps", "1"), 2, null);
        List<Map<String, Object>> ps = (List<Map<String, Object>>) r.body().get("parameters");
        assertEquals(List.of("k1", "k2"), ps.stream().map(p -> p.get("id")).toList());
        // k2 defaults to ±50% of 1: [0.5, 1.5], variance 4/12 against 1/12 for k1; 0.06 is about two standard errors at N = 256
        assertEquals(0.8, (double) ps.get(1).get("S1"), 0.06);
        assertEquals(0.8, (double) ps.get(1).get("ST"), 0.06);
        assertEquals(2, ((List<?>) ps.get(1).get("ST_conf")).size());
        assertEquals(1, ((List<?>) r.body().get("tables")).size());
        assertTrue(((String) r.inputs().get("model_sbml_sha256")).matches("[0-9a-f]{64}"));
    }
}
