package org.painlab.mechanism.sim;

/**
 * One output column: a model symbol, and for a species whether its amount (true) or concentration (false)
 * is wanted; for other symbols the flag is ignored.
 *
 * @since 0.1
 */
public record Output(String id, boolean amount) {
}
