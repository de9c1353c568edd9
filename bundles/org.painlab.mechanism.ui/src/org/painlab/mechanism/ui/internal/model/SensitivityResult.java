package org.painlab.mechanism.ui.internal.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A stored sensitivity or scan result (analysis {@code org.painlab.mechanism.sensitivity}) read for plotting:
 * per parameter the bars of a tornado (Morris mu* and sigma, local normalised sensitivities) or of Sobol
 * indices with their intervals, or the curves of a scan.
 *
 * @param method morris, sobol, local or scan
 * @param model the model id
 * @param output the output measure studied
 * @param bars per parameter, ordered by importance (largest first); empty for a scan
 * @param axes scan axes (id, low, high, points); empty otherwise
 * @param points scan points: parameter values then the output
 */
public record SensitivityResult(String method, String model, String output, List<Bar> bars, List<Axis> axes,
        List<double[]> points) {
    /** Copies the lists. */
    public SensitivityResult {
        bars = List.copyOf(bars);
        axes = List.copyOf(axes);
        points = List.copyOf(points);
    }

    /**
     * One parameter's values: the first (mu*, S1 or the normalised sensitivity) and the second (sigma, ST or
     * NaN), each with a 95% interval where the method gives one (else NaN).
     */
    public record Bar(String parameter, double first, double firstLow, double firstHigh, double second, double secondLow,
            double secondHigh) {
    }

    /** A scan axis. */
    public record Axis(String id, double low, double high, int points) {
    }

    /** Reads a stored body. */
    public static SensitivityResult of(Map<String, Object> body) {
        String method = Bodies.text(body, "method");
        List<Bar> bars = new ArrayList<>();
        for (Object o : Bodies.list(body.get("parameters"))) {
            Map<?, ?> m = Bodies.map(o);
            String id = Bodies.text(m, "id");
            switch (method) {
                case "morris" -> bars.add(new Bar(id, Bodies.number(m, "mu_star"), Double.NaN, Double.NaN, Bodies.number(m, "sigma"),
                        Double.NaN, Double.NaN));
                case "sobol" -> {
                    double[] c1 = Bodies.pair(m.get("S1_conf"));
                    double[] ct = Bodies.pair(m.get("ST_conf"));
                    bars.add(new Bar(id, Bodies.number(m, "S1"), c1[0], c1[1], Bodies.number(m, "ST"), ct[0], ct[1]));
                }
                default -> {
                    double v = Bodies.number(m, "normalised");
                    bars.add(new Bar(id, Double.isNaN(v) ? Bodies.number(m, "derivative") : v, Double.NaN, Double.NaN, Double.NaN,
                            Double.NaN, Double.NaN));
                }
            }
        }
        // the tornado's order: the parameter that moves the output most on top
        bars.sort(Comparator.comparingDouble((Bar b) -> "sobol".equals(method) ? orZero(b.second()) : Math.abs(orZero(b.first())))
                .reversed());
        List<Axis> axes = new ArrayList<>();
        for (Object o : Bodies.list(body.get("axes"))) {
            Map<?, ?> m = Bodies.map(o);
            axes.add(new Axis(Bodies.text(m, "id"), Bodies.number(m, "low"), Bodies.number(m, "high"), (int) Bodies.number(m, "points")));
        }
        List<double[]> points = new ArrayList<>();
        for (Object o : Bodies.list(body.get("points"))) {
            points.add(Bodies.numbers(o));
        }
        return new SensitivityResult(method, Bodies.text(body, "model"), Bodies.text(body, "output"), bars, axes, points);
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** What the first and second values are called for this method. */
    public List<String> valueNames() {
        return switch (method) {
            case "morris" -> List.of("mu* (mean |elementary effect|)", "sigma");
            case "sobol" -> List.of("S1 (first order)", "ST (total)");
            default -> List.of("normalised sensitivity (d ln y / d ln p)");
        };
    }
}
