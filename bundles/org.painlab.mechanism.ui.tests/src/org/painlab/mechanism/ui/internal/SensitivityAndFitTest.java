package org.painlab.mechanism.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.mechanism.sensitivity.SensitivityAnalysis;
import org.painlab.mechanism.ui.internal.chart.BarChart;
import org.painlab.mechanism.ui.internal.chart.LineChart;
import org.painlab.mechanism.ui.internal.model.FitResult;
import org.painlab.mechanism.ui.internal.model.LoadedModel;
import org.painlab.mechanism.ui.internal.views.FitView;
import org.painlab.mechanism.ui.internal.views.ModelOutlineView;
import org.painlab.mechanism.ui.internal.views.SensitivityDialog;
import org.painlab.mechanism.ui.internal.views.SensitivityView;

/** Sensitivity runs stored in the study and drawn as tornado, Sobol bars and scan curves; a stored fit drawn. */
class SensitivityAndFitTest {
    @TempDir
    Path tmp;
    private Study study;

    @AfterEach
    void close() {
        if (study != null) {
            MechanismFixture.studies().close(study);
        }
    }

    private Study openStudy(String name) throws Exception {
        Path dir = new NewStudy(StudySchemas.contributed()).create(tmp.resolve(name), name, null, 0, null);
        study = MechanismFixture.studies().open(dir);
        return study;
    }

