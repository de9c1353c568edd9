package org.painlab.mechanism.internal.solve;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.painlab.mechanism.solve.OdeSystem;
import org.painlab.mechanism.solve.SolverException;
import org.painlab.mechanism.solve.Tolerances;

/** Integrations that cannot go on end with a SolverException naming the time reached. */
class Radau5FailureTest {
    private static final Pattern TIME = Pattern.compile("at t = ([-0-9.Ee+]+)");

    private static double timeIn(SolverException e) {
        Matcher m = TIME.matcher(e.getMessage());
        assertTrue(m.find(), "message names the time: " + e.getMessage());
        return Double.parseDouble(m.group(1));
    }

    private static OdeSystem scalar(java.util.function.DoubleBinaryOperator f) {
        return new OdeSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = f.applyAsDouble(t, y[0]);
            }
        };
    }

    @Test
    void tooManyStepsNamesTheTimeReached() {
        OdeSystem oscillator = new OdeSystem() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = y[1];
                dydt[1] = -y[0];
            }
        };
        SolverException e = assertThrows(SolverException.class, () -> new Radau5().solve(oscillator, 0,
                new double[] {1, 0}, new double[] {1000}, new Tolerances(1e-10, 1e-10, 20), List.of(), null));
        assertTrue(e.getMessage().contains("more than 20 steps"), e.getMessage());
        double t = timeIn(e);
        assertTrue(t > 0 && t < 1000, e.getMessage());
    }

    @Test
    void blowUpEndsNearTheSingularity() {
        // y' = y^2, y(0) = 1: y = 1 / (1 - t) leaves every bound at t = 1
        SolverException e = assertThrows(SolverException.class, () -> new Radau5().solve(scalar((t, y) -> y * y), 0,
                new double[] {1}, new double[] {2}, new Tolerances(1e-8, 1e-6, 100_000), List.of(), null));
        double t = timeIn(e);
        // the numerical solution passes the singularity a little late, within the tolerance
        assertTrue(t > 0.99 && t < 1.0001, e.getMessage());
    }

    @Test
    void nonFiniteDerivativeIsReported() {
        SolverException e = assertThrows(SolverException.class, () -> new Radau5().solve(scalar((t, y) -> t < 1 ? -y
                : Double.NaN), 0, new double[] {1}, new double[] {2}, new Tolerances(1e-8, 1e-6, 100_000), List.of(),
                null));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
        double t = timeIn(e);
        assertTrue(t > 0.99 && t <= 1.0, e.getMessage());
    }

    @Test
    void cancelStopsTheRun() {
        NullProgressMonitor monitor = new NullProgressMonitor();
        monitor.setCanceled(true);
        assertThrows(OperationCanceledException.class, () -> new Radau5().solve(scalar((t, y) -> -y), 0,
                new double[] {1}, new double[] {1}, new Tolerances(1e-8, 1e-6, 100), List.of(), monitor));
    }

    @Test
    void badOutputTimesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Radau5().solve(scalar((t,
                y) -> -y), 0, new double[] {1}, new double[] {1, 0.5}, new Tolerances(1e-8, 1e-6, 100), List.of(),
                null));
        assertTrue(e.getMessage().contains("output time 1"), e.getMessage());
    }
}
