package org.painlab.stats.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RootFinderTest {

    @Test
    void findsRootToRequestedTolerance() {
        double root = RootFinder.uniroot(x -> x * x - 2, 0, 2, RootFinder.R_DEFAULT_TOL);
        assertTrue(Math.abs(root - Math.sqrt(2)) < RootFinder.R_DEFAULT_TOL, "root " + root);
        double precise = RootFinder.uniroot(x -> x * x - 2, 0, 2, 1e-15);
        assertEquals(Math.sqrt(2), precise, 1e-14);
    }

    @Test
    void rootAtEndpointIsReturnedAsIs() {
        assertEquals(1.0, RootFinder.uniroot(x -> x - 1, 0, 1, 1e-10));
    }

    @Test
    void sameSignAtBothEndsIsAnError() {
        assertThrows(ArithmeticException.class, () -> RootFinder.uniroot(x -> x * x + 1, -1, 1, 1e-8));
    }

    @Test
    void defaultToleranceIsRs() {
        assertEquals(1.220703125e-4, RootFinder.R_DEFAULT_TOL, 1e-18);
    }
}
