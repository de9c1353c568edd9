package org.painlab.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.core.data.TimeCourse;
import org.painlab.mechanism.fit.FitAnalysis;
import org.painlab.mechanism.fit.FitParameter;
import org.painlab.mechanism.fit.ObservationsCsv;
import org.painlab.mechanism.fit.ObservedCourse;
import org.painlab.mechanism.fit.ParameterEstimation;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.sim.Interventions;
import org.painlab.mechanism.sim.Output;
import org.painlab.mechanism.sim.SimulationSettings;
import org.painlab.mechanism.sim.Simulator;
import org.painlab.mechanism.solve.Tolerances;

/**
 * Parameter estimation: known parameters recovered from data the model itself simulated (two trial-like arms with
 * different interventions), the least-squares estimate and its standard error against a closed form, bounds, and
 * bad CSV input named by file, line and field.
 */
class ParameterEstimationTest {
    private static final Tolerances TIGHT = new Tolerances(1e-12, 1e-10, 1_000_000);

    /** The model's pain at the given days, as an arm's means (SD 1, n 40). */
    private static TimeCourse simulatedArm(Model m, String arm, List<String> interventions, double[] days) throws Exception {
        List<Interventions.Timed> timed = new ArrayList<>();
        for (String s : interventions) {
            timed.addAll(Interventions.parse(s));
        }
        int end = (int) days[days.length - 1];
        var tc = new Simulator(new Solvers()).run(Interventions.apply(m, timed), new SimulationSettings(0, end, end, TIGHT, "radau5"),
                List.of(new Output("pain", false)), null);
        double[] means = new double[days.length];
        for (int i = 0; i < days.length; i++) {
            means[i] = tc.values()[(int) days[i]][0];
        }
        double[] sd = new double[days.length];
        int[] n = new int[days.length];
        java.util.Arrays.fill(sd, 1.0);
        java.util.Arrays.fill(n, 40);
        return new TimeCourse("vas", arm, "day", days, means, sd, n);
    }

    @Test
    @SuppressWarnings("unchecked")
    void recoversTheParametersThatSimulatedTwoArmsOfTheNeuroinflammationModel() throws Exception {
        Model model = new ModelLibrary().open("neuroinflammation-sensitization");
        Model truth = model.withParameter("k_heal", 0.15).withParameter("K_pain", 1.8);
        double[] days = {0, 3, 7, 14, 28, 56, 90};
        List<TimeCourse> courses = List.of(simulatedArm(truth, "S", List.of("glucocorticoid_snrb@-1"), days),
                simulatedArm(truth, "P", List.of(), days));
        Map<String, String> p = new HashMap<>();
        p.put(FitAnalysis.FIT, "k_heal,K_pain");
        p.put(FitAnalysis.ARMS, "S=glucocorticoid_snrb@-1;P=none");
        p.put(FitAnalysis.RTOL, "1e-10");
        AnalysisResult r = FitAnalysis.compute(model, p, new FitAnalysis.Observations(courses, "test"), null);
        Map<String, Object> body = r.body();
        assertEquals(true, body.get("converged"), String.valueOf(body.get("message")));
        List<Map<String, Object>> ps = (List<Map<String, Object>>) body.get("parameters");
        // from the model's 0.1 and 1.5: recovered to 1e-5 relative (the data are exact up to the solver's tolerance)
        assertEquals(0.15, (Double) ps.get(0).get("estimate"), 0.15 * 1e-5);
        assertEquals(1.8, (Double) ps.get(1).get("estimate"), 1.8 * 1e-5);
        assertEquals(0.1, (Double) ps.get(0).get("initial"), 0);
        assertEquals(true, ps.get(0).get("log_scale"));
        Map<String, Object> objective = (Map<String, Object>) body.get("objective");
        assertEquals(14, objective.get("n"));
        assertEquals(true, objective.get("weighted"));
        assertTrue((Double) objective.get("sse") < 1e-6 * (Double) objective.get("initial_sse"), objective.toString());
        List<Map<String, Object>> series = (List<Map<String, Object>>) body.get("series");
        assertEquals(List.of("S", "P"), series.stream().map(s -> s.get("arm")).toList());
        assertEquals(List.of("glucocorticoid_snrb@-1"), series.get(0).get("interventions"));
        List<Object> obs = (List<Object>) series.get(0).get("observed");
        List<Object> pred = (List<Object>) series.get(0).get("predicted");
        List<Object> res = (List<Object>) series.get(0).get("residuals");
        for (int i = 0; i < days.length; i++) {
            assertEquals((Double) obs.get(i) - (Double) pred.get(i), (Double) res.get(i), 1e-12);
            assertEquals(0, (Double) res.get(i), 1e-4);
        }
        List<Object> ft = (List<Object>) series.get(0).get("fitted_t");
        assertTrue(ft.size() >= 200 && (Double) ft.get(0) == 0 && (Double) ft.get(ft.size() - 1) == 90, "dense curve " + ft.size());
        assertEquals(2, ((List<?>) body.get("tables")).size());
        assertEquals("test", r.inputs().get("source"));
    }

    /** A(t) = 3 e^(-k t) (the decay test model, concentration) sampled at 0..10 with a fixed pattern of errors. */
    private static double[][] noisyDecay() {
        double[] t = new double[11];
        double[] y = new double[11];
        for (int i = 0; i <= 10; i++) {
            t[i] = i;
            y[i] = 3 * Math.exp(-0.3 * i) + 0.05 * Math.sin(7 * i + 1);
        }
        return new double[][] {t, y};
    }

