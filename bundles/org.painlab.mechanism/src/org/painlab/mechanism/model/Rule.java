package org.painlab.mechanism.model;

import org.painlab.mechanism.math.Expr;

/**
 * A rule on one variable: either it always equals a formula ({@link Kind#ASSIGNMENT}) or its rate of change
 * is a formula ({@link Kind#RATE}).
 *
 * @param kind assignment or rate
 * @param variable id of the species, compartment or parameter
 * @param math the formula
 * @since 0.1
 */
public record Rule(Kind kind, String variable, Expr math) {
    /** What a rule states. */
    public enum Kind {
        /** variable = math at all times */
        ASSIGNMENT,
        /** d variable / dt = math */
        RATE
    }
}
