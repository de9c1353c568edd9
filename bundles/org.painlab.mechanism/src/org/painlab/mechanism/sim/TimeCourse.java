package org.painlab.mechanism.sim;

import java.util.List;

/**
 * A simulated time course: one row per output time, one column per requested variable, with the solver
 * that made it and why that one was chosen.
 *
 * @param columns variable ids (species as amounts or concentrations as requested)
 * @param times output times
 * @param values values[i][j] = column j at times[i]
 * @param solver id of the solver that produced it
 * @param reason why that solver (shown to the user)
 * @param steps accepted steps of all integration segments
 * @param evaluations evaluations of the right-hand side
 * @since 0.1
 */
public record TimeCourse(List<String> columns, double[] times, double[][] values, String solver, String reason,
        int steps, int evaluations) {
    /** Copies the column list. */
    public TimeCourse {
        columns = List.copyOf(columns);
    }

    /** Column of {@code id}, or -1. */
    public int column(String id) {
        return columns.indexOf(id);
    }
}
