package org.painlab.mechanism.ui.internal.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.core.chart.Chart;
import org.painlab.mechanism.sim.Interventions;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.ui.internal.model.ExprText;
import org.painlab.mechanism.ui.internal.model.FitResult;
import org.painlab.mechanism.ui.internal.model.SensitivityResult;

/** The charts of the Mechanism perspective, built from simulations and stored results. */
public final class MechanismCharts {
    private MechanismCharts() {
    }

    /** Every column of a time course against time. */
    public static LineChart timeCourse(String title, String timeUnit, TimeCourse tc, String footnote) {
        List<LineChart.Series> series = new ArrayList<>();
        for (int j = 0; j < tc.columns().size(); j++) {
            series.add(new LineChart.Series(tc.times(), column(tc, j), j, LineChart.Style.LINE, null));
        }
        return new LineChart(title, "Time (" + timeUnit + ")", tc.columns().size() == 1 ? tc.columns().get(0) : "Value",
                tc.columns(), series, List.of(), footnote, false);
    }

    /** One variable without (dashed) and with the interventions, their times marked. */
    public static LineChart overlay(String title, String timeUnit, String variable, TimeCourse baseline, TimeCourse intervened,
            List<Interventions.Timed> placed, String footnote) {
        List<LineChart.Series> series = new ArrayList<>();
        List<String> legend = new ArrayList<>();
        if (baseline != null && baseline.column(variable) >= 0) {
            series.add(new LineChart.Series(baseline.times(), column(baseline, baseline.column(variable)), 0, LineChart.Style.DASHED,
                    null));
        }
        legend.add(variable + ", baseline");
        if (intervened != null && intervened.column(variable) >= 0) {
            series.add(new LineChart.Series(intervened.times(), column(intervened, intervened.column(variable)), 1,
                    LineChart.Style.LINE, null));
            legend.add(variable + ", with interventions");
        }
        List<LineChart.Mark> marks = placed.stream().map(t -> new LineChart.Mark(t.time(), t.eventId())).toList();
        return new LineChart(title, "Time (" + timeUnit + ")", variable, legend, series, marks, footnote, false);
    }

    /** A tornado (local, Morris), Sobol bars, or scan curves. */
    public static Chart sensitivity(SensitivityResult r) {
        String what = r.output() + " in " + r.model();
        switch (r.method()) {
            case "scan" -> {
                return scan(r);
            }
            case "sobol" -> {
                List<String> names = r.bars().stream().map(SensitivityResult.Bar::parameter).toList();
                double[][] v = columns(r.bars());
                return new BarChart("Sobol indices of " + what, "Index (share of the output's variance)", names,
                        List.of(new BarChart.Bars("S1 (first order)", v[0], v[1], v[2]),
                                new BarChart.Bars("ST (total)", v[3], v[4], v[5])),
                        "Whiskers: bootstrap 95% intervals, cut at the axis. Sorted by ST.", new double[] { 0, 1 });
            }
            case "morris" -> {
                List<String> names = r.bars().stream().map(SensitivityResult.Bar::parameter).toList();
                double[][] v = columns(r.bars());
                return new BarChart("Morris screening of " + what, "Elementary effect (output units per whole range)", names,
                        List.of(new BarChart.Bars("mu* (mean |effect|)", v[0], null, null),
                                new BarChart.Bars("sigma (interaction, non-linearity)", v[3], null, null)),
                        "Tornado sorted by mu*.");
            }
            default -> {
                List<String> names = r.bars().stream().map(SensitivityResult.Bar::parameter).toList();
                double[][] v = columns(r.bars());
                return new BarChart("Local sensitivities of " + what, "Normalised sensitivity (d y / d p · p / y)", names,
                        List.of(new BarChart.Bars("normalised sensitivity", v[0], null, null)),
                        "Central differences at the model's values; tornado sorted by |sensitivity|.");
            }
        }
    }

