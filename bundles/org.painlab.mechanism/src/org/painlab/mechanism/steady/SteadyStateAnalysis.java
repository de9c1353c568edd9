package org.painlab.mechanism.steady;

import static org.painlab.mechanism.internal.analysis.BodyValues.fmt;
import static org.painlab.mechanism.internal.analysis.BodyValues.number;
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
import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.internal.analysis.BodyValues;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sensitivity.SensitivityAnalysis;
import org.painlab.mechanism.sim.ParameterValues;

/**
 * A model's steady state as an analysis (id {@value #ID}, {@code appliesTo="models"}: it reads no study data), so
 * a search a user makes is stored in the study with its provenance, from {@code painlab mech steady --study} or the
 * Mechanism perspective alike. Parameters: {@value #MODEL} or {@value #SBML}; {@value #SET} ({@code p=v,...});
 * {@value #GUESS} ({@code x=v,...}: starting values of states); {@value #METHOD} (auto, newton or integrate);
 * {@value #TIME} (0); {@value #TOLERANCE} (1e-9); {@value #MAX_TIME} (1e8); {@value #SOLVER} (auto). The body
 * holds the states, the other variables, the eigenvalues of the Jacobian and the stability.
 *
 * @since 0.1
 */
public final class SteadyStateAnalysis implements Analysis {
    /** The analysis id saved studies refer to. */
    public static final String ID = "org.painlab.mechanism.steady";
    public static final String MODEL = SensitivityAnalysis.MODEL;
    public static final String SBML = SensitivityAnalysis.SBML;
    public static final String SET = "set";
    public static final String GUESS = "guess";
    public static final String METHOD = "method";
    public static final String TIME = "time";
    public static final String TOLERANCE = "tolerance";
    public static final String MAX_TIME = "max_time";
    public static final String SOLVER = "solver";

    /**
     * A search: the steady state and its stored form.
     *
     * @param steadyState what was found
     * @param result what is stored
     */
    public record Search(SteadyState steadyState, AnalysisResult result) {
    }

    @Override
    public AnalysisResult run(Study study, Map<String, String> parameters, IProgressMonitor monitor) throws StudyException {
        try {
            return find(SensitivityAnalysis.model(parameters), parameters, monitor).result();
        } catch (ModelException | UnsupportedFeatureException | SteadyStateException | IllegalArgumentException e) {
            throw new StudyException((study == null ? "" : study.folder() + ": ") + e.getMessage(), e);
        }
    }

    /** The parameters with every default filled in (what is stored). */
    public static Map<String, String> effective(Map<String, String> parameters) {
        Map<String, String> p = new TreeMap<>(parameters);
        p.putIfAbsent(METHOD, "auto");
        p.putIfAbsent(TIME, "0");
        p.putIfAbsent(TOLERANCE, "1e-9");
        p.putIfAbsent(MAX_TIME, "1e8");
        p.putIfAbsent(SOLVER, "auto");
        return p;
    }

    /** The search method named by {@code text} (auto, newton, integrate). */
    public static SteadyStateFinder.Method method(String text) {
        return switch (text == null ? "auto" : text.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> SteadyStateFinder.Method.AUTO;
            case "newton" -> SteadyStateFinder.Method.NEWTON;
            case "integrate" -> SteadyStateFinder.Method.INTEGRATE;
            default -> throw new IllegalArgumentException("method '" + text + "': expected auto, newton or integrate");
        };
    }

