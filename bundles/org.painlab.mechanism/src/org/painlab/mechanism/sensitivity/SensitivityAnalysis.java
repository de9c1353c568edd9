package org.painlab.mechanism.sensitivity;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.analysis.Analysis;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.mechanism.ModelLibrary;
import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.internal.sensitivity.ParallelEvaluation;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sbml.Sbml;
import org.painlab.mechanism.sim.SimulationSettings;

/**
 * Sensitivity of a mechanism model's output as an analysis (id {@value #ID}) whose result is stored in a study
 * with provenance. Parameters: {@value #MODEL} (an installed model's id) or {@value #SBML} (SBML text);
 * {@value #METHOD} ({@code morris}, {@code sobol}, {@code local} or {@code scan}); {@value #OUTPUT}
 * ({@code VAR}, {@code VAR:max}, {@code VAR:auc}, {@code VAR@t}); {@value #PARAMETERS} (comma-separated
 * {@code p=lo:hi} or {@code p} for ±50% of its value; {@code p=lo:hi:n} for a scan; default: every constant
 * non-zero parameter ±50%); {@value #SAMPLES} (Morris trajectories or Sobol base samples), {@value #SEED},
 * {@value #LEVELS} (Morris, default 4), {@value #BOOTSTRAP} (Sobol, default 100), {@value #START},
 * {@value #DURATION} (default 100), {@value #STEPS} (default 100), {@value #SOLVER} (default auto).
 * Reads no study data; its inputs are the model's SBML (hashed).
 *
 * @since 0.1
 */
public final class SensitivityAnalysis implements Analysis {
    /** The analysis id saved studies refer to. */
    public static final String ID = "org.painlab.mechanism.sensitivity";
    public static final String MODEL = "model";
    public static final String SBML = "sbml";
    public static final String METHOD = "method";
    public static final String OUTPUT = "output";
    public static final String PARAMETERS = "parameters";
    public static final String SAMPLES = "samples";
    public static final String SEED = "seed";
    public static final String LEVELS = "levels";
    public static final String BOOTSTRAP = "bootstrap";
    public static final String START = "start";
    public static final String DURATION = "duration";
    public static final String STEPS = "steps";
    public static final String SOLVER = "solver";

    @Override
    public AnalysisResult run(Study study, Map<String, String> parameters, IProgressMonitor monitor) throws StudyException {
        try {
            return compute(model(parameters), parameters, ParallelEvaluation.defaultThreads(), monitor);
        } catch (SensitivityException | ModelException | UnsupportedFeatureException | IllegalArgumentException e) {
            throw new StudyException((study == null ? "" : study.folder() + ": ") + e.getMessage(), e);
        }
    }

    /**
     * The model the parameters name: {@value #SBML} text, else the installed model {@value #MODEL}.
     *
     * @throws ModelException when neither is given, the id is unknown or the SBML is invalid
     */
    public static Model model(Map<String, String> parameters) throws ModelException, UnsupportedFeatureException {
        String sbml = parameters.get(SBML);
        if (sbml != null && !sbml.isBlank()) {
            return Sbml.read(new ByteArrayInputStream(sbml.getBytes(StandardCharsets.UTF_8)), "parameter '" + SBML + "'");
        }
        String id = parameters.get(MODEL);
        if (id == null || id.isBlank()) {
            throw new ModelException("parameter '" + MODEL + "' (an installed model's id) or '" + SBML + "' (SBML text) is required");
        }
        return new ModelLibrary().open(id);
    }

    /**
     * The parameters with every default filled in (what is stored as the result's parameters).
     *
     * @throws IllegalArgumentException naming a missing or bad parameter
     */
    public static Map<String, String> effective(Map<String, String> parameters) {
        Map<String, String> p = new TreeMap<>();
        p.put(METHOD, "sobol");
        p.put(SEED, "1");
        p.put(START, "0");
        p.put(DURATION, "100");
        p.put(STEPS, "100");
        p.put(SOLVER, "auto");
        p.putAll(parameters);
        String method = p.get(METHOD);
        switch (method) {
            case "morris" -> {
                p.putIfAbsent(SAMPLES, "20");
                p.putIfAbsent(LEVELS, "4");
            }
            case "sobol" -> {
                p.putIfAbsent(SAMPLES, "1000");
                p.putIfAbsent(BOOTSTRAP, "100");
            }
            case "local", "scan" -> {
                // no sampling
            }
            default -> throw new IllegalArgumentException("parameter '" + METHOD + "': '" + method
                    + "' is not one of morris, sobol, local, scan");
        }
        if (p.get(OUTPUT) == null || p.get(OUTPUT).isBlank()) {
            throw new IllegalArgumentException("parameter '" + OUTPUT + "' (VAR, VAR:max, VAR:auc or VAR@t) is required");
        }
        return p;
    }

