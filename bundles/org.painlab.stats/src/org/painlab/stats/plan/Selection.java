package org.painlab.stats.plan;

import org.painlab.core.data.VariableKind;

import java.util.List;

/**
 * Which values a comparison used, precisely enough for the R script to select the same ones.
 *
 * @param variable variable name
 * @param kind its kind
 * @param levels its levels (coded kinds)
 * @param timePoint time point compared (null for untimed variables)
 * @param baselineTimePoint for within-group comparisons the reference time point, else null
 * @param arm for within-group comparisons the arm, else null
 * @param eventLevels when non-empty the variable was reduced to "in these levels" vs "not"
 *        (binary variables, the excellent-plus-good rate)
 *
 * @since 0.1
 */
public record Selection(String variable, VariableKind kind, List<String> levels, String timePoint,
        String baselineTimePoint, String arm, List<String> eventLevels) {

    /** Copies the lists. */
    public Selection {
        levels = List.copyOf(levels == null ? List.of() : levels);
        eventLevels = List.copyOf(eventLevels == null ? List.of() : eventLevels);
    }
}
