package org.painlab.stats.cli.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says a failed computation in the user's terms. Our own checks already do ("field 'x' needs at
 * least 2 values"); the numerical libraries underneath speak of their internals ("No bracketing:
 * f(-1.0)=NaN", "Number 0 is not greater than 0", "3999999999 > 2147483647"), which tells a user
 * nothing about what to change in the input.
 */
final class UserTerms {
    private static final Pattern TOO_LARGE = Pattern.compile("(-?\\d+) > (\\d+)");

    private UserTerms() {
    }

    static String of(RuntimeException e) {
        String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        if (!fromLibrary(e)) {
            return m;
        }
        if (m.startsWith("No bracketing") || m.contains("NaN") || m.contains("Infinity")) {
            return "the values are too large or too extreme to compute with in double precision (an intermediate result"
                    + " is not a number); rescale them, e.g. to other units";
        }
        if (m.matches("Number -?[0-9.]+ is not greater than 0.*") || m.contains("not strictly positive")) {
            return "a count, size or total is 0 where the test needs at least 1";
        }
        Matcher tooLarge = TOO_LARGE.matcher(m);
        if (tooLarge.find() || m.contains("integer overflow")) {
            return "a count is larger than the test can handle (at most " + Integer.MAX_VALUE + ")";
        }
        return "the test cannot be computed from these values (" + m + ")";
    }

    /** Thrown by a numerical library (or the JDK's maths), not by PainLab's checks. */
    private static boolean fromLibrary(RuntimeException e) {
        String cls = e.getClass().getName();
        if (cls.startsWith("org.apache.commons.")) {
            return true;
        }
        StackTraceElement[] trace = e.getStackTrace();
        return e instanceof ArithmeticException && trace.length > 0 && !trace[0].getClassName().startsWith("org.painlab.");
    }
}
