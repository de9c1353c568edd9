package org.painlab.mechanism.fit;

import static org.painlab.mechanism.internal.analysis.BodyValues.fmt;
import static org.painlab.mechanism.internal.analysis.BodyValues.integers;
import static org.painlab.mechanism.internal.analysis.BodyValues.number;
import static org.painlab.mechanism.internal.analysis.BodyValues.numbers;
import static org.painlab.mechanism.internal.analysis.BodyValues.ordered;

import java.util.ArrayList;
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
import org.painlab.core.data.StudyData;
import org.painlab.core.data.TimeCourse;
import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.internal.analysis.BodyValues;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sensitivity.SensitivityAnalysis;
import org.painlab.mechanism.sim.ParameterValues;
import org.painlab.mechanism.solve.Tolerances;

/**
 * Parameter estimation of a mechanism model against observed time courses, as an analysis (id {@value #ID},
 * {@code appliesTo="timecourses"}) stored in the study with provenance. The courses are the study's (each trial
 * arm's mean, SD and n per day of one outcome, from core's {@link StudyData}), or a CSV file's text given as
 * {@value #DATA}. Parameters: {@value #MODEL} or {@value #SBML}; {@value #FIT} (comma-separated ids);
 * {@value #BOUNDS} ({@code p=lo:hi,...}); {@value #INITIAL} ({@code p=v,...}); {@value #SET} (fixed values
 * {@code p=v,...}); {@value #OBSERVABLE} (default pain); {@value #SCALE} (data units per model unit, default 1);
 * {@value #OUTCOME} (default vas); {@value #ARMS} ({@code S=glucocorticoid_snrb@-1;P=none}: the arms fitted and
 * the interventions each gets, several separated by commas; default every arm, none); {@value #START} (model
 * time of the simulations' start, default min(0, first observation)); {@value #TIME_OFFSET} (model time = data
 * time + offset, default 0); {@value #SOLVER}; {@value #RTOL}; {@value #MAX_EVALUATIONS} (default 400, per start);
 * {@value #STARTS} (default 1: Levenberg-Marquardt searches, the first from the initial values, the others from points
 * drawn within the bounds, the best reported) and {@value #SEED} (default 1, of the drawn points).
 * The body follows the agreed fit shape (model, observable, method, converged, objective, parameters, series,
 * tables) read by the Mechanism UI's Fit view.
 *
 * @since 0.1
 */
public final class FitAnalysis implements Analysis {
    /** The analysis id saved studies refer to. */
    public static final String ID = "org.painlab.mechanism.fit";
    public static final String MODEL = SensitivityAnalysis.MODEL;
    public static final String SBML = SensitivityAnalysis.SBML;
    public static final String FIT = "fit";
    public static final String BOUNDS = "bounds";
    public static final String INITIAL = "initial";
    public static final String SET = "set";
    public static final String OBSERVABLE = "observable";
    public static final String SCALE = "scale";
    public static final String OUTCOME = "outcome";
    public static final String ARMS = "arms";
    public static final String DATA = "data";
    public static final String DATA_NAME = "data_name";
    public static final String START = "start";
    public static final String TIME_OFFSET = "time_offset";
    public static final String SOLVER = "solver";
    public static final String RTOL = "rtol";
    public static final String MAX_EVALUATIONS = "max_evaluations";
    public static final String STARTS = "starts";
    public static final String SEED = "seed";

    @Override
    public AnalysisResult run(Study study, Map<String, String> parameters, IProgressMonitor monitor) throws StudyException {
        String where = study == null ? "" : study.folder() + ": ";
        try {
            Model model = SensitivityAnalysis.model(parameters);
            Observations obs = observations(study, parameters);
            return compute(model, parameters, obs, monitor);
        } catch (FitException | ModelException | UnsupportedFeatureException | IllegalArgumentException e) {
            throw new StudyException(where + e.getMessage(), e);
        }
    }

    /**
     * Observed courses and where they came from.
     *
     * @param courses the courses, one per arm or group
     * @param source the data provider's bundle, or the CSV file's name
     */
    public record Observations(List<TimeCourse> courses, String source) {
    }

