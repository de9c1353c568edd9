package org.painlab.mechanism.solve;

/**
 * A discontinuity a solver must locate and act on: it fires when {@link #g} crosses zero from below to above
 * (a trigger becoming true), and may then change the state (a dose, a switch). The model layer turns SBML
 * events, timed interventions and dosing schedules into these.
 *
 * @since 0.1
 */
public interface SolverEvent {
    /** Switching function: negative while the trigger is false, positive when true. */
    double g(double t, double[] y);

    /**
     * Acts at the located time: may change {@code y} in place.
     *
     * @return true to stop the integration here (the trajectory ends at t)
     */
    boolean fire(double t, double[] y);
}
