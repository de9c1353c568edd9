package org.painlab.mechanism.solve;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * An ODE integrator contributed to extension point {@code org.painlab.mechanism.solvers} (element
 * {@code solver}, attributes {@code id}, {@code name}, {@code stiff} = true|false, {@code class}). The
 * built-in non-stiff Dormand-Prince (Hipparchus) and the stiff implicit method are contributed like a
 * third party's. Implementations have a public no-argument constructor and keep no state between calls.
 *
 * @since 0.1
 */
public interface Solver {
    /**
     * Integrates from {@code t0} through every output time (ascending, all >= t0), locating events.
     *
     * @throws SolverException when the step size underflows, maxSteps is reached or f gives NaN, naming the
     *         time reached
     * @throws org.eclipse.core.runtime.OperationCanceledException when the monitor is cancelled
     */
    Trajectory solve(OdeSystem system, double t0, double[] y0, double[] outputTimes, Tolerances tolerances,
            List<SolverEvent> events, IProgressMonitor monitor) throws SolverException;
}
