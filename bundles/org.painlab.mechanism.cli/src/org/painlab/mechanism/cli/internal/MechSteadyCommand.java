package org.painlab.mechanism.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sensitivity.SensitivityAnalysis;
import org.painlab.mechanism.sim.ParameterValues;
import org.painlab.mechanism.steady.SteadyState;
import org.painlab.mechanism.steady.SteadyStateException;
import org.painlab.mechanism.steady.SteadyStateAnalysis;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab mech steady MODEL_ID [--set p=v] [--guess x=v] [--method auto|newton|integrate] [--study DIR] [--json]}: analysis
 * org.painlab.mechanism.steady, stored in the study with its provenance when one is given.
 */
@Command(name = "steady", mixinStandardHelpOptions = true,
        description = "Find a steady state of a model's equations (damped Newton; integration until the derivatives vanish when Newton"
                + " fails, or with --method integrate) and its stability from the Jacobian's eigenvalues. Events do not fire.")
public final class MechSteadyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_ID", description = "An installed model's id, or an SBML file.")
    String modelId;

    @Option(names = "--set", paramLabel = "p=v", description = "Set parameter p to v (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--guess", paramLabel = "x=v", description = "Start the search with state x at v instead of its initial value (repeatable).")
    List<String> guesses = new ArrayList<>();

    @Option(names = "--method", defaultValue = "auto", description = "auto (Newton, then integration; default), newton, or integrate"
            + " (the state the trajectory from the start settles in).")
    String method;

    @Option(names = "--time", defaultValue = "0", description = "Time at which the equations are evaluated (only matters for models that read time).")
    double time;

    @Option(names = "--tolerance", defaultValue = "1e-9", description = "Largest |dx/dt| / max(1, |x|) of a steady state (default 1e-9).")
    double tolerance;

    @Option(names = "--max-time", defaultValue = "1e8", description = "Longest integration in model time units (default 1e8).")
    double maxTime;

    @Option(names = "--solver", defaultValue = "auto", description = "Solver of the integration (default: the stiff one).")
    String solver;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--study", paramLabel = "DIR", description = "Also store the steady state (model, settings, states, eigenvalues) in"
            + " this study with its provenance (analysis org.painlab.mechanism.steady).")
    Path study;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who runs it, for the provenance (default: the OS user).")
    String actor;

    @Override
    public Integer call() {
        try {
            SteadyStateAnalysis.method(method);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--method '" + method + "': expected auto, newton or integrate");
        }
        try {
            SteadyStateAnalysis.guesses(guesses);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--" + e.getMessage());
        }
        Map<String, String> p = SensitivityInputs.modelParameters(modelId);
        try {
            Model model = SensitivityAnalysis.model(p);
            try {
                ParameterValues.parse(model, sets);
            } catch (IllegalArgumentException e) {
                throw new CliFailure("--set " + e.getMessage());
            }
            SensitivityInputs.put(p, SteadyStateAnalysis.SET, SensitivityInputs.joined(sets));
            SensitivityInputs.put(p, SteadyStateAnalysis.GUESS, SensitivityInputs.joined(guesses));
            p.put(SteadyStateAnalysis.METHOD, method.toLowerCase(Locale.ROOT));
            p.put(SteadyStateAnalysis.TIME, Double.toString(time));
            p.put(SteadyStateAnalysis.TOLERANCE, Double.toString(tolerance));
            p.put(SteadyStateAnalysis.MAX_TIME, Double.toString(maxTime));
            p.put(SteadyStateAnalysis.SOLVER, solver);
            Map<String, String> effective = SteadyStateAnalysis.effective(p);
            SteadyStateAnalysis.Search search;
            try {
                search = SteadyStateAnalysis.find(model, effective, null);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage(), e);
            }
            Long stored = null;
            if (study != null) {
                stored = SensitivityInputs.store(study, SteadyStateAnalysis.ID, effective, search.result(), actor).id();
            }
            print(search.steadyState(), stored);
            return 0;
        } catch (ModelException | UnsupportedFeatureException | SteadyStateException e) {
            throw new CliFailure(modelId + ": " + e.getMessage(), e);
        }
    }

    private void print(SteadyState s, Long stored) {
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", s.model());
            out.put("method", s.method());
            out.put("residual", s.residual());
            out.put("newton_iterations", s.newtonIterations());
            out.put("integrated_time", s.integratedTime());
            List<Object> states = new ArrayList<>();
            for (int i = 0; i < s.states().size(); i++) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("id", s.states().get(i));
                x.put("value", s.values()[i]);
                x.put("rate", s.rates()[i]);
                x.put("held", s.held().contains(s.states().get(i)));
                states.add(x);
            }
            out.put("states", states);
            out.put("variables", s.variables());
            out.put("stability", s.stability().label());
            List<Object> eig = new ArrayList<>();
            for (int i = 0; i < s.eigenReal().length; i++) {
                eig.add(Map.of("re", s.eigenReal()[i], "im", s.eigenImag()[i]));
            }
            out.put("eigenvalues", eig);
            if (stored != null) {
                out.put("result_id", stored);
            }
            new Json().print(w, out);
            return;
        }
        w.printf(Locale.ROOT, "steady state of %s (%s; residual %.2g): %s%n", s.model(), s.method(), s.residual(), s.stability().label());
        for (int i = 0; i < s.states().size(); i++) {
            w.printf(Locale.ROOT, "  %-24s %14.6g%s%n", s.states().get(i), s.values()[i], s.held().contains(s.states().get(i)) ? "  (held)" : "");
        }
        s.variables().forEach((k, v) -> w.printf(Locale.ROOT, "  %-24s %14.6g%n", k, v));
        StringBuilder b = new StringBuilder("  eigenvalues:");
        for (int i = 0; i < s.eigenReal().length; i++) {
            b.append(String.format(Locale.ROOT, " %.4g%s", s.eigenReal()[i], s.eigenImag()[i] == 0 ? ""
                    : String.format(Locale.ROOT, "%+.4gi", s.eigenImag()[i])));
        }
        w.println(b);
        if (stored != null) {
            w.println("stored as result " + stored);
        }
        w.flush();
    }
}
