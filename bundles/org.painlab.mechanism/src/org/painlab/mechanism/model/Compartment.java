package org.painlab.mechanism.model;

/**
 * A well-mixed volume species live in (SBML compartment).
 *
 * @param id symbol id
 * @param name display name (may equal id)
 * @param size size at the start (NaN when set by an initial assignment or rule)
 * @param constant false when rules or events change the size
 * @since 0.1
 */
public record Compartment(String id, String name, double size, boolean constant) {
}
