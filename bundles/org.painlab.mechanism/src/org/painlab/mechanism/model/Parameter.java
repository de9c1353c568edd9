package org.painlab.mechanism.model;

/**
 * A named number of the model: a rate constant, or a variable changed by rules or events.
 *
 * @param id symbol id
 * @param name display name
 * @param value value at the start (NaN when set by an initial assignment or rule)
 * @param constant false when rules or events change it
 * @since 0.1
 */
public record Parameter(String id, String name, double value, boolean constant) {
    /** The same parameter with another starting value (a user's setting). */
    public Parameter withValue(double v) {
        return new Parameter(id, name, v, constant);
    }
}
