package org.painlab.mechanism.model;

/**
 * A molecular or cellular population (SBML species), e.g. TNF-alpha or activated microglia.
 *
 * @param id symbol id
 * @param name display name
 * @param compartment the compartment's id
 * @param initialAmount amount at the start, NaN when given as a concentration or by an initial assignment
 * @param initialConcentration concentration at the start, NaN when given as an amount
 * @param hasOnlySubstanceUnits true when the symbol means the amount in formulas, false the concentration
 * @param boundaryCondition true when reactions do not change it
 * @param constant true when nothing changes it
 * @param conversionFactor id of a parameter scaling its reaction rates, or null
 * @since 0.1
 */
public record Species(String id, String name, String compartment, double initialAmount, double initialConcentration,
        boolean hasOnlySubstanceUnits, boolean boundaryCondition, boolean constant, String conversionFactor) {
}
