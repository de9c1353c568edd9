package org.painlab.mechanism.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.painlab.mechanism.model.Compartment;
import org.painlab.mechanism.model.Event;
import org.painlab.mechanism.model.InitialAssignment;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.model.Reaction;
import org.painlab.mechanism.model.Rule;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.ui.internal.model.ExprText;
import org.painlab.mechanism.ui.internal.model.LoadedModel;
import org.painlab.mechanism.sbml.ModelNotes;
import org.painlab.mechanism.ui.internal.model.Plotables;

/** Builds the outline's rows of one model: compartments, species, parameters, reactions, rules, events. */
final class OutlineTree {
    private OutlineTree() {
    }

    static OutlineNode of(LoadedModel lm) {
        Model m = lm.model();
        ModelNotes n = lm.notes();
        List<OutlineNode> groups = new ArrayList<>();
        List<OutlineNode> rows = new ArrayList<>();
        for (Compartment c : m.compartments()) {
            rows.add(new OutlineNode(lm, label(c.id(), c.name()), "size " + ExprText.number(c.size()), n.units(c.id()), n.note(c.id()),
                    List.of()));
        }
        group(groups, lm, "Compartments", rows);
        rows = new ArrayList<>();
        for (Species s : m.species()) {
            double start = Double.isNaN(s.initialAmount()) ? s.initialConcentration() : s.initialAmount();
            String value = (Double.isNaN(start) ? "set by a formula" : "starts at " + ExprText.number(start))
                    + (s.boundaryCondition() ? ", boundary" : "") + (s.constant() ? ", constant" : "");
            rows.add(new OutlineNode(lm, label(s.id(), s.name()), value, n.units(s.id()), n.note(s.id()), List.of()));
        }
        group(groups, lm, "Species", rows);
        rows = new ArrayList<>();
        for (Parameter p : m.parameters()) {
            String value = Double.isNaN(p.value()) ? "set by a formula" : ExprText.number(p.value());
            rows.add(new OutlineNode(lm, label(p.id(), p.name()), p.constant() ? value : value + " (changes)", n.units(p.id()),
                    n.note(p.id()), List.of(), p.id()));
        }
        group(groups, lm, "Parameters", rows);
        rows = new ArrayList<>();
        for (Reaction r : m.reactions()) {
            rows.add(new OutlineNode(lm, label(r.id(), r.name()), ExprText.of(r.rate()), "", n.note(r.id()), List.of()));
        }
        group(groups, lm, "Reactions", rows);
        rows = new ArrayList<>();
        for (Rule r : m.rules()) {
            String lhs = r.kind() == Rule.Kind.RATE ? "d[" + r.variable() + "]/dt" : r.variable();
            rows.add(new OutlineNode(lm, lhs, ExprText.of(r.math()), n.units(r.variable()), "", List.of()));
        }
        for (InitialAssignment a : m.initialAssignments()) {
            rows.add(new OutlineNode(lm, a.variable() + "(0)", ExprText.of(a.math()), n.units(a.variable()), "", List.of()));
        }
        group(groups, lm, "Rules", rows);
        rows = new ArrayList<>();
        for (Event e : m.events()) {
            String id = e.id() == null ? "(unnamed event)" : e.id();
            double own = Plotables.ownTime(m, e);
            String when = "when " + ExprText.of(e.trigger()) + (Double.isNaN(own) ? "" : " (t = " + ExprText.number(own) + ")");
            rows.add(new OutlineNode(lm, label(id, e.name()), when, "", n.note(id), List.of()));
        }
        group(groups, lm, "Events and interventions", rows);
        return new OutlineNode(lm, lm.label(), lm.builtIn() ? "built-in: " + lm.source() : "file", n.timeUnits().isEmpty() ? ""
                : "time unit: " + n.timeUnits(), n.modelNote(), groups);
    }

    private static void group(List<OutlineNode> groups, LoadedModel lm, String title, List<OutlineNode> rows) {
        if (!rows.isEmpty()) {
            groups.add(new OutlineNode(lm, title + " (" + rows.size() + ")", "", "", "", rows));
        }
    }

    private static String label(String id, String name) {
        return name == null || name.isBlank() || name.equals(id) ? id : id + " – " + name;
    }
}
