package org.painlab.stats.internal.tests;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.painlab.stats.Alternative;

/** Maps our option types onto commons-statistics-inference's. */
final class CommonsAdapter {

    private CommonsAdapter() {
    }

    static AlternativeHypothesis alternative(Alternative alternative) {
        return switch (alternative) {
            case TWO_SIDED -> AlternativeHypothesis.TWO_SIDED;
            case LESS -> AlternativeHypothesis.LESS_THAN;
            case GREATER -> AlternativeHypothesis.GREATER_THAN;
        };
    }
}
