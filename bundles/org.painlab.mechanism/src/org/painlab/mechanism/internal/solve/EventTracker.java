package org.painlab.mechanism.internal.solve;

import java.util.List;

import org.painlab.mechanism.solve.SolverEvent;

/**
 * Watches the switching functions of the events over the accepted steps. An event is armed while g <= 0 and
 * triggers when g > 0 at the end of a step; its time is then found by the Illinois variant of regula falsi on
 * the step's collocation polynomial, so no extra integration is needed, and the step is cut there. The time is
 * the exact root when one is met (g = 0, as for time >= t1 at t1), else the first time seen with g > 0.
 */
final class EventTracker {
    private static final int MAX_ITERATIONS = 200;

    private final List<SolverEvent> events;
    private final double[] gPrevious;
    private final double[] gWork;
    private final boolean[] crossing;

    EventTracker(List<SolverEvent> events) {
        this.events = events;
        this.gPrevious = new double[events.size()];
        this.gWork = new double[events.size()];
        this.crossing = new boolean[events.size()];
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    /** Takes the switching function values at a (re)start point. */
    void start(double t, double[] y) {
        for (int k = 0; k < events.size(); k++) {
            gPrevious[k] = events.get(k).g(t, y);
        }
    }

    /**
     * Looks for the earliest trigger in the step (tOld, tNew].
     *
     * @return the located time (an exact root, else the first time seen with g > 0, within the root tolerance), or NaN when
     *         no event triggers in the step; then the switching values of tNew become the reference
     */
    double locate(CollocationPolynomial polynomial, double tOld, double tNew, double[] yNew) {
        double earliest = Double.NaN;
        for (int k = 0; k < events.size(); k++) {
            gWork[k] = events.get(k).g(tNew, yNew);
            crossing[k] = gPrevious[k] <= 0 && gWork[k] > 0;
            if (crossing[k]) {
                double limit = Double.isNaN(earliest) ? tNew : earliest;
                double gLimit = limit == tNew ? gWork[k] : events.get(k).g(limit, polynomial.at(limit));
                if (gLimit > 0) {
                    earliest = root(events.get(k), polynomial, tOld, gPrevious[k], limit, gLimit, tNew - tOld);
                }
            }
        }
        if (Double.isNaN(earliest)) {
            System.arraycopy(gWork, 0, gPrevious, 0, gWork.length);
        }
        return earliest;
    }

    /** Root tolerance used for a step of length h ending near t. */
    static double tolerance(double t, double h) {
        return Math.max(4 * Math.ulp(Math.abs(t)), 1e-13 * Math.abs(h));
    }

    /**
     * Fires, in their list order, every event that crosses in this step and has reached g >= 0 at the located time;
     * all are judged on the state before any of them acts. Re-arms from the state after.
     *
     * @return true when one of them stops the integration
     */
    boolean fire(double t, double[] y) {
        boolean[] triggered = new boolean[events.size()];
        for (int k = 0; k < events.size(); k++) {
            triggered[k] = crossing[k] && events.get(k).g(t, y) >= 0;
        }
        boolean stop = false;
        for (int k = 0; k < events.size(); k++) {
            if (triggered[k]) {
                stop |= events.get(k).fire(t, y);
            }
        }
        start(t, y);
        for (int k = 0; k < events.size(); k++) {
            if (triggered[k] && gPrevious[k] == 0) {
                // fired at its exact root: the same crossing must not fire it again
                gPrevious[k] = Double.MIN_VALUE;
            }
        }
        return stop;
    }

    private double root(SolverEvent event, CollocationPolynomial polynomial, double a, double ga, double b, double gb,
            double h) {
        if (ga == 0) {
            // an exact root at the start of the bracket: a trigger such as time >= 1 is true at t = 1 itself
            return a;
        }
        double tol = tolerance(b, h);
        int side = 0;
        for (int i = 0; i < MAX_ITERATIONS && b - a > tol; i++) {
            double c = b - gb * (b - a) / (gb - ga);
            if (!(c > a && c < b)) {
                c = 0.5 * (a + b);
            }
            double gc = event.g(c, polynomial.at(c));
            if (gc > 0) {
                b = c;
                gb = gc;
                if (side == 1) {
                    ga *= 0.5;
                }
                side = 1;
            } else {
                if (gc == 0) {
                    return c;
                }
                a = c;
                ga = gc;
                if (side == -1) {
                    gb *= 0.5;
                }
                side = -1;
            }
        }
        return b;
    }
}