    /**
     * Runs the analysis on a model.
     *
     * @param model the model (read from the parameters by {@link #model}, or given by a front end)
     * @param parameters as {@link #effective}
     * @param threads worker threads (the result does not depend on them)
     * @param monitor cancellation (may be null)
     * @throws SensitivityException when a simulation fails
     * @throws IllegalArgumentException naming a bad parameter or range
     * @throws ModelException when the model cannot be written for the provenance
     */
    public static AnalysisResult compute(Model model, Map<String, String> parameters, int threads, IProgressMonitor monitor)
            throws SensitivityException, ModelException {
        Map<String, String> p = effective(parameters);
        String method = p.get(METHOD);
        OutputMeasure output = OutputMeasure.parse(p.get(OUTPUT));
        SimulationSettings settings;
        try {
            settings = new SimulationSettings(number(p, START), number(p, DURATION), integer(p, STEPS),
                    SimulationSettings.DEFAULT_TOLERANCES, p.get(SOLVER));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("simulation settings: " + e.getMessage(), e);
        }
        Solvers solvers = new Solvers();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model.id());
        body.put(METHOD, method);
        body.put(OUTPUT, output.text());
        List<String> header;
        List<Object> rows = new ArrayList<>();
        List<Object> perParameter = new ArrayList<>();
        String title;
        if ("scan".equals(method)) {
            List<ParameterScan.Axis> axes = new ArrayList<>();
            for (String s : list(p.get(PARAMETERS))) {
                axes.add(ParameterScan.Axis.parse(s, model));
            }
            if (axes.isEmpty()) {
                throw new IllegalArgumentException("parameter '" + PARAMETERS + "': a scan needs p=LOW:HIGH:N (one or two)");
            }
            ModelResponse response = new ModelResponse(model, axes.stream().map(a -> a.range().id()).toList(), settings, output, solvers);
            ParameterScan.Result r = new ParameterScan().run(response, axes, threads, monitor);
            header = new ArrayList<>(axes.stream().map(a -> a.range().id()).toList());
            header.add(output.text());
            List<Object> points = new ArrayList<>();
            for (int i = 0; i < r.points().length; i++) {
                List<Object> row = new ArrayList<>();
                for (double v : r.points()[i]) {
                    row.add(v);
                }
                row.add(r.outputs()[i]);
                points.add(row);
                rows.add(row);
            }
            body.put("axes", axes.stream().map(a -> (Object) ordered("id", a.range().id(), "low", a.range().low(), "high",
                    a.range().high(), "points", a.points())).toList());
            body.put("points", points);
            title = "Scan of " + output.text() + " over " + String.join(" × ", header.subList(0, axes.size()));
        } else {
            List<ParameterRange> ranges = ranges(p.get(PARAMETERS), model);
            ModelResponse response = new ModelResponse(model, ranges.stream().map(ParameterRange::id).toList(), settings, output,
                    solvers);
            body.put("ranges", ranges.stream().map(r -> (Object) ordered("id", r.id(), "low", r.low(), "high", r.high())).toList());
            switch (method) {
                case "morris" -> {
                    MorrisScreening.Result r = new MorrisScreening(integer(p, SAMPLES), integer(p, LEVELS), integer(p, SEED))
                            .run(response, ranges, threads, monitor);
                    header = List.of("Parameter", "mu", "mu*", "sigma");
                    for (MorrisScreening.Effects e : r.effects()) {
                        perParameter.add(ordered("id", e.parameter(), "mu", e.mu(), "mu_star", e.muStar(), "sigma", e.sigma()));
                        rows.add(List.of(e.parameter(), fmt(e.mu()), fmt(e.muStar()), fmt(e.sigma())));
                    }
                    body.put("trajectories", r.trajectories());
                    body.put("levels", r.levels());
                    body.put("evaluations", r.evaluations());
                    title = "Morris screening of " + output.text() + " (" + r.trajectories() + " trajectories, " + r.levels() + " levels)";
                }
                case "sobol" -> {
                    SobolIndices.Result r = new SobolIndices(integer(p, SAMPLES), integer(p, SEED), integer(p, BOOTSTRAP))
                            .run(response, ranges, threads, monitor);
                    header = List.of("Parameter", "S1", "S1 95% CI", "ST", "ST 95% CI");
                    for (SobolIndices.Index x : r.indices()) {
                        Map<String, Object> m = ordered("id", x.parameter(), "S1", x.s1(), "ST", x.st());
                        if (r.bootstrap() > 0) {
                            m.put("S1_conf", List.of(x.s1Low(), x.s1High()));
                            m.put("ST_conf", List.of(x.stLow(), x.stHigh()));
                        }
                        perParameter.add(m);
                        rows.add(List.of(x.parameter(), fmt(x.s1()), ci(x.s1Low(), x.s1High()), fmt(x.st()), ci(x.stLow(), x.stHigh())));
                    }
                    body.put("samples", r.samples());
                    body.put("bootstrap", r.bootstrap());
                    body.put("output_mean", r.mean());
                    body.put("output_variance", r.variance());
                    body.put("evaluations", r.evaluations());
                    title = "Sobol indices of " + output.text() + " (" + r.samples() + " base samples)";
                }
                default -> {
                    LocalSensitivity.Result r = new LocalSensitivity().run(response,
                            ranges.stream().map(ParameterRange::id).toList(), response.nominal(), threads, monitor);
                    header = List.of("Parameter", "value", "d output / d p", "normalised");
                    for (LocalSensitivity.Coefficient c : r.coefficients()) {
                        perParameter.add(ordered("id", c.parameter(), "value", c.value(), "derivative", c.derivative(), "normalised",
                                Double.isNaN(c.normalised()) ? null : c.normalised()));
                        rows.add(List.of(c.parameter(), fmt(c.value()), fmt(c.derivative()), fmt(c.normalised())));
                    }
                    body.put("nominal_output", r.output());
                    title = "Local sensitivities of " + output.text();
                }
            }
            body.put(PARAMETERS, perParameter);
        }
        body.put("tables", List.of(ordered("title", title + " in " + model.id(), "header", header, "rows", rows, "footnotes",
                List.of("Simulated from " + settings.start() + " over " + settings.duration() + " in " + settings.steps()
                        + " steps (solver " + settings.solver() + "); parameters uniform over their ranges."))));
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("model", model.id());
        inputs.put("model_sbml_sha256", sha256(Sbml.write(model)));
        return new AnalysisResult(title, body, inputs);
    }

    /**
     * The ranges of a comma-separated list ({@code p=lo:hi} or {@code p}); the defaults when empty.
     *
     * @throws IllegalArgumentException naming a bad range, or when the model has nothing to vary
     */
    public static List<ParameterRange> ranges(String spec, Model model) {
        List<ParameterRange> out = new ArrayList<>();
        for (String s : list(spec)) {
            ParameterRange r = ParameterRange.parse(s, model);
            if (out.stream().anyMatch(x -> x.id().equals(r.id()))) {
                throw new IllegalArgumentException("parameter range '" + s + "': parameter '" + r.id() + "' is given twice");
            }
            out.add(r);
        }
        if (out.isEmpty()) {
            out.addAll(ParameterRange.defaults(model));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("model '" + model.id() + "' has no constant non-zero parameter to vary; give ranges as p=LOW:HIGH");
        }
        return out;
    }

    private static List<String> list(String spec) {
        List<String> out = new ArrayList<>();
        if (spec != null) {
            for (String s : spec.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String fmt(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.4g", x);
    }

    private static String ci(double lo, double hi) {
        return Double.isNaN(lo) ? "–" : String.format(Locale.ROOT, "%.3f to %.3f", lo, hi);
    }

    private static int integer(Map<String, String> p, String key) {
        try {
            return Integer.parseInt(p.get(key).strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("parameter '" + key + "': '" + p.get(key) + "' is not a whole number");
        }
    }

    private static double number(Map<String, String> p, String key) {
        try {
            return Double.parseDouble(p.get(key).strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("parameter '" + key + "': '" + p.get(key) + "' is not a number");
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
