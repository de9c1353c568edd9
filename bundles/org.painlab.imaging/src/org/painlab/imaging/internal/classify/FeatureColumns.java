package org.painlab.imaging.internal.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.painlab.imaging.classify.Case;

/**
 * The feature keys a model learnt from, in a fixed order, and a case's values in that order. A case
 * that lacks one of them cannot be graded: imputing would hide that it was measured differently.
 */
record FeatureColumns(List<String> names) {

    FeatureColumns {
        names = List.copyOf(names);
    }

    /**
     * The keys every training case has. A feature that some volumes lack (not finite there, so not stored)
     * is left out rather than imputed; a case without any feature is refused.
     */
    static FeatureColumns of(List<Case> training) {
        TreeSet<String> keys = null;
        for (Case c : training) {
            if (c.features().isEmpty()) {
                throw new IllegalArgumentException("case " + c.id() + " (patient " + c.patientId()
                        + ") has no features: compute the texture features first");
            }
            if (keys == null) {
                keys = new TreeSet<>(c.features().keySet());
            } else {
                keys.retainAll(c.features().keySet());
            }
        }
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException(training.isEmpty() ? "no cases to learn from"
                    : "no feature is present in every case");
        }
        return new FeatureColumns(new ArrayList<>(keys));
    }

    double[] values(Case c) {
        double[] v = new double[names.size()];
        for (int i = 0; i < v.length; i++) {
            Double x = c.features().get(names.get(i));
            if (x == null || !Double.isFinite(x)) {
                throw new IllegalArgumentException("case " + c.id() + " (patient " + c.patientId() + "): feature '"
                        + names.get(i) + "' is " + (x == null ? "missing" : x));
            }
            v[i] = x;
        }
        return v;
    }
}
