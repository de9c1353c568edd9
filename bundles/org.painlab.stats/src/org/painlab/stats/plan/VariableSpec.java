package org.painlab.stats.plan;

import org.painlab.core.data.VariableKind;

import java.util.List;

/**
 * How the plan treats one variable: its label in the tables, its kind and levels, the time points
 * to report, the table it belongs to and how many decimals its summaries get.
 *
 * @param name variable name in the data
 * @param label text of the table row, e.g. "Age (years)"
 * @param kind kind of values
 * @param levels level labels of coded kinds, in order
 * @param timePoints time points to report (the first is the baseline of within-group
 *        comparisons); empty for untimed variables
 * @param section the table the variable goes into
 * @param decimals decimals of means, SDs, medians and quartiles
 * @param eventLevels for binary variables the level(s) reported as n (%); for efficacy grades
 *        the levels of the success rate (excellent + good); empty when not applicable
 *
 * @since 0.1
 */
public record VariableSpec(String name, String label, VariableKind kind, List<String> levels, List<String> timePoints,
        TableSection section, int decimals, List<String> eventLevels) {

    /** Copies lists, fills the label from the name and checks event levels against the levels. */
    public VariableSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("variable name is required");
        }
        label = label == null || label.isBlank() ? name : label;
        if (kind == null || section == null) {
            throw new IllegalArgumentException("variable '" + name + "': kind and section are required");
        }
        levels = List.copyOf(levels == null ? List.of() : levels);
        timePoints = List.copyOf(timePoints == null ? List.of() : timePoints);
        eventLevels = List.copyOf(eventLevels == null ? List.of() : eventLevels);
        if (decimals < 0 || decimals > 10) {
            throw new IllegalArgumentException("variable '" + name + "': decimals must be 0..10, not " + decimals);
        }
        for (String e : eventLevels) {
            if (!levels.contains(e)) {
                throw new IllegalArgumentException("variable '" + name + "': event level '" + e + "' is not one of "
                        + levels);
            }
        }
        if (kind == VariableKind.BINARY && eventLevels.isEmpty()) {
            throw new IllegalArgumentException("variable '" + name + "' (binary) needs an event level");
        }
    }

    /** @return true when the variable is measured at time points */
    public boolean timed() {
        return !timePoints.isEmpty();
    }

    /** @return the first time point (baseline) or null */
    public String firstTimePoint() {
        return timed() ? timePoints.get(0) : null;
    }

    /** @return the last time point or null */
    public String lastTimePoint() {
        return timed() ? timePoints.get(timePoints.size() - 1) : null;
    }

    /** @param value new label @return a copy */
    public VariableSpec withLabel(String value) {
        return new VariableSpec(name, value, kind, levels, timePoints, section, decimals, eventLevels);
    }

    /** @param value new section @return a copy */
    public VariableSpec withSection(TableSection value) {
        return new VariableSpec(name, label, kind, levels, timePoints, value, decimals, eventLevels);
    }

    /** @param value new decimals @return a copy */
    public VariableSpec withDecimals(int value) {
        return new VariableSpec(name, label, kind, levels, timePoints, section, value, eventLevels);
    }

    /** @param value new time points @return a copy */
    public VariableSpec withTimePoints(List<String> value) {
        return new VariableSpec(name, label, kind, levels, value, section, decimals, eventLevels);
    }

    /** @param value new event levels @return a copy */
    public VariableSpec withEventLevels(List<String> value) {
        return new VariableSpec(name, label, kind, levels, timePoints, section, decimals, value);
    }
}
