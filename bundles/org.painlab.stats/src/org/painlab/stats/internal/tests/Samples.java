package org.painlab.stats.internal.tests;

import java.util.Map;
import org.painlab.stats.TestInput;

/** Input checks shared by the tests, so every message names the field the same way. */
final class Samples {

    private Samples() {
    }

    /**
     * @param input the input
     * @param field field name
     * @param min minimum number of values
     * @param purpose what the test needs them for, e.g. "a t test"
     * @return the values
     */
    static double[] atLeast(TestInput input, String field, int min, String purpose) {
        double[] x = input.doubles(field);
        if (x.length < min) {
            throw new IllegalArgumentException("field '" + field + "' needs at least " + min + " values for " + purpose
                    + ", it has " + x.length);
        }
        return x;
    }

    /**
     * @param groups groups read from field "groups"
     * @param minGroups minimum number of groups
     * @param purpose what the test is
     */
    static void requireGroups(Map<String, double[]> groups, int minGroups, String purpose) {
        if (groups.size() < minGroups) {
            throw new IllegalArgumentException("field 'groups' needs at least " + minGroups + " groups for " + purpose
                    + ", it has " + groups.size());
        }
    }

    /**
     * @param values values
     * @param field where they came from, for the message
     * @param purpose what the test is
     */
    static void requireSpread(double[] values, String field, String purpose) {
        double first = values[0];
        for (double v : values) {
            if (v != first) {
                return;
            }
        }
        throw new IllegalArgumentException("field '" + field + "': all values are equal, " + purpose
                + " is not defined for constant data");
    }

    /**
     * @param groups the groups
     * @return all values concatenated in group order
     */
    static double[] pooled(Map<String, double[]> groups) {
        int n = 0;
        for (double[] g : groups.values()) {
            n += g.length;
        }
        double[] all = new double[n];
        int k = 0;
        for (double[] g : groups.values()) {
            System.arraycopy(g, 0, all, k, g.length);
            k += g.length;
        }
        return all;
    }
}
