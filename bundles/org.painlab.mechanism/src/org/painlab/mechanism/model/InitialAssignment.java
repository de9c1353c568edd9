package org.painlab.mechanism.model;

import org.painlab.mechanism.math.Expr;

/**
 * A variable's value at the start given by a formula instead of a number.
 *
 * @since 0.1
 */
public record InitialAssignment(String variable, Expr math) {
}