    private static double sse(double k, double[] t, double[] y) {
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            double r = y[i] - 3 * Math.exp(-k * t[i]);
            s += r * r;
        }
        return s;
    }

    @Test
    void estimateAndStandardErrorMatchTheClosedFormLeastSquaresOfExponentialDecay() throws Exception {
        double[][] d = noisyDecay();
        double[] t = d[0], y = d[1];
        // reference: the minimum of the closed-form sum of squares by golden-section search
        double lo = 0.01, hi = 1, g = (Math.sqrt(5) - 1) / 2;
        while (hi - lo > 1e-13) {
            double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
            if (sse(a, t, y) < sse(b, t, y)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        double kHat = (lo + hi) / 2;
        double jj = 0;
        for (double ti : t) {
            double dj = -ti * 3 * Math.exp(-kHat * ti);
            jj += dj * dj;
        }
        double seRef = Math.sqrt(sse(kHat, t, y) / (t.length - 1) / jj);
        double[] nan = new double[t.length];
        java.util.Arrays.fill(nan, Double.NaN);
        ObservedCourse course = new ObservedCourse("data", "A", t, y, nan, new int[t.length], List.of(), List.of());
        ParameterEstimation.Problem problem = new ParameterEstimation.Problem(Models.decay(0.1),
                FitParameter.of(Models.decay(0.1), List.of("k"), List.of(), List.of()), "A", 1, List.of(course), 0, 0, TIGHT, "auto", 200);
        ParameterEstimation.Result r = new ParameterEstimation(new Solvers()).fit(problem, null);
        assertTrue(r.converged(), r.message());
        assertEquals(false, r.weighted());
        assertEquals(kHat, r.estimates().get(0).value(), 1e-6 * kHat);
        assertEquals(seRef, r.estimates().get(0).se(), 1e-3 * seRef);
        assertEquals(sse(kHat, t, y), r.sse(), 1e-6 * r.sse());
        assertTrue(r.estimates().get(0).ciLow() < kHat && kHat < r.estimates().get(0).ciHigh());
        double[] residuals = r.courses().get(0).residuals();
        for (int i = 0; i < t.length; i++) {
            assertEquals(y[i] - 3 * Math.exp(-kHat * t[i]), residuals[i], 1e-6);
        }
    }

    @Test
    void anEstimateStaysWithinItsBounds() throws Exception {
        double[][] d = noisyDecay();
        ObservedCourse course = new ObservedCourse("data", "A", d[0], d[1], new double[] {.1, .1, .1, .1, .1, .1, .1, .1, .1, .1, .1},
                new int[11], List.of(), List.of());
        Model m = Models.decay(0.1);
        ParameterEstimation.Problem problem = new ParameterEstimation.Problem(m, FitParameter.of(m, List.of("k"), List.of("k=0.01:0.2"),
                List.of()), "A", 1, List.of(course), 0, 0, TIGHT, "auto", 200);
        ParameterEstimation.Result r = new ParameterEstimation(new Solvers()).fit(problem, null);
        assertTrue(r.weighted(), "SDs given: weighted by 1/SD");
        assertEquals(0.2, r.estimates().get(0).value(), 1e-9, "the least-squares k (about 0.3) is outside 0.01:0.2");
    }

    @Test
    void badSetupsAreNamed() {
        Model m = Models.decay(0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FitParameter.of(m, List.of("kk"), List.of(), List.of()));
        assertTrue(e.getMessage().contains("'kk'") && e.getMessage().contains("[k]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FitParameter.of(m, List.of("k"), List.of("k=0.5:0.2"), List.of()));
        assertTrue(e.getMessage().contains("'k'") && e.getMessage().contains("LOW < HIGH"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FitParameter.of(m, List.of("k"), List.of("k=0.2:0.5"), List.of()));
        assertTrue(e.getMessage().contains("initial value 0.1"), e.getMessage());
    }

    @Test
    void csvObservationsAndTheirErrorsNameFileLineAndField() {
        TimeCourse tc = ObservationsCsv.parse("# pain diary\ntime,value,sd\n0,6.1,1.2\n3,3.2,\n\n90,2.0,0.9\n", "obs.csv", "data");
        assertEquals(List.of(0.0, 3.0, 90.0), java.util.Arrays.stream(tc.times()).boxed().toList());
        assertEquals(3.2, tc.means()[1], 0);
        assertTrue(Double.isNaN(tc.sds()[1]));
        assertEquals(0, tc.n()[0]);
        assertEquals(2, ObservationsCsv.parse("0,1\n1,2\n", "plain.csv", "data").times().length, "no header");
        String[][] cases = {
            {"time,value\n0,1\n1,abc\n", "obs.csv line 3, field 'value': 'abc' is not a number"},
            {"time,value,sd\n0,1,-2\n", "obs.csv line 2, field 'sd'"},
            {"time,value\n0,1\n0,2\n", "obs.csv line 3, field 'time'"},
            {"time,mean\n0,1\n", "obs.csv line 1: header must be time,value[,sd[,n]]"},
            {"time,value\n0,1,2\n", "obs.csv line 2: expected 2 fields, found 3"},
            {"time,value,sd,n\n0,1,1,2.5\n", "obs.csv line 2, field 'n'"},
            {"# nothing\n", "obs.csv: no observations"}};
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ObservationsCsv.parse(c[0], "obs.csv", "data"));
            assertTrue(e.getMessage().contains(c[1]), "expected '" + c[1] + "' in: " + e.getMessage());
        }
    }
}
