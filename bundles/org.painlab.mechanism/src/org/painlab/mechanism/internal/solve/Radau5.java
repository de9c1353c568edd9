package org.painlab.mechanism.internal.solve;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.mechanism.solve.OdeSystem;
import org.painlab.mechanism.solve.Solver;
import org.painlab.mechanism.solve.SolverEvent;
import org.painlab.mechanism.solve.SolverException;
import org.painlab.mechanism.solve.Tolerances;
import org.painlab.mechanism.solve.Trajectory;

/**
 * The stiff solver: the 3-stage Radau IIA method of order 5, L-stable, in the manner of Hairer and Wanner's
 * RADAU5, written here because no Java library on Maven Central has a stiff integrator. Output times come from
 * the collocation polynomial of each step (no step is shortened for them); events are located on it and the
 * integration restarts after each. A stopping event ends the trajectory with the stop time as its last point
 * unless an output time coincides with it. An output time at an event time shows the state after the event,
 * except at t0, which always shows the initial state (an event armed at t0 fires at the start of the first step).
 * The Jacobian comes from {@link OdeSystem#jacobian} or, when the system cannot give it, from forward differences.
 *
 * @since 0.1
 */
public final class Radau5 implements Solver {

    @Override
    public Trajectory solve(OdeSystem system, double t0, double[] y0, double[] outputTimes, Tolerances tolerances,
            List<SolverEvent> events, IProgressMonitor monitor) throws SolverException {
        if (y0.length != system.dimension()) {
            throw new IllegalArgumentException("initial state has " + y0.length + " values, the system "
                    + system.dimension());
        }
        double previous = t0;
        for (int i = 0; i < outputTimes.length; i++) {
            if (!(outputTimes[i] >= previous) || !Double.isFinite(outputTimes[i])) {
                throw new IllegalArgumentException("output time " + i + " (" + outputTimes[i]
                        + ") is not finite, before t0 = " + t0 + " or before the previous one");
            }
            previous = outputTimes[i];
        }
        for (int i = 0; i < y0.length; i++) {
            if (!Double.isFinite(y0[i])) {
                throw new SolverException("Radau5: initial value " + i + " is not finite (" + y0[i] + ") at t = "
                        + t0);
            }
        }
        return new RadauIntegration(system, tolerances, events == null ? List.of() : events, monitor).run(t0, y0,
                outputTimes);
    }
}
