package org.painlab.mechanism.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sbml.Sbml;
import org.painlab.mechanism.sbml.TestSuiteSettings;
import org.painlab.mechanism.sim.Output;
import org.painlab.mechanism.sim.SimulationSettings;
import org.painlab.mechanism.sim.Simulator;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.sim.TimeCourseCsv;
import org.painlab.mechanism.solve.SolverException;
import org.painlab.mechanism.solve.Tolerances;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab mech simulate MODEL.xml --settings S --out R.csv}: one SBML Test Suite case. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate an SBML file with an SBML Test Suite settings file (start, duration, steps, variables,"
                + " absolute, relative, amount, concentration) and write the results CSV (header time,<variables>)."
                + " A model using an unsupported SBML feature is refused with exit 1 naming the feature.")
public final class MechSimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.xml", description = "SBML Level 2 or 3 core file.")
    Path model;

    @Option(names = "--settings", required = true, paramLabel = "SETTINGS.txt", description = "The case's -settings.txt.")
    Path settings;

    @Option(names = "--out", required = true, paramLabel = "RESULTS.csv", description = "Where to write the time course.")
    Path out;

    @Option(names = "--solver", defaultValue = "auto", description = "Solver id (see mech list) or auto (default).")
    String solver;

    @Option(names = "--json", description = "Print the solver used and why as JSON.")
    boolean json;

    @Override
    public Integer call() {
        try {
            TestSuiteSettings s = TestSuiteSettings.read(settings);
            Model m = Sbml.read(model);
            List<Output> outputs = new ArrayList<>();
            for (String v : s.variables()) {
                Species sp = m.speciesById(v).orElse(null);
                boolean amount = s.amount().contains(v) || (!s.concentration().contains(v) && sp != null && sp.hasOnlySubstanceUnits());
                outputs.add(new Output(v, amount));
            }
            // integrate well inside the pass rule's tolerances
            Tolerances tol = new Tolerances(Math.max(1e-16, s.absolute() * 1e-4), Math.max(1e-12, s.relative() * 1e-4), 2_000_000);
            TimeCourse tc = new Simulator(new Solvers()).run(m, new SimulationSettings(s.start(), s.duration(), s.steps(), tol, solver),
                    outputs, null);
            TimeCourseCsv.write(tc, out);
            RunReport.print(spec.commandLine().getOut(), json, model.toString(), out, tc);
            return 0;
        } catch (UnsupportedFeatureException e) {
            throw new CliFailure(model + ": " + e.getMessage(), e);
        } catch (ModelException | SolverException e) {
            throw new CliFailure(e.getMessage().startsWith(model.toString()) ? e.getMessage() : model + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CliFailure(out + ": cannot write: " + e.getMessage(), e);
        }
    }
}
