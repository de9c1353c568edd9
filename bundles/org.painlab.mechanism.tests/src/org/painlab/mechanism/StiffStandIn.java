package org.painlab.mechanism;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.mechanism.internal.solvers.DormandPrince;
import org.painlab.mechanism.solve.OdeSystem;
import org.painlab.mechanism.solve.Solver;
import org.painlab.mechanism.solve.SolverEvent;
import org.painlab.mechanism.solve.SolverException;
import org.painlab.mechanism.solve.Tolerances;
import org.painlab.mechanism.solve.Trajectory;

/** Contributed as a "stiff" solver in the tests: Dormand-Prince with an unlimited step budget. */
public final class StiffStandIn implements Solver {
    @Override
    public Trajectory solve(OdeSystem system, double t0, double[] y0, double[] outputTimes, Tolerances tolerances,
            List<SolverEvent> events, IProgressMonitor monitor) throws SolverException {
        return new DormandPrince().solve(system, t0, y0, outputTimes,
                new Tolerances(tolerances.absolute(), tolerances.relative(), 50_000_000), events, monitor);
    }
}
