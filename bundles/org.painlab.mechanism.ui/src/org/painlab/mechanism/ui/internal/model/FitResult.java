package org.painlab.mechanism.ui.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stored model fit (analysis {@value #ANALYSIS}) read for the Fit view, in the shape agreed with the
 * estimation engine: the observable, objective, estimated parameters and one series per trial arm with the
 * observed means, their SDs, the fitted curve and the residuals.
 *
 * @param model model id
 * @param observable the model symbol compared with the data
 * @param method estimation method
 * @param converged whether the estimation converged
 * @param objective objective figures (sse, n, aic, ...) as stored
 * @param parameters the estimated (and fixed) parameters
 * @param series one per arm
 */
public record FitResult(String model, String observable, String method, boolean converged, Map<String, Object> objective,
        List<Estimate> parameters, List<Series> series) {
    /** Analysis id of a stored fit. */
    public static final String ANALYSIS = "org.painlab.mechanism.fit";

    /** Copies the lists. */
    public FitResult {
        objective = Map.copyOf(objective);
        parameters = List.copyOf(parameters);
        series = List.copyOf(series);
    }

    /** One parameter of the fit. */
    public record Estimate(String id, double initial, double estimate, double se, double lower, double upper, boolean fixed) {
    }

    /** One arm's time course: observed means (SD, n) at t, the fitted curve, predictions and residuals. */
    public record Series(String arm, String course, double[] t, double[] observed, double[] sd, double[] n, double[] fittedT,
            double[] fitted, double[] predicted, double[] residuals) {
    }

    /** Reads a stored body (missing keys give NaN or empty lists, so a partial body still shows). */
    public static FitResult of(Map<String, Object> body) {
        List<Estimate> ps = new ArrayList<>();
        for (Object o : Bodies.list(body.get("parameters"))) {
            Map<?, ?> m = Bodies.map(o);
            ps.add(new Estimate(Bodies.text(m, "id"), Bodies.number(m, "initial"), Bodies.number(m, "estimate"), Bodies.number(m, "se"),
                    Bodies.number(m, "lower"), Bodies.number(m, "upper"), Boolean.TRUE.equals(m.get("fixed"))));
        }
        List<Series> ss = new ArrayList<>();
        for (Object o : Bodies.list(body.get("series"))) {
            Map<?, ?> m = Bodies.map(o);
            double[] t = Bodies.numbers(m.get("t"));
            double[] observed = Bodies.numbers(m.get("observed"));
            double[] predicted = Bodies.numbers(m.get("predicted"));
            double[] residuals = Bodies.numbers(m.get("residuals"));
            if (residuals.length == 0 && predicted.length == observed.length) {
                residuals = new double[observed.length];
                for (int i = 0; i < observed.length; i++) {
                    residuals[i] = observed[i] - predicted[i];
                }
            }
            ss.add(new Series(Bodies.text(m, "arm"), Bodies.text(m, "course"), t, observed, Bodies.numbers(m.get("sd")),
                    Bodies.numbers(m.get("n")), Bodies.numbers(m.get("fitted_t")), Bodies.numbers(m.get("fitted")), predicted, residuals));
        }
        Map<String, Object> objective = new java.util.LinkedHashMap<>();
        Bodies.map(body.get("objective")).forEach((k, v) -> {
            if (v != null) {
                objective.put(k.toString(), v);
            }
        });
        return new FitResult(Bodies.text(body, "model"), Bodies.text(body, "observable"), Bodies.text(body, "method"),
                Boolean.TRUE.equals(body.get("converged")), objective, ps, ss);
    }
}
