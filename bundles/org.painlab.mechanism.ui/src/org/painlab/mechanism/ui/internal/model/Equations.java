package org.painlab.mechanism.ui.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.mechanism.math.FunctionDefinition;
import org.painlab.mechanism.model.Event;
import org.painlab.mechanism.model.InitialAssignment;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.Reaction;
import org.painlab.mechanism.model.Rule;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.model.SpeciesReference;

/**
 * A model written out as the equations it stands for: one {@code d[X]/dt = ...} per species from the
 * reactions' stoichiometry, the rate laws, rate and assignment rules, initial assignments, function
 * definitions and events, grouped in sections.
 */
public final class Equations {
    private Equations() {
    }

    /** Section title to its lines, in reading order; empty sections left out. */
    public static Map<String, List<String>> of(Model m) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> odes = new ArrayList<>();
        for (Species s : m.species()) {
            boolean ruled = m.rules().stream().anyMatch(r -> r.variable().equals(s.id()));
            if (s.constant() || s.boundaryCondition() || ruled) {
                continue;
            }
            List<String> terms = new ArrayList<>();
            for (Reaction r : m.reactions()) {
                double net = 0;
                for (SpeciesReference x : r.products()) {
                    net += x.species().equals(s.id()) ? x.stoichiometry() : 0;
                }
                for (SpeciesReference x : r.reactants()) {
                    net -= x.species().equals(s.id()) ? x.stoichiometry() : 0;
                }
                if (net != 0) {
                    String coefficient = Math.abs(net) == 1 ? "" : ExprText.number(Math.abs(net)) + "·";
                    terms.add((net < 0 ? "- " : terms.isEmpty() ? "" : "+ ") + coefficient + r.id());
                }
            }
            if (terms.isEmpty()) {
                continue;
            }
            String sum = String.join(" ", terms);
            // a species meant as a concentration changes by the reaction fluxes over its compartment's size
            odes.add("d[" + s.id() + "]/dt = " + (s.hasOnlySubstanceUnits() ? sum : "(" + sum + ") / " + s.compartment()));
        }
        for (Rule r : m.rules()) {
            if (r.kind() == Rule.Kind.RATE) {
                odes.add("d[" + r.variable() + "]/dt = " + ExprText.of(r.math()));
            }
        }
        put(out, "Differential equations", odes);
        List<String> rates = new ArrayList<>();
        for (Reaction r : m.reactions()) {
            String locals = r.localParameters().isEmpty() ? ""
                    : "   (local: " + String.join(", ", r.localParameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + " = " + ExprText.number(e.getValue())).toList()) + ")";
            rates.add(r.id() + " = " + ExprText.of(r.rate()) + locals);
        }
        put(out, "Rate laws", rates);
        List<String> assignments = new ArrayList<>();
        for (Rule r : m.rules()) {
            if (r.kind() == Rule.Kind.ASSIGNMENT) {
                assignments.add(r.variable() + " = " + ExprText.of(r.math()));
            }
        }
        put(out, "Assignment rules", assignments);
        List<String> initial = new ArrayList<>();
        for (InitialAssignment a : m.initialAssignments()) {
            initial.add(a.variable() + "(0) = " + ExprText.of(a.math()));
        }
        put(out, "Initial assignments", initial);
        List<String> functions = new ArrayList<>();
        for (FunctionDefinition f : m.functions()) {
            functions.add(f.id() + "(" + String.join(", ", f.arguments()) + ") = " + ExprText.of(f.body()));
        }
        put(out, "Functions", functions);
        List<String> events = new ArrayList<>();
        for (Event e : m.events()) {
            events.add((e.id() == null ? "event" : e.id()) + ": when " + ExprText.of(e.trigger()) + " then "
                    + String.join("; ", e.assignments().stream().map(a -> a.variable() + " := " + ExprText.of(a.math())).toList()));
        }
        put(out, "Events and interventions", events);
        return out;
    }

    /** The whole text, sections headed by their titles. */
    public static String text(Model m) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<String>> e : of(m).entrySet()) {
            b.append(e.getKey()).append('\n');
            e.getValue().forEach(l -> b.append("  ").append(l).append('\n'));
            b.append('\n');
        }
        return b.toString();
    }

    private static void put(Map<String, List<String>> out, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.put(title, lines);
        }
    }
}
