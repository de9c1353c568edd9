package org.painlab.mechanism.run;

import static org.painlab.mechanism.internal.analysis.BodyValues.fmt;
import static org.painlab.mechanism.internal.analysis.BodyValues.numbers;
import static org.painlab.mechanism.internal.analysis.BodyValues.ordered;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.analysis.Analysis;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.internal.analysis.BodyValues;
import org.painlab.mechanism.model.Compartment;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sensitivity.SensitivityAnalysis;
import org.painlab.mechanism.sim.Interventions;
import org.painlab.mechanism.sim.Output;
import org.painlab.mechanism.sim.ParameterValues;
import org.painlab.mechanism.sim.SimulationSettings;
import org.painlab.mechanism.sim.Simulator;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.solve.SolverException;

/**
 * A model's time course as an analysis (id {@value #ID}, {@code appliesTo="models"}: it reads no study data), so
 * a run a user makes is stored in the study with its provenance. Parameters: {@value #MODEL} or {@value #SBML};
 * {@value #SET} ({@code p=v,...}); {@value #INTERVENTIONS} ({@code ID@t} or {@code ID@t0+every*count}, comma
 * separated); {@value #START} (0), {@value #DURATION} (100), {@value #STEPS} (100); {@value #VARIABLES} (default:
 * species and variable parameters); {@value #SOLVER} (auto). The body holds the settings, the solver used and
 * why, and the time course (times and one list per column).
 *
 * @since 0.1
 */
public final class SimulationAnalysis implements Analysis {
    /** The analysis id saved studies refer to. */
    public static final String ID = "org.painlab.mechanism.run";
    public static final String MODEL = SensitivityAnalysis.MODEL;
    public static final String SBML = SensitivityAnalysis.SBML;
    public static final String SET = "set";
    public static final String INTERVENTIONS = "interventions";
    public static final String START = "start";
    public static final String DURATION = "duration";
    public static final String STEPS = "steps";
    public static final String VARIABLES = "variables";
    public static final String SOLVER = "solver";

    /**
     * A simulated run: the time course and its stored form.
     *
     * @param timeCourse the columns
     * @param result what is stored
     */
    public record Run(TimeCourse timeCourse, AnalysisResult result) {
    }

    @Override
    public AnalysisResult run(Study study, Map<String, String> parameters, IProgressMonitor monitor) throws StudyException {
        try {
            return simulate(SensitivityAnalysis.model(parameters), parameters, monitor).result();
        } catch (ModelException | UnsupportedFeatureException | SolverException | IllegalArgumentException e) {
            throw new StudyException((study == null ? "" : study.folder() + ": ") + e.getMessage(), e);
        }
    }

    /** The parameters with every default filled in (what is stored). */
    public static Map<String, String> effective(Map<String, String> parameters) {
        Map<String, String> p = new TreeMap<>(parameters);
        p.putIfAbsent(START, "0");
        p.putIfAbsent(DURATION, "100");
        p.putIfAbsent(STEPS, "100");
        p.putIfAbsent(SOLVER, "auto");
        return p;
    }

    /**
     * Simulates the model with the parameters' settings.
     *
     * @throws ModelException an unknown intervention, variable or a model that cannot be compiled
     * @throws UnsupportedFeatureException a feature the simulator does not implement
     * @throws SolverException the integration failed
     * @throws IllegalArgumentException naming a bad parameter
     */
    public static Run simulate(Model model, Map<String, String> parameters, IProgressMonitor monitor)
            throws ModelException, UnsupportedFeatureException, SolverException {
        Map<String, String> p = effective(parameters);
        Map<String, Double> set = ParameterValues.parse(model, ParameterValues.list(p.get(SET)));
        List<String> interventionText = ParameterValues.list(p.get(INTERVENTIONS));
        List<Interventions.Timed> timed = new ArrayList<>();
        for (String s : interventionText) {
            timed.addAll(Interventions.parse(s));
        }
        Model m = Interventions.apply(ParameterValues.apply(model, set), timed);
        List<Output> outputs = outputs(m, ParameterValues.list(p.get(VARIABLES)));
        SimulationSettings settings;
        try {
            settings = new SimulationSettings(number(p, START), number(p, DURATION), (int) number(p, STEPS),
                    SimulationSettings.DEFAULT_TOLERANCES, p.get(SOLVER));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("simulation settings: " + e.getMessage(), e);
        }
        TimeCourse tc = new Simulator(new Solvers()).run(m, settings, outputs, monitor);
        return new Run(tc, result(model, p, set, interventionText, settings, tc));
    }

