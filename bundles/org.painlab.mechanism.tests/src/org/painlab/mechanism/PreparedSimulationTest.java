package org.painlab.mechanism;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.sim.Output;
import org.painlab.mechanism.sim.PreparedSimulation;
import org.painlab.mechanism.sim.SimulationSettings;
import org.painlab.mechanism.sim.Simulator;
import org.painlab.mechanism.sim.TimeCourse;

/**
 * A model compiled once and run with parameter values set per run gives exactly the time course of the model
 * changed with {@link Model#withParameter} and simulated from scratch, also from two threads at once.
 */
class PreparedSimulationTest {
    private static final List<String> PARAMETERS = List.of("k_heal", "microglia_gain_male");
    private static final List<Output> OUTPUTS = List.of(new Output("pain", false), new Output("M", true));

    @Test
    void sameAsCompilingEachTime() throws Exception {
        Model model = new ModelLibrary().open("neuroinflammation-sensitization");
        Simulator simulator = new Simulator(new Solvers());
        for (String solver : List.of("radau5", "dopri5", "auto")) {
            SimulationSettings settings = new SimulationSettings(0, 60, 60, SimulationSettings.DEFAULT_TOLERANCES, solver);
            PreparedSimulation prepared = simulator.prepare(model, settings, OUTPUTS, PARAMETERS);
            assertEquals(PARAMETERS, prepared.parameters());
            for (double[] values : List.of(new double[] {0.1, 1.0}, new double[] {0.05, 1.4}, new double[] {0.2, 0.6})) {
                TimeCourse once = prepared.run(values, null);
                Model changed = model.withParameter(PARAMETERS.get(0), values[0]).withParameter(PARAMETERS.get(1), values[1]);
                TimeCourse each = simulator.run(changed, settings, OUTPUTS, null);
                assertEquals(each.solver(), once.solver());
                for (int i = 0; i < each.times().length; i++) {
                    assertArrayEquals(each.values()[i], once.values()[i], 0, solver + " row " + i);
                }
            }
        }
    }

    @Test
    void twoThreadsGiveTheSequentialResults() throws Exception {
        Model model = new ModelLibrary().open("neuroinflammation-sensitization");
        SimulationSettings settings = new SimulationSettings(0, 60, 60, SimulationSettings.DEFAULT_TOLERANCES, "radau5");
        PreparedSimulation prepared = new Simulator(new Solvers()).prepare(model, settings, OUTPUTS, PARAMETERS);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            points.add(new double[] {0.05 + 0.005 * i, 0.5 + 0.03 * i});
        }
        List<TimeCourse> sequential = new ArrayList<>();
        for (double[] p : points) {
            sequential.add(prepared.run(p, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<TimeCourse>> parallel = new ArrayList<>();
            for (double[] p : points) {
                parallel.add(pool.submit(() -> prepared.run(p, null)));
            }
            for (int k = 0; k < points.size(); k++) {
                TimeCourse a = sequential.get(k), b = parallel.get(k).get();
                for (int i = 0; i < a.times().length; i++) {
                    assertArrayEquals(a.values()[i], b.values()[i], 0, "point " + k + " row " + i);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void unknownParameterIsNamed() throws Exception {
        Model model = new ModelLibrary().open("neuroinflammation-sensitization");
        SimulationSettings settings = new SimulationSettings(0, 10, 10, SimulationSettings.DEFAULT_TOLERANCES, "radau5");
        ModelException e = assertThrows(ModelException.class,
                () -> new Simulator(new Solvers()).prepare(model, settings, OUTPUTS, List.of("no_such_rate")));
        assertEquals("model 'neuroinflammation_sensitization' has no parameter 'no_such_rate'", e.getMessage());
    }
}
