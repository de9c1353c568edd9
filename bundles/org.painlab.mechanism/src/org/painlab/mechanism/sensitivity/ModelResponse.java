package org.painlab.mechanism.sensitivity;

import java.util.Arrays;
import java.util.List;

import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sim.Output;
import org.painlab.mechanism.sim.PreparedSimulation;
import org.painlab.mechanism.sim.SimulationSettings;
import org.painlab.mechanism.sim.Simulator;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.solve.SolverException;

/**
 * A model's output measure as a function of some of its parameters: each call simulates the model with
 * those parameters set. The model is compiled and its solver chosen once, at the first call
 * ({@link Simulator#prepare}); each call then only sets the parameter values, so many threads may call it at
 * once.
 *
 * @since 0.1
 */
public final class ModelResponse implements Response {
    private final Model model;
    private final List<String> parameters;
    private final SimulationSettings settings;
    private final OutputMeasure output;
    private final Simulator simulator;
    private final List<Output> columns;
    private PreparedSimulation prepared;

    /**
     * @param model the model
     * @param parameters ids of the parameters the values are given for
     * @param settings times, tolerances and solver of each simulation
     * @param output what is taken from each time course
     * @param solvers the installed solvers
     * @throws IllegalArgumentException naming a parameter the model lacks or the output variable it lacks
     */
    public ModelResponse(Model model, List<String> parameters, SimulationSettings settings, OutputMeasure output,
            Solvers solvers) {
        this.model = model;
        this.parameters = List.copyOf(parameters);
        this.settings = settings;
        this.output = output;
        this.simulator = new Simulator(solvers);
        for (String p : parameters) {
            ParameterRange.checked(model, p, p);
        }
        boolean known = model.speciesById(output.variable()).isPresent() || model.parameter(output.variable()).isPresent()
                || model.compartments().stream().anyMatch(c -> c.id().equals(output.variable()));
        if (!known) {
            throw new IllegalArgumentException("output '" + output.text() + "': model '" + model.id() + "' has no variable '"
                    + output.variable() + "'");
        }
        if (output.kind() == OutputMeasure.Kind.AT) {
            double[] t = settings.times();
            boolean onGrid = Arrays.stream(t).anyMatch(x -> Math.abs(x - output.time()) <= 1e-9 * Math.max(1, Math.abs(output.time())));
            if (!onGrid) {
                throw new IllegalArgumentException("output '" + output.text() + "': time " + output.time()
                        + " is not one of the output times (start " + settings.start() + ", duration " + settings.duration()
                        + ", " + settings.steps() + " steps)");
            }
        }
        Species s = model.speciesById(output.variable()).orElse(null);
        this.columns = List.of(new Output(output.variable(), s != null && s.hasOnlySubstanceUnits()));
    }

    /** The time course at these values (every parameter not given keeps its value). */
    public TimeCourse simulate(double[] values) throws SensitivityException {
        try {
            return prepared().run(values, null);
        } catch (ModelException | UnsupportedFeatureException | SolverException e) {
            throw new SensitivityException("simulation of '" + model.id() + "' failed at " + describe(values) + ": "
                    + e.getMessage(), e);
        }
    }

    private synchronized PreparedSimulation prepared() throws ModelException, UnsupportedFeatureException, SolverException {
        if (prepared == null) {
            prepared = simulator.prepare(model, settings, columns, parameters);
        }
        return prepared;
    }

    @Override
    public double at(double[] values) throws SensitivityException {
        double y = output.of(simulate(values));
        if (!Double.isFinite(y)) {
            throw new SensitivityException("output '" + output.text() + "' of '" + model.id() + "' is " + y + " at "
                    + describe(values));
        }
        return y;
    }

    /** The model's own values of the parameters, in order. */
    public double[] nominal() {
        return parameters.stream().mapToDouble(p -> model.parameter(p).orElseThrow().value()).toArray();
    }

    private String describe(double[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(parameters.get(i)).append('=').append(values[i]);
        }
        return b.toString();
    }
}
