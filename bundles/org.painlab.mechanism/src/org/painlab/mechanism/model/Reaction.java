package org.painlab.mechanism.model;

import java.util.List;
import java.util.Map;

import org.painlab.mechanism.math.Expr;

/**
 * A process converting reactants into products at the rate of its kinetic law (substance per time).
 *
 * @param id symbol id (its rate in formulas)
 * @param name display name
 * @param reactants consumed species
 * @param products produced species
 * @param modifiers species that change the rate without being consumed
 * @param rate the kinetic law
 * @param localParameters parameters only the kinetic law sees, shadowing global ones
 * @since 0.1
 */
public record Reaction(String id, String name, List<SpeciesReference> reactants, List<SpeciesReference> products,
        List<String> modifiers, Expr rate, Map<String, Double> localParameters) {
    /** Copies the lists. */
    public Reaction {
        reactants = List.copyOf(reactants);
        products = List.copyOf(products);
        modifiers = List.copyOf(modifiers);
        localParameters = Map.copyOf(localParameters);
    }
}