    private static Map<String, String> params(LoadedModel lm, String... kv) {
        Map<String, String> p = new LinkedHashMap<>(lm.analysisParameters());
        p.put(SensitivityAnalysis.OUTPUT, "pain:max");
        p.put(SensitivityAnalysis.DURATION, "60");
        p.put(SensitivityAnalysis.STEPS, "60");
        for (int i = 0; i < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        return p;
    }

    private static long runAndWait(SensitivityView v, Study s, LoadedModel lm, Map<String, String> p) throws Exception {
        v.run(s, lm, p);
        MechanismFixture.waitForJobs(SensitivityView.JOB_FAMILY, 300_000);
        MechanismFixture.processUntil(() -> v.status().contains("stored as result") || v.status().contains(": ") && !v.status()
                .startsWith("Running"), 10_000);
        assertTrue(v.status().contains("stored as result"), v.status());
        long id = Long.parseLong(v.status().replaceAll(".*stored as result (\\d+).*", "$1"));
        MechanismFixture.waitForJobs(SensitivityView.JOB_FAMILY, 30_000);
        MechanismFixture.processUntil(() -> v.rows().stream().anyMatch(r -> r.result().id() == id), 10_000);
        assertTrue(v.show(id), "listed: " + id);
        return id;
    }

    @Test
    void sensitivityRunsAreStoredAndDrawn() throws Exception {
        IWorkbenchPage page = MechanismFixture.mechanism();
        Study s = openStudy("sens");
        ModelOutlineView outline = MechanismFixture.select(page, MechanismFixture.NEURO);
        LoadedModel lm = outline.current().orElseThrow();
        SensitivityView v = (SensitivityView) page.showView(SensitivityView.ID);
        page.activate(v);

        long local = runAndWait(v, s, lm, params(lm, SensitivityAnalysis.METHOD, "local", SensitivityAnalysis.PARAMETERS,
                "injury_size,k_M_act,k_TNF,k_heal"));
        BarChart tornado = assertInstanceOf(BarChart.class, v.chart());
        assertEquals(4, tornado.categories().size());
        double[] sens = tornado.series().get(0).values();
        for (int i = 1; i < sens.length; i++) {
            assertTrue(Math.abs(sens[i - 1]) >= Math.abs(sens[i]), "tornado order: " + java.util.Arrays.toString(sens));
        }
        assertTrue(Math.abs(sens[0]) > 0, "something moves pain");
        StoredResult stored = new ResultStore(s).get(local).orElseThrow();
        assertEquals(SensitivityAnalysis.ID, stored.analysisId());
        assertEquals(MechanismFixture.NEURO, stored.parameters().get("model"));
        assertFalse(stored.inputsHash().isBlank(), "stored with provenance");
        assertTrue(stored.versions().containsKey("org.painlab.mechanism"), stored.versions().toString());

        runAndWait(v, s, lm, params(lm, SensitivityAnalysis.METHOD, "morris", SensitivityAnalysis.PARAMETERS,
                "injury_size,k_M_act,k_TNF", SensitivityAnalysis.SAMPLES, "4"));
        BarChart morris = assertInstanceOf(BarChart.class, v.chart());
        assertEquals(List.of("mu* (mean |effect|)", "sigma (interaction, non-linearity)"),
                morris.series().stream().map(BarChart.Bars::name).toList());
        assertEquals(3, morris.categories().size());

        long sobol = runAndWait(v, s, lm, params(lm, SensitivityAnalysis.METHOD, "sobol", SensitivityAnalysis.PARAMETERS,
                "injury_size,k_M_act", SensitivityAnalysis.SAMPLES, "32", SensitivityAnalysis.BOOTSTRAP, "20"));
        BarChart bars = assertInstanceOf(BarChart.class, v.chart());
        assertEquals(2, bars.series().size());
        BarChart.Bars st = bars.series().get(1);
        for (int i = 0; i < st.values().length; i++) {
            assertTrue(st.lows()[i] <= st.highs()[i], "ST interval");
            assertTrue(Double.isFinite(st.values()[i]));
        }
        page.setPartState(page.getReference(v), IWorkbenchPage.STATE_MAXIMIZED);
        MechanismFixture.screenshot("mechanism-sobol.png");
        assertTrue(v.show(local));
        MechanismFixture.screenshot("mechanism-tornado.png");
        page.setPartState(page.getReference(v), IWorkbenchPage.STATE_RESTORED);

        runAndWait(v, s, lm, params(lm, SensitivityAnalysis.METHOD, "scan", SensitivityAnalysis.PARAMETERS, "injury_size=0.5:2:5"));
        LineChart scan = assertInstanceOf(LineChart.class, v.chart());
        assertEquals(5, scan.series().get(0).x().length);
        assertEquals(0.5, scan.series().get(0).x()[0], 1e-12);
        assertEquals(2, scan.series().get(0).x()[4], 1e-12);
        double[] y = scan.series().get(0).y();
        assertTrue(y[4] > y[0], "a larger injury gives more pain at its maximum");

        // everything listed from the study, newest first; the sobol result reads back from storage alike
        v.refresh();
        MechanismFixture.waitForJobs(SensitivityView.JOB_FAMILY, 30_000);
        assertEquals(List.of("scan", "sobol", "morris", "local"), v.rows().stream().map(r -> r.method()).toList());
        assertTrue(v.show(sobol));
        // a 2-D scan: one curve over k_heal per value of injury_size
        runAndWait(v, s, lm, params(lm, SensitivityAnalysis.METHOD, "scan", SensitivityAnalysis.PARAMETERS,
                "injury_size=0.5:2:3,k_heal=0.05:0.2:3"));
        LineChart scan2 = assertInstanceOf(LineChart.class, v.chart());
        assertEquals(List.of("injury_size = 0.5", "injury_size = 1.25", "injury_size = 2"), scan2.legend());
        assertEquals(3, scan2.series().get(0).x().length);
        assertEquals(0.2, scan2.series().get(0).x()[2], 1e-12);
        assertTrue(v.show(sobol));
        Path svg = tmp.resolve("sobol.svg");
        v.saveChart(svg);
        assertTrue(Files.readString(svg).contains("ST (total)"));

        // the dialog gives the same parameters the command line passes
        SensitivityDialog d = new SensitivityDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), lm);
        d.setBlockOnOpen(false);
        d.open();
        try {
            d.set("morris", "pain:auc", "injury_size=0.5:2", "10");
            Map<String, String> p = d.parameters();
            assertNotNull(p);
            assertEquals("morris", p.get("method"));
            assertEquals("10", p.get("samples"));
            assertEquals("4", p.get("levels"), "defaults filled in as the analysis stores them");
            assertEquals(MechanismFixture.NEURO, p.get("model"));
            d.set("morris", "pain:auc", "no_such_parameter=1:2", "10");
            assertEquals(null, d.parameters(), "an unknown parameter is refused");
        } finally {
            d.close();
        }
    }

    @Test
    void cancellingARunStoresNothing() throws Exception {
        IWorkbenchPage page = MechanismFixture.mechanism();
        Study s = openStudy("cancel");
        LoadedModel lm = MechanismFixture.select(page, MechanismFixture.NEURO).current().orElseThrow();
        SensitivityView v = (SensitivityView) page.showView(SensitivityView.ID);
        // 5000 base samples of two parameters: 20,000 simulations, far longer than the test waits
        org.eclipse.core.runtime.jobs.Job job = v.run(s, lm, params(lm, SensitivityAnalysis.METHOD, "sobol",
                SensitivityAnalysis.PARAMETERS, "injury_size,k_M_act", SensitivityAnalysis.SAMPLES, "5000"));
        MechanismFixture.processUntil(() -> job.getState() == org.eclipse.core.runtime.jobs.Job.RUNNING, 10_000);
        Thread.sleep(500);
        v.cancel();
        MechanismFixture.waitForJobs(SensitivityView.JOB_FAMILY, 60_000);
        MechanismFixture.processUntil(() -> v.status().contains("cancelled"), 10_000);
        assertTrue(v.status().endsWith("cancelled, nothing stored"), v.status());
        assertTrue(new ResultStore(s).list().isEmpty(), "nothing stored");
    }

    @Test
    void aStoredFitShowsObservedMeansTheFittedCurveResidualsAndParameters() throws Exception {
        IWorkbenchPage page = MechanismFixture.mechanism();
        Study s = openStudy("fit");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", MechanismFixture.NEURO);
        body.put("observable", "pain");
        body.put("method", "levenberg-marquardt");
        body.put("converged", true);
        body.put("objective", Map.of("sse", 1.23, "weighted", true, "n", 10, "aic", -12.3));
        body.put("parameters", List.of(
                Map.of("id", "k_M_act", "initial", 2.0, "estimate", 2.41, "se", 0.3, "lower", 0.1, "upper", 10.0, "fixed", false),
                Map.of("id", "injury_size", "initial", 1.0, "estimate", 1.0, "se", 0.0, "lower", 1.0, "upper", 1.0, "fixed", true)));
        body.put("series", List.of(series("S", 6.1, 3.2, 2.4, 2.0, 1.9), series("C", 6.4, 4.1, 3.3, 2.9, 2.7)));
        body.put("tables", List.of());
        body.put("time_unit", "day");
        StoredResult stored = new ResultStore(s).add(new StoredResult(0, FitResult.ANALYSIS, "Fit of pain to the trial arms",
                Map.of("model", MechanismFixture.NEURO), "abc", Map.of("org.painlab.mechanism", "0.1.0"), null, "tester", body));

        FitView v = (FitView) page.showView(FitView.ID);
        v.refresh();
        MechanismFixture.waitForJobs(FitView.JOB_FAMILY, 30_000);
        MechanismFixture.processUntil(() -> v.shownFit() != null, 10_000);
        assertEquals(1, v.rows().size());
        assertEquals(stored.id(), v.rows().get(0).result().id());
        FitResult f = v.shownFit();
        assertEquals(2, f.series().size());
        LineChart fit = v.fitChart();
        assertEquals(List.of("arm S", "arm C"), fit.legend());
        assertEquals(4, fit.series().size(), "a curve and the observed points per arm");
        LineChart.Series observedS = fit.series().get(1);
        assertEquals(LineChart.Style.POINTS, observedS.style());
        assertEquals(3.2, observedS.y()[1], 0);
        assertEquals(1.0, observedS.error()[1], 0, "SD bars");
        LineChart res = v.residualChart();
        assertEquals(2, res.series().size());
        assertEquals(-0.1, res.series().get(0).y()[1], 1e-12);
        assertEquals(2, v.parameterGrid().shownRowCount());
        List<List<String>> cells = v.parameterGrid().shown().rows();
        assertTrue(cells.get(0).contains("k_M_act") && String.join("|", cells.get(0)).contains("2.41"), cells.toString());
        assertTrue(cells.get(1).contains("fixed"), cells.toString());
        assertTrue(v.summary().contains("converged") && v.summary().contains("sse 1.23"), v.summary());
        Path png = tmp.resolve("fit.png");
        v.saveChart(png);
        assertTrue(Files.size(png) > 1000);
        page.activate(v);
        page.setPartState(page.getReference(v), IWorkbenchPage.STATE_MAXIMIZED);
        MechanismFixture.screenshot("mechanism-fit.png");
        page.setPartState(page.getReference(v), IWorkbenchPage.STATE_RESTORED);
    }

    /** One arm: observed at days 0, 3, 30, 90, 180 with SD 1.0; a fitted curve; residuals observed - predicted. */
    private static Map<String, Object> series(String arm, double... observed) {
        double[] t = { 0, 3, 30, 90, 180 };
        List<Double> fittedT = new java.util.ArrayList<>();
        List<Double> fitted = new java.util.ArrayList<>();
        for (int d = 0; d <= 180; d += 2) {
            fittedT.add((double) d);
            fitted.add(observed[4] + (observed[0] - observed[4]) * Math.exp(-d / 20.0));
        }
        List<Double> predicted = new java.util.ArrayList<>();
        List<Double> residuals = new java.util.ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            double p = observed[4] + (observed[0] - observed[4]) * Math.exp(-t[i] / 20.0);
            double r = i == 1 ? -0.1 : observed[i] - p;
            predicted.add(observed[i] - r);
            residuals.add(r);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arm", arm);
        m.put("course", "vas");
        m.put("t", List.of(0.0, 3.0, 30.0, 90.0, 180.0));
        m.put("observed", java.util.Arrays.stream(observed).boxed().toList());
        m.put("sd", List.of(1.1, 1.0, 0.9, 0.9, 0.8));
        m.put("n", List.of(40, 40, 39, 38, 38));
        m.put("fitted_t", fittedT);
        m.put("fitted", fitted);
        m.put("predicted", predicted);
        m.put("residuals", residuals);
        return m;
    }
}
