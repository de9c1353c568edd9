package org.painlab.core.data;

import java.util.List;

/**
 * A variable as the data hold it: its kind, its levels (for coded kinds, in order; the order of
 * an ordinal variable is the order of its grades) and the time points at which it was measured
 * (visit ids in visit order; the first is the baseline; empty for a variable measured once
 * without a visit, such as sex).
 *
 * @param name identifier, unique in the data
 * @param kind kind of values
 * @param levels level labels of coded kinds, empty for continuous variables
 * @param timePoints visit ids in order, or empty
 *
 * @since 0.1
 */
public record DataVariable(String name, VariableKind kind, List<String> levels, List<String> timePoints) {

    /** Copies the lists and checks that coded kinds have levels. */
    public DataVariable {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("variable name is required");
        }
        if (kind == null) {
            throw new IllegalArgumentException("variable '" + name + "': kind is required");
        }
        levels = List.copyOf(levels == null ? List.of() : levels);
        timePoints = List.copyOf(timePoints == null ? List.of() : timePoints);
        if (kind.isCoded() && levels.size() < 2) {
            throw new IllegalArgumentException("variable '" + name + "' (" + kind.id() + ") needs at least 2 levels, it has "
                    + levels);
        }
    }

    /** @return true when the variable was measured at named time points */
    public boolean timed() {
        return !timePoints.isEmpty();
    }

    /** @return the baseline time point (the first), or null for untimed variables */
    public String baseline() {
        return timed() ? timePoints.get(0) : null;
    }
}