    /**
     * The courses to fit: the {@value #DATA} CSV text when given, else the study's time courses.
     *
     * @throws StudyException when the study cannot be read
     * @throws IllegalArgumentException naming the CSV file, line and field, or when neither is available
     */
    public static Observations observations(Study study, Map<String, String> parameters) throws StudyException {
        String data = parameters.get(DATA);
        if (data != null && !data.isBlank()) {
            String name = parameters.getOrDefault(DATA_NAME, "parameter '" + DATA + "'");
            return new Observations(List.of(ObservationsCsv.parse(data, name, parameters.getOrDefault(OUTCOME, "data"))), name);
        }
        if (study == null) {
            throw new IllegalArgumentException("no observations: give a study or parameter '" + DATA + "' (CSV text time,value[,sd[,n]])");
        }
        StudyData sd = new StudyData();
        String source = String.join(",", sd.providers().stream().map(c -> c.contributor()).distinct().toList());
        return new Observations(sd.timeCourses(study), source);
    }

    /**
     * Runs the fit.
     *
     * @param model the model (from {@link SensitivityAnalysis#model} or a front end)
     * @param parameters the analysis parameters
     * @param observations the courses to choose from (by outcome and arms)
     * @param monitor cancellation (may be null)
     * @throws FitException naming what is wrong with the setup, or a simulation that failed
     * @throws ModelException when the model cannot be written for the provenance
     * @throws IllegalArgumentException naming a bad parameter
     */
    public static AnalysisResult compute(Model model, Map<String, String> parameters, Observations observations, IProgressMonitor monitor)
            throws FitException, ModelException {
        Map<String, Double> fixed = ParameterValues.parse(model, ParameterValues.list(parameters.get(SET)));
        Model m = ParameterValues.apply(model, fixed);
        List<String> fitIds = ParameterValues.list(parameters.get(FIT));
        for (String id : fitIds) {
            if (fixed.containsKey(id)) {
                throw new IllegalArgumentException("parameter '" + id + "' is both fitted and fixed (set); choose one");
            }
        }
        List<FitParameter> fitted = FitParameter.of(m, fitIds, ParameterValues.list(parameters.get(BOUNDS)),
                ParameterValues.list(parameters.get(INITIAL)));
        String observable = parameters.getOrDefault(OBSERVABLE, "pain");
        boolean csv = parameters.get(DATA) != null && !parameters.get(DATA).isBlank();
        String outcome = parameters.getOrDefault(OUTCOME, csv ? "data" : "vas");
        List<ObservedCourse> courses = select(observations, outcome, parameters.get(ARMS));
        double offset = numberParam(parameters, TIME_OFFSET, 0);
        double first = courses.stream().mapToDouble(c -> c.times()[0]).min().orElse(0) + offset;
        double start = numberParam(parameters, START, Math.min(0, first));
        double rtol = numberParam(parameters, RTOL, 1e-8);
        if (!(rtol > 0 && rtol < 1)) {
            throw new IllegalArgumentException("parameter '" + RTOL + "': " + rtol + " must be between 0 and 1");
        }
        int maxEvaluations = (int) numberParam(parameters, MAX_EVALUATIONS, 400);
        if (maxEvaluations < 2) {
            throw new IllegalArgumentException("parameter '" + MAX_EVALUATIONS + "': must be at least 2");
        }
        String solver = parameters.getOrDefault(SOLVER, "auto");
        double starts = numberParam(parameters, STARTS, 1);
        if (starts < 1 || starts > 1000 || starts != Math.rint(starts)) {
            throw new IllegalArgumentException("parameter '" + STARTS + "': " + parameters.get(STARTS) + " must be a whole number from 1 to 1000");
        }
        double seed = numberParam(parameters, SEED, 1);
        if (seed != Math.rint(seed)) {
            throw new IllegalArgumentException("parameter '" + SEED + "': " + parameters.get(SEED) + " must be a whole number");
        }
        ParameterEstimation.Problem problem = new ParameterEstimation.Problem(m, fitted, observable, numberParam(parameters, SCALE, 1), courses,
                start, offset, new Tolerances(rtol * 1e-2, rtol, 1_000_000), solver, maxEvaluations, (int) starts, (long) seed);
        ParameterEstimation.Result r = new ParameterEstimation(new Solvers()).fit(problem, monitor);
        String timeUnit = observations.courses().stream().filter(c -> c.outcome().equals(outcome)).map(TimeCourse::timeUnit)
                .filter(u -> u != null && !u.isBlank()).findFirst().orElse(null);
        return result(model, m, parameters, observations.source(), problem, fixed, r, timeUnit);
    }

