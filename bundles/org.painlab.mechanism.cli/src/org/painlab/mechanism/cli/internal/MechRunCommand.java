package org.painlab.mechanism.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.run.SimulationAnalysis;
import org.painlab.mechanism.sbml.Sbml;
import org.painlab.mechanism.sensitivity.SensitivityAnalysis;
import org.painlab.mechanism.sim.Interventions;
import org.painlab.mechanism.sim.ParameterValues;
import org.painlab.mechanism.sim.TimeCourseCsv;
import org.painlab.mechanism.solve.SolverException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab mech run MODEL_ID [--set p=v] [--intervention ID@t|ID@t0+every*count] --out R.csv [--study DIR]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Simulate an installed model (see mech list) or an SBML file, with parameters set and interventions"
                + " timed, and write the time course CSV (time, every species and variable parameter unless --variables); with --study the"
                + " run is also stored in the study with its provenance.")
public final class MechRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_ID", description = "An installed model's id, or an SBML file.")
    String modelId;

    @Option(names = "--set", paramLabel = "p=v", description = "Start parameter p at value v (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--intervention", paramLabel = "ID@t", description = "Make the model's intervention event ID happen at time t"
            + " (repeatable; several times give several doses); ID@t0+every*count is a dosing schedule: count doses every"
            + " time units from t0 (anticytokine_drug@1+7*4: days 1, 8, 15, 22).")
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

    @Option(names = "--study", paramLabel = "DIR", description = "Also store the run (model, settings, interventions, time course) in this"
            + " study with its provenance (analysis org.painlab.mechanism.run).")
    Path study;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who runs it, for the provenance (default: the OS user).")
    String actor;

    @Override
    public Integer call() {
        Map<String, String> p = SensitivityInputs.modelParameters(modelId);
        try {
            Path file = Path.of(modelId);
            // a file is read from its path so a bad one is named; its text is kept in the parameters so a stored run can be re-run
            Model m = modelId.endsWith(".xml") && Files.isRegularFile(file) ? Sbml.read(file) : SensitivityAnalysis.model(p);
            try {
                ParameterValues.parse(m, sets);
            } catch (IllegalArgumentException e) {
                throw new CliFailure("--set " + e.getMessage());
            }
            for (String i : interventions) {
                try {
                    Interventions.parse(i);
                } catch (IllegalArgumentException e) {
                    throw new CliFailure("--intervention " + e.getMessage());
                }
            }
            SensitivityInputs.put(p, SimulationAnalysis.SET, SensitivityInputs.joined(sets));
            SensitivityInputs.put(p, SimulationAnalysis.INTERVENTIONS, SensitivityInputs.joined(interventions));
            SensitivityInputs.put(p, SimulationAnalysis.VARIABLES, SensitivityInputs.joined(variables));
            p.put(SimulationAnalysis.START, Double.toString(start));
            p.put(SimulationAnalysis.DURATION, Double.toString(duration));
            p.put(SimulationAnalysis.STEPS, Integer.toString(steps));
            p.put(SimulationAnalysis.SOLVER, solver);
            Map<String, String> effective = SimulationAnalysis.effective(p);
            SimulationAnalysis.Run run;
            try {
                run = SimulationAnalysis.simulate(m, effective, null);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage().replace("simulation settings: ", ""), e);
            }
            TimeCourseCsv.write(run.timeCourse(), out);
            Long stored = null;
            if (study != null) {
                stored = SensitivityInputs.store(study, SimulationAnalysis.ID, effective, run.result(), actor).id();
            }
            RunReport.print(spec.commandLine().getOut(), json, modelId, out, run.timeCourse(), stored);
            return 0;
        } catch (UnsupportedFeatureException | ModelException | SolverException e) {
            throw new CliFailure(modelId + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CliFailure(out + ": cannot write: " + e.getMessage(), e);
        }
    }
}
