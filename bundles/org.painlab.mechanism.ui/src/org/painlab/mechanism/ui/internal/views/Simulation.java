package org.painlab.mechanism.ui.internal.views;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sim.Interventions;
import org.painlab.mechanism.sim.SimulationSettings;
import org.painlab.mechanism.sim.Simulator;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.solve.SolverException;
import org.painlab.mechanism.ui.internal.model.Plotables;

/** One time course of a model with parameters set and interventions placed, through the engine's simulator. */
record Simulation(Model model, Map<String, Double> values, List<Interventions.Timed> interventions, double duration, int steps,
        List<String> columns) {
    /** Output rows of a plot: enough for smooth curves, few enough to redraw at once. */
    static final int STEPS = 400;

    TimeCourse run(Solvers solvers, IProgressMonitor monitor) throws ModelException, UnsupportedFeatureException, SolverException {
        Model m = model;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            m = m.withParameter(e.getKey(), e.getValue());
        }
        m = Interventions.apply(m, interventions);
        SimulationSettings settings = new SimulationSettings(0, duration, steps, SimulationSettings.DEFAULT_TOLERANCES, "auto");
        return new Simulator(solvers).run(m, settings, Plotables.outputs(model, columns), monitor);
    }
}
