package org.painlab.mechanism.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sensitivity.SensitivityAnalysis;
import org.painlab.mechanism.sim.ParameterValues;
import org.painlab.mechanism.steady.SteadyState;
import org.painlab.mechanism.steady.SteadyStateException;
import org.painlab.mechanism.steady.SteadyStateFinder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab mech steady MODEL_ID [--set p=v] [--guess x=v] [--method auto|newton|integrate] [--json]}. */
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

    @Override
    public Integer call() {
        SteadyStateFinder.Method m = switch (method.toLowerCase(Locale.ROOT)) {
            case "auto" -> SteadyStateFinder.Method.AUTO;
            case "newton" -> SteadyStateFinder.Method.NEWTON;
            case "integrate" -> SteadyStateFinder.Method.INTEGRATE;
            default -> throw new CliFailure("--method '" + method + "': expected auto, newton or integrate");
        };
        try {
            Model model = SensitivityAnalysis.model(SensitivityInputs.modelParameters(modelId));
            try {
                model = ParameterValues.apply(model, ParameterValues.parse(model, sets));
            } catch (IllegalArgumentException e) {
                throw new CliFailure("--set " + e.getMessage());
            }
            Map<String, Double> guess = new LinkedHashMap<>();
            for (String g : guesses) {
                int eq = g.indexOf('=');
                try {
                    if (eq <= 0) {
                        throw new NumberFormatException();
                    }
                    guess.put(g.substring(0, eq).strip(), Double.parseDouble(g.substring(eq + 1).strip()));
                } catch (NumberFormatException e) {
                    throw new CliFailure("--guess '" + g + "': expected STATE=NUMBER");
                }
            }
            SteadyStateFinder.Options options;
            try {
                options = new SteadyStateFinder.Options(m, time, tolerance, 100, maxTime, guess, solver);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage());
            }
            SteadyState s = new SteadyStateFinder(new Solvers()).find(model, options, null);
            print(s);
            return 0;
        } catch (ModelException | UnsupportedFeatureException | SteadyStateException e) {
            throw new CliFailure(modelId + ": " + e.getMessage(), e);
        }
    }

    private void print(SteadyState s) {
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
        w.flush();
    }
}