    /** Starting values {@code x=v} of states. */
    public static Map<String, Double> guesses(List<String> items) {
        Map<String, Double> guess = new LinkedHashMap<>();
        for (String g : items) {
            int eq = g.indexOf('=');
            try {
                if (eq <= 0) {
                    throw new NumberFormatException();
                }
                guess.put(g.substring(0, eq).strip(), Double.parseDouble(g.substring(eq + 1).strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("guess '" + g + "': expected STATE=NUMBER");
            }
        }
        return guess;
    }

    /**
     * Finds the steady state the parameters ask for.
     *
     * @throws ModelException the model cannot be compiled, or a guess names no state
     * @throws UnsupportedFeatureException the model uses a feature the simulator does not implement
     * @throws SteadyStateException no steady state was found
     * @throws IllegalArgumentException naming a bad parameter
     */
    public static Search find(Model model, Map<String, String> parameters, IProgressMonitor monitor)
            throws ModelException, UnsupportedFeatureException, SteadyStateException {
        Map<String, String> p = effective(parameters);
        Map<String, Double> set = ParameterValues.parse(model, ParameterValues.list(p.get(SET)));
        Model m = ParameterValues.apply(model, set);
        SteadyStateFinder.Options options = new SteadyStateFinder.Options(method(p.get(METHOD)), numberParam(p, TIME),
                numberParam(p, TOLERANCE), 100, numberParam(p, MAX_TIME), guesses(ParameterValues.list(p.get(GUESS))), p.get(SOLVER));
        SteadyState s = new SteadyStateFinder(new Solvers()).find(m, options, monitor);
        return new Search(s, result(model, p, set, s));
    }

    private static AnalysisResult result(Model model, Map<String, String> p, Map<String, Double> set, SteadyState s) throws ModelException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", p.get(MODEL) != null && !p.get(MODEL).isBlank() && (p.get(SBML) == null || p.get(SBML).isBlank())
                ? p.get(MODEL) : model.id());
        body.put("set", new LinkedHashMap<>(set));
        body.put("method", p.get(METHOD));
        body.put("found_by", s.method());
        body.put("residual", number(s.residual()));
        body.put("newton_iterations", s.newtonIterations());
        body.put("integrated_time", number(s.integratedTime()));
        body.put("stability", s.stability().label());
        List<Object> states = new ArrayList<>();
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < s.states().size(); i++) {
            String id = s.states().get(i);
            boolean held = s.held().contains(id);
            states.add(ordered("id", id, "value", number(s.values()[i]), "rate", number(s.rates()[i]), "held", held));
            rows.add(List.of(id, fmt(s.values()[i]), fmt(s.rates()[i]), held ? "held" : ""));
        }
        body.put("states", states);
        Map<String, Object> variables = new LinkedHashMap<>();
        s.variables().forEach((k, v) -> {
            variables.put(k, number(v));
            rows.add(List.of(k, fmt(v), "", "variable"));
        });
        body.put("variables", variables);
        List<Object> eig = new ArrayList<>();
        StringBuilder eigText = new StringBuilder();
        for (int i = 0; i < s.eigenReal().length; i++) {
            eig.add(ordered("re", number(s.eigenReal()[i]), "im", number(s.eigenImag()[i])));
            eigText.append(i == 0 ? "" : ", ").append(fmt(s.eigenReal()[i]))
                    .append(s.eigenImag()[i] == 0 ? "" : (s.eigenImag()[i] > 0 ? " + " : " - ") + fmt(Math.abs(s.eigenImag()[i])) + "i");
        }
        body.put("eigenvalues", eig);
        String title = "Steady state of " + model.id() + (set.isEmpty() ? "" : " with " + String.join(", ",
                set.entrySet().stream().map(e -> e.getKey() + " = " + fmt(e.getValue())).toList())) + ": " + s.stability().label();
        body.put("tables", List.of(ordered("title", title, "header", List.of("Variable", "value", "rate", "note"), "rows", rows,
                "footnotes", List.of(String.format(Locale.ROOT, "Found by %s; residual %s (largest |dx/dt| / max(1, |x|)).", s.method(),
                        fmt(s.residual())), "Eigenvalues of the Jacobian: " + (eigText.length() == 0 ? "none" : eigText) + ".",
                        "Events do not fire in a steady-state search."))));
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("model", model.id());
        inputs.put("model_sbml_sha256", BodyValues.modelHash(model));
        return new AnalysisResult(title, body, inputs);
    }

    private static double numberParam(Map<String, String> p, String key) {
        try {
            double d = Double.parseDouble(p.get(key).strip());
            if (Double.isNaN(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("parameter '" + key + "': '" + p.get(key) + "' is not a number");
        }
    }
}
