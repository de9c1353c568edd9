package org.painlab.stats.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.painlab.stats.ReferenceData;
import org.painlab.stats.StatisticalTests;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;
import org.painlab.core.chart.SvgPainter;
import org.painlab.core.chart.RocChart;
import org.painlab.core.chart.RocCurve;

/** The headless charts as SVG: well-formed, one line per group or marker, steps where R puts them. */
class ChartSvgTest {
    private static final int W = 900;
    private static final int H = 560;

    /** The reference case kaplan_meier_logrank (R survfit/survdiff); fails when -Dpainlab.reference is absent. */
    private static JsonNode kmCase() {
        for (JsonNode c : ReferenceData.statsReference().get("cases")) {
            if (c.get("id").asString().equals("kaplan_meier_logrank")) {
                return c;
            }
        }
        throw new IllegalStateException("reference case kaplan_meier_logrank is missing from stats/reference.json");
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    @Test
    void kaplanMeierStepsAreTheEstimatesOfR() throws Exception {
        JsonNode ref = kmCase();
        TestInput input = TestInput.of(ReferenceData.toMap(ref.get("input")));
        TestResult logRank = new StatisticalTests().get("log-rank").run(input, TestOptions.defaults());
        List<KmCurve> curves = KmCurve.fromLogRank(logRank, input);
        KaplanMeierChart chart = new KaplanMeierChart("KM", "Months", curves, false, logRank.pValue(), 0.95);
        Document doc = SvgDocs.parse(SvgPainter.render(chart, W, H));
        List<Element> lines = SvgDocs.elements(doc, "polyline");
        assertEquals(2, curves.size());
        assertEquals(curves.size(), lines.size(), "one step line per group");
        for (JsonNode stratum : ref.get("output").get("km")) {
            String group = stratum.get("stratum").asString().replace("group=", "");
            int g = List.of(curves.get(0).label(), curves.get(1).label()).indexOf(group);
            assertTrue(g >= 0, group + " among " + curves);
            KmCurve c = curves.get(g);
            double[] time = doubles(stratum.get("time"));
            double[] surv = doubles(stratum.get("surv"));
            assertArrayEquals(time, c.time(), 0, "event times of " + group);
            assertArrayEquals(surv, c.surv(), 1e-12, "estimates of " + group);
            // the drawn steps: pixel y is affine in the estimate, pixel x in the time
            List<double[]> pts = SvgDocs.points(lines.get(g));
            assertEquals(2 * time.length + 2, pts.size(), "start, two points per event, end");
            // scales from the longest drop and the latest time, where the 0.1 px rounding of the SVG matters least
            int n = time.length;
            double y1 = pts.get(0)[1];
            double perSurv = (y1 - pts.get(2 * n)[1]) / (1 - surv[n - 1]);
            double x0 = pts.get(0)[0];
            double perTime = (pts.get(2 * n)[0] - x0) / time[n - 1];
            for (int i = 0; i < time.length; i++) {
                double[] before = pts.get(2 * i + 1);
                double[] after = pts.get(2 * i + 2);
                assertEquals(x0 + perTime * time[i], after[0], 0.15, group + " step at " + time[i]);
                assertEquals(before[0], after[0], 1e-9, "vertical drop at " + time[i]);
                assertEquals(y1 - perSurv * (1 - surv[i]), after[1], 0.15, group + " estimate after " + time[i]);
                assertEquals(y1 - perSurv * (1 - (i == 0 ? 1 : surv[i - 1])), before[1], 0.15, group + " before " + time[i]);
            }
        }
        KmCurve s = curves.get(List.of(curves.get(0).label(), curves.get(1).label()).indexOf("S"));
        assertArrayEquals(new double[] { 5, 8, 15, 20, 22 }, s.censored(), 0, "censored in S");
        assertEquals(22, s.end(), 0);
    }

    @Test
    void kaplanMeierBandsAreExtraPolygonsNotLines() throws Exception {
        TestInput input = TestInput.of(ReferenceData.toMap(kmCase().get("input")));
        TestResult logRank = new StatisticalTests().get("log-rank").run(input, TestOptions.defaults());
        String svg = SvgPainter.render(new KaplanMeierChart("KM", "Months", KmCurve.fromLogRank(logRank, input), true,
                logRank.pValue(), 0.95), W, H);
        Document doc = SvgDocs.parse(svg);
        assertEquals(2, SvgDocs.elements(doc, "polyline").size());
        assertEquals(2, SvgDocs.elements(doc, "polygon").size(), "one band per group");
        assertTrue(svg.contains("Log-rank P = 0.426"), "log-rank P of survdiff in the footnote");
    }

    @Test
    void rocOneLinePerMarkerWithAucInTheLegend() throws Exception {
        // ties within and across groups, so the curve has diagonal pieces
        Map<String, Object> fields = Map.of("label", List.of(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 1),
                "marker1", List.of(1.0, 2.0, 2.0, 3.5, 4.0, 2.0, 3.5, 5.0, 6.0, 7.0, 1.5, 4.5),
                "marker2", List.of(2.0, 1.0, 3.0, 3.0, 5.0, 4.0, 3.0, 6.0, 2.5, 8.0, 0.5, 5.0));
        TestInput input = TestInput.of(fields);
        TestResult r = new StatisticalTests().get("roc-delong").run(input, TestOptions.defaults());
        List<RocCurve> curves = org.painlab.stats.chart.RocCurves.fromDeLong(r, input);
        assertEquals(2, curves.size());
        for (int i = 0; i < 2; i++) {
            RocCurve c = curves.get(i);
            assertEquals(r.extraDouble("auc" + (i + 1)), c.area(), 1e-12, "trapezoids under the points = AUC");
            assertEquals(1, c.fpr()[0], 0);
            assertEquals(1, c.tpr()[0], 0);
            assertEquals(0, c.fpr()[c.fpr().length - 1], 0);
            assertEquals(0, c.tpr()[c.tpr().length - 1], 0);
        }
        String svg = SvgPainter.render(new RocChart("ROC", curves, "DeLong"), W, H);
        Document doc = SvgDocs.parse(svg);
        assertEquals(2, SvgDocs.elements(doc, "polyline").size(), "one curve per marker");
        assertTrue(svg.contains(RocChart.legend(curves.get(0))) && svg.contains("95% CI"), "AUC (95% CI) in the legend");
        assertTrue(SvgDocs.elements(doc, "line").stream().anyMatch(l -> l.hasAttribute("stroke-dasharray")),
                "the chance diagonal");
    }

    @Test
    void forestPlotOneWhiskerPerRowAndNullLineAtOneForRatios() throws Exception {
        List<ForestRow> rows = List.of(new ForestRow("a", 1.8, 1.1, 2.9), new ForestRow("b", 0.7, 0.4, 1.2),
                new ForestRow("c", 2.5, Double.NaN, Double.NaN));
        ForestChart ratio = new ForestChart("F", "risk ratio", rows, true, 0.95);
        assertEquals(1, ratio.nullValue(), 0);
        assertEquals(0, new ForestChart("F", "mean difference", rows, false, 0.95).nullValue(), 0);
        String svg = SvgPainter.render(ratio, W, ratio.preferredHeight() + 200);
        Document doc = SvgDocs.parse(svg);
        // one square per row (after the white background)
        long squares = SvgDocs.elements(doc, "rect").stream().filter(r -> !r.getAttribute("fill").equals("#ffffff")).count();
        assertEquals(3, squares);
        assertTrue(svg.contains("1.80 (1.10 to 2.90)") && svg.contains("(log scale)") && svg.contains("SIMULATED"), svg);
        assertEquals("risk ratio", EffectKinds.kind("risk ratio (row 1 / row 2)"));
        assertEquals("mean difference", EffectKinds.kind("mean difference (x - y, normal approximation)"));
    }
}