    private static List<ObservedCourse> select(Observations observations, String outcome, String arms) {
        List<TimeCourse> ofOutcome = observations.courses().stream().filter(c -> c.outcome().equals(outcome)).toList();
        if (ofOutcome.isEmpty()) {
            throw new IllegalArgumentException("outcome '" + outcome + "': no time course of it in " + observations.source() + " (courses: "
                    + observations.courses().stream().map(TimeCourse::outcome).distinct().toList() + ")");
        }
        Map<String, List<String>> mapping = new LinkedHashMap<>();
        if (arms != null && !arms.isBlank()) {
            for (String a : arms.split(";")) {
                if (a.isBlank()) {
                    continue;
                }
                int eq = a.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("arm '" + a.strip() + "': expected ARM=INTERVENTION@t[,...] or ARM=none");
                }
                String arm = a.substring(0, eq).strip();
                String what = a.substring(eq + 1).strip();
                mapping.put(arm, what.isEmpty() || what.equalsIgnoreCase("none") ? List.of() : ParameterValues.list(what));
            }
        } else {
            ofOutcome.forEach(c -> mapping.put(c.group(), List.of()));
        }
        List<ObservedCourse> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : mapping.entrySet()) {
            TimeCourse tc = ofOutcome.stream().filter(c -> c.group().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("arm '" + e.getKey() + "': the " + outcome + " courses have arms "
                            + ofOutcome.stream().map(TimeCourse::group).toList()));
            try {
                out.add(ObservedCourse.of(tc, e.getValue()));
            } catch (IllegalArgumentException x) {
                throw new IllegalArgumentException("arm '" + e.getKey() + "': " + x.getMessage(), x);
            }
        }
        return out;
    }

    private static AnalysisResult result(Model original, Model fittedModel, Map<String, String> parameters, String source,
            ParameterEstimation.Problem problem, Map<String, Double> fixed, ParameterEstimation.Result r, String timeUnit)
            throws ModelException {
        Map<String, Object> body = new LinkedHashMap<>();
        // the installed model's id when it came from the library (what the UI opens), else the SBML model's id
        body.put("model", parameters.get(MODEL) != null && !parameters.get(MODEL).isBlank() && (parameters.get(SBML) == null
                || parameters.get(SBML).isBlank()) ? parameters.get(MODEL) : original.id());
        body.put("observable", problem.observable());
        body.put("method", "levenberg-marquardt");
        body.put("converged", r.converged());
        body.put("message", r.message());
        body.put("solver", r.solver());
        if (r.startObjectives().length > 1) {
            List<Object> starts = new ArrayList<>();
            for (int i = 0; i < r.startObjectives().length; i++) {
                starts.add(ordered("start", i + 1, "sse", number(r.startObjectives()[i]), "best", i == r.bestStart()));
            }
            body.put("starts", starts);
        }
        body.put("objective", ordered("sse", number(r.sse()), "weighted", r.weighted(), "n", r.n(), "aic", number(r.aic()), "bic",
                number(r.bic()), "initial_sse", number(r.initialSse()), "iterations", r.iterations(), "evaluations", r.evaluations()));
        List<Object> ps = new ArrayList<>();
        List<Object> rows = new ArrayList<>();
        for (ParameterEstimation.Estimate e : r.estimates()) {
            FitParameter fp = e.parameter();
            ps.add(ordered("id", fp.id(), "initial", fp.initial(), "estimate", e.value(), "se", number(e.se()), "lower", number(fp.lower()),
                    "upper", number(fp.upper()), "fixed", false, "log_scale", fp.logScale(), "ci95", java.util.Arrays.asList(number(e.ciLow()),
                            number(e.ciHigh()))));
            rows.add(List.of(fp.id(), fmt(e.value()), fmt(e.se()), Double.isFinite(e.se()) ? fmt(e.ciLow()) + " to " + fmt(e.ciHigh()) : "–",
                    fmt(fp.initial()), fmt(fp.lower()) + " to " + fmt(fp.upper()), fp.logScale() ? "log" : "linear"));
        }
        for (Map.Entry<String, Double> f : fixed.entrySet()) {
            ps.add(ordered("id", f.getKey(), "initial", f.getValue(), "estimate", f.getValue(), "se", null, "lower", null, "upper", null,
                    "fixed", true));
            rows.add(List.of(f.getKey(), fmt(f.getValue()), "fixed", "–", fmt(f.getValue()), "–", "–"));
        }
        body.put("parameters", ps);
        List<Object> corr = new ArrayList<>();
        for (double[] row : r.correlations()) {
            corr.add(numbers(row));
        }
        body.put("correlations", corr);
        List<Object> series = new ArrayList<>();
        List<Object> fitRows = new ArrayList<>();
        for (ParameterEstimation.CourseFit cf : r.courses()) {
            ObservedCourse c = cf.course();
            double[] res = cf.residuals();
            series.add(ordered("arm", c.arm(), "course", c.course(), "interventions", c.interventionText(), "t", numbers(c.times()),
                    "observed", numbers(c.observed()), "sd", numbers(c.sd()), "n", integers(c.n()), "fitted_t", numbers(cf.curveTimes()),
                    "fitted", numbers(cf.curve()), "predicted", numbers(cf.predicted()), "residuals", numbers(res)));
            for (int i = 0; i < res.length; i++) {
                fitRows.add(List.of(c.arm(), fmt(c.times()[i]), fmt(c.observed()[i]), fmt(cf.predicted()[i]), fmt(res[i])));
            }
        }
        body.put("series", series);
        body.put("start", problem.start());
        body.put("time_offset", problem.timeOffset());
        body.put("scale", problem.scale());
        if (timeUnit != null) {
            body.put("time_unit", timeUnit);
        }
        String title = "Fit of " + String.join(", ", problem.parameters().stream().map(FitParameter::id).toList()) + " in " + original.id()
                + " (" + problem.observable() + ") to " + String.join(", ", r.courses().stream()
                        .map(c -> c.course().course() + " " + c.course().arm()).toList());
        String objective = String.format(Locale.ROOT, "%s sum of squares %s (from %s at the initial values), n = %d, AIC %s; %s.",
                r.weighted() ? "Weighted (residual / (SD/sqrt(n)))" : "Unweighted", fmt(r.sse()), fmt(r.initialSse()), r.n(), fmt(r.aic()),
                r.message());
        body.put("tables", List.of(
                ordered("title", title, "header", List.of("Parameter", "estimate", "SE", "95% CI", "initial", "bounds", "scale"), "rows", rows,
                        "footnotes", List.of(objective, "Levenberg-Marquardt (Hipparchus); SEs from the Jacobian at the estimate scaled by"
                                + " SSE/(n - p); intervals t-based, on the log scale for log-scale parameters.", startsNote(r),
                                "Simulated with " + r.solver() + ".")),
                ordered("title", "Observed and fitted " + problem.observable(), "header", List.of("Arm", "time", "observed", "fitted",
                        "residual"), "rows", fitRows)));
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("model", original.id());
        inputs.put("model_sbml_sha256", BodyValues.modelHash(original));
        inputs.put("source", source);
        List<Object> data = new ArrayList<>();
        for (ObservedCourse c : problem.courses()) {
            data.add(ordered("arm", c.arm(), "course", c.course(), "t", numbers(c.times()), "observed", numbers(c.observed()), "sd",
                    numbers(c.sd()), "n", integers(c.n())));
        }
        inputs.put("courses", data);
        return new AnalysisResult(title, body, inputs);
    }

    private static String startsNote(ParameterEstimation.Result r) {
        double[] o = r.startObjectives();
        if (o.length == 1) {
            return "One start, from the initial values.";
        }
        StringBuilder b = new StringBuilder(o.length + " starts (the first from the initial values, the others drawn within the bounds);"
                + " objective reached from each:");
        for (int i = 0; i < o.length; i++) {
            b.append(i == 0 ? " " : ", ").append(Double.isNaN(o[i]) ? "failed" : fmt(o[i])).append(i == r.bestStart() ? " (best)" : "");
        }
        return b.append('.').toString();
    }

    private static double numberParam(Map<String, String> p, String key, double fallback) {
        String v = p.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + key + "': '" + v + "' is not a number");
        }
    }

    /** The parameters with the defaults a run would use filled in (what a front end stores). */
    public static Map<String, String> effective(Map<String, String> parameters) {
        Map<String, String> p = new TreeMap<>(parameters);
        p.putIfAbsent(OBSERVABLE, "pain");
        boolean csv = p.get(DATA) != null && !p.get(DATA).isBlank();
        p.putIfAbsent(OUTCOME, csv ? "data" : "vas");
        p.putIfAbsent(TIME_OFFSET, "0");
        p.putIfAbsent(SCALE, "1");
        p.putIfAbsent(SOLVER, "auto");
        p.putIfAbsent(RTOL, "1e-8");
        p.putIfAbsent(MAX_EVALUATIONS, "400");
        // a one-start fit stores no starts or seed, as before there were several
        if (p.containsKey(STARTS) && !"1".equals(p.get(STARTS).strip())) {
            p.putIfAbsent(SEED, "1");
        }
        return p;
    }
}
