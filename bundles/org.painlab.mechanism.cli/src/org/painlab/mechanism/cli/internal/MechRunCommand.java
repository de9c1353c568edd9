package org.painlab.mechanism.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.mechanism.ModelLibrary;
import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.model.Compartment;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sbml.Sbml;
import org.painlab.mechanism.sim.Interventions;
import org.painlab.mechanism.sim.Output;
import org.painlab.mechanism.sim.SimulationSettings;
import org.painlab.mechanism.sim.Simulator;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.sim.TimeCourseCsv;
import org.painlab.mechanism.solve.SolverException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab mech run MODEL_ID [--set p=v] [--intervention ID@t] --out R.csv}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Simulate an installed model (see mech list) or an SBML file, with parameters set and interventions"
                + " timed, and write the time course CSV (time, every species and variable parameter unless --variables).")
public final class MechRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_ID", description = "An installed model's id, or an SBML file.")
    String modelId;

    @Option(names = "--set", paramLabel = "p=v", description = "Start parameter p at value v (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--intervention", paramLabel = "ID@t", description = "Make the model's intervention event ID happen at time t"
            + " (repeatable; several times give several doses).")
    List<String> interventions = new ArrayList<>();

    @Option(names = "--start", defaultValue = "0", description = "First output time (default 0).")
    double start;

    @Option(names = "--duration", defaultValue = "100", description = "Length of the time course in the model's time unit (default 100).")
    double duration;

    @Option(names = "--steps", defaultValue = "100", description = "Output intervals (default 100: 101 rows).")
    int steps;

    @Option(names = "--variables", split = ",", paramLabel = "ID", description = "Columns to write (default: species and variable parameters).")
    List<String> variables = new ArrayList<>();

    @Option(names = "--solver", defaultValue = "auto", description = "Solver id (see mech list) or auto (default).")
    String solver;

    @Option(names = "--out", required = true, paramLabel = "RESULTS.csv", description = "Where to write the time course.")
    Path out;

    @Option(names = "--json", description = "Print the solver used and why as JSON.")
    boolean json;

    @Override
    public Integer call() {
        try {
            Model m = open();
            for (String s : sets) {
                int eq = s.indexOf('=');
                if (eq <= 0) {
                    throw new CliFailure("--set '" + s + "': expected PARAMETER=VALUE");
                }
                String p = s.substring(0, eq).strip();
                double v;
                try {
                    v = Double.parseDouble(s.substring(eq + 1).strip());
                } catch (NumberFormatException e) {
                    throw new CliFailure("--set '" + s + "': '" + s.substring(eq + 1) + "' is not a number");
                }
                if (m.parameter(p).isEmpty()) {
                    throw new CliFailure("--set '" + s + "': model '" + m.id() + "' has no parameter '" + p + "'; parameters: "
                            + m.parameters().stream().map(Parameter::id).toList());
                }
                m = m.withParameter(p, v);
            }
            List<Interventions.Timed> timed = new ArrayList<>();
            for (String i : interventions) {
                try {
                    timed.add(Interventions.Timed.parse(i));
                } catch (IllegalArgumentException e) {
                    throw new CliFailure("--intervention " + e.getMessage());
                }
            }
            m = Interventions.apply(m, timed);
            List<Output> outputs = new ArrayList<>();
            if (variables.isEmpty()) {
                m.species().forEach(s -> outputs.add(new Output(s.id(), s.hasOnlySubstanceUnits())));
                m.parameters().stream().filter(p -> !p.constant()).forEach(p -> outputs.add(new Output(p.id(), false)));
                m.compartments().stream().filter(c -> !c.constant()).map(Compartment::id).forEach(c -> outputs.add(new Output(c, false)));
            } else {
                for (String v : variables) {
                    Species sp = m.speciesById(v).orElse(null);
                    outputs.add(new Output(v, sp != null && sp.hasOnlySubstanceUnits()));
                }
            }
            SimulationSettings settings;
            try {
                settings = new SimulationSettings(start, duration, steps, SimulationSettings.DEFAULT_TOLERANCES, solver);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage());
            }
            TimeCourse tc = new Simulator(new Solvers()).run(m, settings, outputs, null);
            TimeCourseCsv.write(tc, out);
            RunReport.print(spec.commandLine().getOut(), json, modelId, out, tc);
            return 0;
        } catch (UnsupportedFeatureException | ModelException | SolverException e) {
            throw new CliFailure(modelId + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CliFailure(out + ": cannot write: " + e.getMessage(), e);
        }
    }

    private Model open() throws ModelException, UnsupportedFeatureException {
        Path file = Path.of(modelId);
        if (modelId.endsWith(".xml") && Files.isRegularFile(file)) {
            return Sbml.read(file);
        }
        return new ModelLibrary().open(modelId);
    }
}