    /** The columns: the variables named, else every species, variable parameter and variable compartment. */
    public static List<Output> outputs(Model m, List<String> variables) {
        List<Output> outputs = new ArrayList<>();
        if (variables.isEmpty()) {
            m.species().forEach(s -> outputs.add(new Output(s.id(), s.hasOnlySubstanceUnits())));
            m.parameters().stream().filter(x -> !x.constant()).forEach(x -> outputs.add(new Output(x.id(), false)));
            m.compartments().stream().filter(c -> !c.constant()).map(Compartment::id).forEach(c -> outputs.add(new Output(c, false)));
        } else {
            for (String v : variables) {
                Species sp = m.speciesById(v).orElse(null);
                outputs.add(new Output(v, sp != null && sp.hasOnlySubstanceUnits()));
            }
        }
        return outputs;
    }

    private static AnalysisResult result(Model model, Map<String, String> p, Map<String, Double> set, List<String> interventions,
            SimulationSettings settings, TimeCourse tc) throws ModelException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", p.get(MODEL) != null && !p.get(MODEL).isBlank() && (p.get(SBML) == null || p.get(SBML).isBlank())
                ? p.get(MODEL) : model.id());
        body.put("settings", ordered("start", settings.start(), "duration", settings.duration(), "steps", settings.steps(), "solver",
                settings.solver()));
        body.put("set", new LinkedHashMap<>(set));
        body.put("interventions", interventions);
        body.put("solver", tc.solver());
        body.put("reason", tc.reason());
        body.put("solver_steps", tc.steps());
        body.put("evaluations", tc.evaluations());
        body.put("times", numbers(tc.times()));
        Map<String, Object> columns = new LinkedHashMap<>();
        List<Object> rows = new ArrayList<>();
        for (int j = 0; j < tc.columns().size(); j++) {
            double[] col = new double[tc.times().length];
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            double tmax = Double.NaN;
            for (int i = 0; i < col.length; i++) {
                col[i] = tc.values()[i][j];
                lo = Math.min(lo, col[i]);
                if (col[i] > hi) {
                    hi = col[i];
                    tmax = tc.times()[i];
                }
            }
            columns.put(tc.columns().get(j), numbers(col));
            rows.add(List.of(tc.columns().get(j), fmt(col[0]), fmt(col[col.length - 1]), fmt(lo), fmt(hi), fmt(tmax)));
        }
        body.put("outputs", columns);
        String title = "Time course of " + model.id() + (interventions.isEmpty() ? "" : " with " + String.join(", ", interventions));
        body.put("tables", List.of(ordered("title", title, "header", List.of("Variable", "start", "end", "min", "max", "time of max"),
                "rows", rows, "footnotes", List.of("From " + settings.start() + " over " + settings.duration() + " in " + settings.steps()
                        + " steps; solver " + tc.solver() + ": " + tc.reason()
                        + (set.isEmpty() ? "" : "; set " + set)))));
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("model", model.id());
        inputs.put("model_sbml_sha256", BodyValues.modelHash(model));
        return new AnalysisResult(title, body, inputs);
    }

    private static double number(Map<String, String> p, String key) {
        try {
            double d = Double.parseDouble(p.get(key).strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("parameter '" + key + "': '" + p.get(key) + "' is not a number");
        }
    }
}
