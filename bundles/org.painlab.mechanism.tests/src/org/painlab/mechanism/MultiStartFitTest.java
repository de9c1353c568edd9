package org.painlab.mechanism;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.mechanism.fit.FitAnalysis;
import org.painlab.mechanism.fit.FitParameter;
import org.painlab.mechanism.fit.ObservedCourse;
import org.painlab.mechanism.fit.ParameterEstimation;
import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.Op;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.model.Rule;
import org.painlab.mechanism.solve.Tolerances;

/**
 * Multi-start fitting: on an objective with many local minima (the frequency of an oscillation) one search from a
 * poor start stops in a local minimum, several seeded starts within the bounds find the global one, and the same
 * seed gives the same fit.
 */
class MultiStartFitTest {
    private static final Tolerances TIGHT = new Tolerances(1e-12, 1e-10, 1_000_000);
    private static final double W = 2.0;

    /** dx/dt = cos(w t), x(0) = 0: x = sin(w t) / w. */
    private static Model oscillation(double w) {
        return new Model("oscillation", "oscillation", List.of(), List.of(), List.of(),
                List.of(new Parameter("w", "w", w, true), new Parameter("x", "x", 0, false)), List.of(),
                List.of(new Rule(Rule.Kind.RATE, "x", Expr.apply(Op.COS, Expr.apply(Op.TIMES, Expr.name("w"), new Expr.Time())))),
                List.of(), List.of(), null);
    }

    private static ParameterEstimation.Problem problem(int starts, long seed) {
        double[] t = new double[41];
        double[] y = new double[41];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * 0.25;
            y[i] = Math.sin(W * t[i]) / W;
        }
        double[] nan = new double[t.length];
        java.util.Arrays.fill(nan, Double.NaN);
        ObservedCourse course = new ObservedCourse("data", "A", t, y, nan, new int[t.length], List.of(), List.of());
        Model m = oscillation(0.45);
        return new ParameterEstimation.Problem(m, FitParameter.of(m, List.of("w"), List.of("w=0.2:4"), List.of()), "x", 1,
                List.of(course), 0, 0, TIGHT, "dopri5", 200, starts, seed);
    }

    @Test
    void severalStartsFindTheGlobalMinimumOneStartMisses() throws Exception {
        ParameterEstimation.Result one = new ParameterEstimation(new Solvers()).fit(problem(1, 1), null);
        assertTrue(Math.abs(one.estimates().get(0).value() - W) > 0.2,
                "from w = 0.45 one search stops in a local minimum: " + one.estimates().get(0).value());
        assertEquals(1, one.startObjectives().length);

        ParameterEstimation.Result many = new ParameterEstimation(new Solvers()).fit(problem(12, 7), null);
        assertEquals(W, many.estimates().get(0).value(), 1e-6, many.message());
        assertEquals(12, many.startObjectives().length);
        assertEquals(one.sse(), many.startObjectives()[0], 1e-9 * Math.max(1, one.sse()), "the first start is the one-start fit");
        assertTrue(many.bestStart() > 0, "a drawn start won");
        assertEquals(many.sse(), java.util.Arrays.stream(many.startObjectives()).filter(Double::isFinite).min().orElseThrow(), 1e-12);
        assertTrue(many.sse() < 1e-10, "the global minimum fits exactly: " + many.sse());
        assertTrue(many.message().startsWith("best of 12 starts (start " + (many.bestStart() + 1)), many.message());
        assertTrue(many.evaluations() > one.evaluations(), "every start's evaluations are counted");

        ParameterEstimation.Result again = new ParameterEstimation(new Solvers()).fit(problem(12, 7), null);
        assertArrayEquals(many.startObjectives(), again.startObjectives(), 0, "seeded: the same starts again");
        assertEquals(many.estimates().get(0).value(), again.estimates().get(0).value(), 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAnalysisStoresStartsAndSeed() throws Exception {
        ParameterEstimation.Problem p = problem(1, 1);
        Map<String, String> params = new HashMap<>();
        params.put(FitAnalysis.FIT, "w");
        params.put(FitAnalysis.BOUNDS, "w=0.2:4");
        params.put(FitAnalysis.OBSERVABLE, "x");
        params.put(FitAnalysis.OUTCOME, "data");
        params.put(FitAnalysis.STARTS, "6");
        params.put(FitAnalysis.SOLVER, "dopri5");
        Map<String, String> effective = FitAnalysis.effective(params);
        assertEquals("1", effective.get(FitAnalysis.SEED), "the seed is stored with more than one start");
        assertTrue(!FitAnalysis.effective(Map.of(FitAnalysis.FIT, "w")).containsKey(FitAnalysis.SEED), "a one-start fit stores none");
        org.painlab.core.data.TimeCourse tc = new org.painlab.core.data.TimeCourse("data", "A", "time", p.courses().get(0).times(),
                p.courses().get(0).observed(), p.courses().get(0).sd(), new int[p.courses().get(0).times().length]);
        AnalysisResult r = FitAnalysis.compute(p.model(), effective, new FitAnalysis.Observations(List.of(tc), "test"), null);
        List<Map<String, Object>> starts = (List<Map<String, Object>>) r.body().get("starts");
        assertEquals(6, starts.size());
        assertEquals(1, starts.stream().filter(s -> Boolean.TRUE.equals(s.get("best"))).count());
        assertTrue(String.valueOf(r.body().get("solver")).startsWith("dopri5"), String.valueOf(r.body().get("solver")));
        List<Map<String, Object>> tables = (List<Map<String, Object>>) r.body().get("tables");
        assertTrue(String.valueOf(tables.get(0).get("footnotes")).contains("6 starts"), String.valueOf(tables.get(0).get("footnotes")));
        Map<String, String> bad = new HashMap<>(effective);
        bad.put(FitAnalysis.STARTS, "0");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FitAnalysis.compute(p.model(), bad, new FitAnalysis.Observations(List.of(tc), "test"), null));
        assertTrue(e.getMessage().contains("'starts'"), e.getMessage());
    }
}
