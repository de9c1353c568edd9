package org.painlab.stats.internal.tests;

import org.painlab.stats.TestInput;

/**
 * The two measurements of a paired design, read from fields x and y or, as the reference data
 * name them, pre and post.
 *
 * @param first first measurement of each pair
 * @param second second measurement of each pair
 * @param firstField name of the field the first came from
 * @param secondField name of the field the second came from
 */
record PairedSamples(double[] first, double[] second, String firstField, String secondField) {

    static PairedSamples from(TestInput input) {
        String a;
        String b;
        if (input.has("x") || input.has("y")) {
            a = "x";
            b = "y";
        } else if (input.has("pre") || input.has("post")) {
            a = "pre";
            b = "post";
        } else {
            throw new IllegalArgumentException("paired data expected in fields 'x' and 'y' (or 'pre' and 'post');"
                    + " present fields: " + input.fieldNames());
        }
        double[] first = input.doubles(a);
        double[] second = input.doubles(b);
        if (first.length != second.length) {
            throw new IllegalArgumentException("fields '" + a + "' and '" + b + "' must have the same length for a"
                    + " paired test (" + first.length + " vs " + second.length + ")");
        }
        if (first.length == 0) {
            throw new IllegalArgumentException("fields '" + a + "' and '" + b + "' hold no pair");
        }
        return new PairedSamples(first, second, a, b);
    }

    /** @return first minus second, pair by pair */
    double[] differences() {
        double[] d = new double[first.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = first[i] - second[i];
        }
        return d;
    }
}