    private static LineChart scan(SensitivityResult r) {
        if (r.axes().isEmpty()) {
            return new LineChart("Scan of " + r.output(), "", r.output(), List.of(), List.of(), List.of(), "no points", false);
        }
        SensitivityResult.Axis first = r.axes().get(0);
        int dims = r.axes().size();
        // one curve over the second axis per value of the first (the first parameter varies slowest)
        Map<Double, List<double[]>> curves = new LinkedHashMap<>();
        for (double[] pt : r.points()) {
            double key = dims == 1 ? Double.NaN : pt[0];
            curves.computeIfAbsent(key, k -> new ArrayList<>()).add(pt);
        }
        List<LineChart.Series> series = new ArrayList<>();
        List<String> legend = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Double, List<double[]>> e : curves.entrySet()) {
            List<double[]> pts = e.getValue();
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int k = 0; k < pts.size(); k++) {
                x[k] = pts.get(k)[dims - 1];
                y[k] = pts.get(k)[dims];
            }
            series.add(new LineChart.Series(x, y, i, LineChart.Style.LINE, null));
            series.add(new LineChart.Series(x, y, i, LineChart.Style.POINTS, null));
            legend.add(dims == 1 ? r.output() : first.id() + " = " + ExprText.number(e.getKey()));
            i++;
        }
        String xId = r.axes().get(dims - 1).id();
        return new LineChart("Scan of " + r.output() + " over " + String.join(" × ", r.axes().stream().map(SensitivityResult.Axis::id)
                .toList()) + " in " + r.model(), xId, r.output(), legend, series, List.of(), r.points().size() + " simulations", false);
    }

    /** Observed means ± SD (points) and the fitted curve (line) per arm. */
    public static LineChart fit(FitResult f, String timeUnit) {
        List<LineChart.Series> series = new ArrayList<>();
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < f.series().size(); i++) {
            FitResult.Series s = f.series().get(i);
            series.add(new LineChart.Series(s.fittedT(), s.fitted(), i, LineChart.Style.LINE, null));
            series.add(new LineChart.Series(s.t(), s.observed(), i, LineChart.Style.POINTS, s.sd().length == s.t().length ? s.sd() : null,
                    dodge(i, f.series().size())));
            legend.add(s.arm().isEmpty() ? "series " + (i + 1) : "arm " + s.arm());
        }
        Object sse = f.objective().get("sse");
        return new LineChart("Fit of " + f.observable() + " (" + f.model() + ")", "Time (" + timeUnit + ")", f.observable(), legend,
                series, List.of(), "Points: observed mean ± SD; lines: fitted model" + (sse == null ? "" : "; SSE "
                        + (sse instanceof Number n ? String.format(java.util.Locale.ROOT, "%.4g", n.doubleValue()) : sse))
                        + (f.converged() ? "" : "; NOT converged"), false);
    }

    /** Observed minus predicted at the observed times, per arm. */
    public static LineChart residuals(FitResult f, String timeUnit) {
        List<LineChart.Series> series = new ArrayList<>();
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < f.series().size(); i++) {
            FitResult.Series s = f.series().get(i);
            series.add(new LineChart.Series(s.t(), s.residuals(), i, LineChart.Style.POINTS, null, dodge(i, f.series().size())));
            legend.add(s.arm().isEmpty() ? "series " + (i + 1) : "arm " + s.arm());
        }
        return new LineChart("Residuals (observed − fitted)", "Time (" + timeUnit + ")", "Residual", legend, series, List.of(),
                "A good fit scatters around zero without a trend over time", true);
    }

    /** Sideways shift of arm i of n, in pixels. */
    private static double dodge(int i, int n) {
        return (i - (n - 1) / 2.0) * 5;
    }

    private static double[][] columns(List<SensitivityResult.Bar> bars) {
        double[][] v = new double[6][bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            SensitivityResult.Bar b = bars.get(i);
            v[0][i] = b.first();
            v[1][i] = b.firstLow();
            v[2][i] = b.firstHigh();
            v[3][i] = b.second();
            v[4][i] = b.secondLow();
            v[5][i] = b.secondHigh();
        }
        return v;
    }

    private static double[] column(TimeCourse tc, int j) {
        double[] y = new double[tc.times().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = tc.values()[i][j];
        }
        return y;
    }
}
