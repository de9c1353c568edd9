package org.painlab.mechanism.internal.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.painlab.mechanism.solve.OdeSystem;
import org.painlab.mechanism.solve.SolverEvent;
import org.painlab.mechanism.solve.SolverException;
import org.painlab.mechanism.solve.Tolerances;
import org.painlab.mechanism.solve.Trajectory;

/** Event location: timed doses and a stopping threshold, against their exact times. */
class Radau5EventTest {
    private static final double K = 0.5;
    private static final Tolerances TIGHT = new Tolerances(1e-12, 1e-10, 100_000);

    /** First-order elimination y' = -k y. */
    private static final OdeSystem ELIMINATION = new OdeSystem() {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            dydt[0] = -K * y[0];
        }
    };

    /** A bolus of {@code amount} into component 0 at {@code time}; remembers when it fired. */
    private static final class Dose implements SolverEvent {
        final double time;
        final double amount;
        final List<Double> firedAt = new ArrayList<>();

        Dose(double time, double amount) {
            this.time = time;
            this.amount = amount;
        }

        @Override
        public double g(double t, double[] y) {
            return t - time;
        }

        @Override
        public boolean fire(double t, double[] y) {
            firedAt.add(t);
            y[0] += amount;
            return false;
        }
    }

    private static double exactWithDoses(double t, Dose... doses) {
        double y = Math.exp(-K * t);
        for (Dose d : doses) {
            if (t >= d.time) {
                y += d.amount * Math.exp(-K * (t - d.time));
            }
        }
        return y;
    }

    @Test
    void dosingScheduleFiresAtTheDoseTimes() throws SolverException {
        Dose first = new Dose(2.5, 1.0);
        Dose second = new Dose(3.7, 2.0);
        Dose third = new Dose(7.123456789, 0.5);
        double[] times = {0, 1, 2.5, 3, 3.7, 5, 7, 8, 10};
        Trajectory tr = new Radau5().solve(ELIMINATION, 0, new double[] {1}, times, TIGHT, List.of(first, second,
                third), null);
        assertArrayEquals(times, tr.times());
        for (Dose d : new Dose[] {first, second, third}) {
            assertEquals(1, d.firedAt.size(), "fired once");
            assertEquals(d.time, d.firedAt.get(0), 1e-8, "dose time");
        }
        for (int i = 0; i < times.length; i++) {
            // an output at a dose time shows the state after the dose
            assertEquals(exactWithDoses(times[i], first, second, third), tr.states()[i][0], 1e-8, "t = " + times[i]);
        }
    }

    @Test
    void doseAtTheStartFiresAtOnceAfterTheInitialOutput() throws SolverException {
        Dose atStart = new Dose(0, 1.0);
        Trajectory tr = new Radau5().solve(ELIMINATION, 0, new double[] {1}, new double[] {0, 1}, TIGHT, List.of(
                atStart), null);
        assertEquals(1, atStart.firedAt.size());
        assertEquals(0, atStart.firedAt.get(0), 1e-12);
        assertEquals(1.0, tr.states()[0][0], 0, "the output at t0 is the initial state");
        assertEquals(2 * Math.exp(-K), tr.states()[1][0], 1e-8);
    }

    @Test
    void stoppingEventEndsTheTrajectoryAtTheThreshold() throws SolverException {
        double threshold = 0.3;
        double[] stoppedAt = new double[1];
        SolverEvent belowThreshold = new SolverEvent() {
            @Override
            public double g(double t, double[] y) {
                return threshold - y[0];
            }

            @Override
            public boolean fire(double t, double[] y) {
                stoppedAt[0] = t;
                return true;
            }
        };
        double[] times = {0, 1, 2, 3, 4};
        Trajectory tr = new Radau5().solve(ELIMINATION, 0, new double[] {1}, times, TIGHT, List.of(belowThreshold),
                null);
        double exact = Math.log(1 / threshold) / K;
        assertEquals(exact, stoppedAt[0], 1e-8);
        assertArrayEquals(new double[] {0, 1, 2, stoppedAt[0]}, tr.times(), "outputs up to the stop, then the stop");
        assertEquals(threshold, tr.states()[3][0], 1e-9);
    }

    @Test
    void stateEventInAStiffSystem() throws SolverException {
        double[] y0 = {1, 3, -2};
        double[] stoppedAt = new double[1];
        // y[0](t) = exp(-t) in StiffLinearSystem: it falls below 0.5 at ln 2
        SolverEvent half = new SolverEvent() {
            @Override
            public double g(double t, double[] y) {
                return 0.5 - y[0];
            }

            @Override
            public boolean fire(double t, double[] y) {
                stoppedAt[0] = t;
                return true;
            }
        };
        Trajectory tr = new Radau5().solve(new StiffLinearSystem(true), 0, y0, new double[] {5}, TIGHT, List.of(
                half), null);
        assertEquals(Math.log(2), stoppedAt[0], 1e-8);
        assertEquals(1, tr.times().length);
        assertArrayEquals(StiffLinearSystem.exact(y0, Math.log(2)), tr.states()[0], 1e-8);
    }

    @Test
    void anEventThatRearmsFiresAgain() throws SolverException {
        // redose whenever the level falls to 0.25: a threshold-triggered dosing regimen
        List<Double> fired = new ArrayList<>();
        SolverEvent redose = new SolverEvent() {
            @Override
            public double g(double t, double[] y) {
                return 0.25 - y[0];
            }

            @Override
            public boolean fire(double t, double[] y) {
                fired.add(t);
                y[0] += 0.75;
                return false;
            }
        };
        new Radau5().solve(ELIMINATION, 0, new double[] {1}, new double[] {10}, TIGHT, List.of(redose), null);
        // from 1 to 0.25 takes ln 4 / k each time
        double period = Math.log(4) / K;
        assertEquals(3, fired.size(), "fired at " + fired);
        for (int i = 0; i < fired.size(); i++) {
            assertEquals((i + 1) * period, fired.get(i), 1e-8);
        }
        assertTrue(fired.get(2) < 10);
    }
}
