package org.painlab.mechanism.model;

/**
 * A species taking part in a reaction with a constant stoichiometry.
 *
 * @since 0.1
 */
public record SpeciesReference(String species, double stoichiometry) {
}
