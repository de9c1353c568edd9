package org.painlab.mechanism.ui.internal.model;

import java.util.ArrayList;
import java.util.List;

import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.Op;
import org.painlab.mechanism.model.Event;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.model.Rule;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.sim.Output;

/** What of a model can be plotted over time, and what is plotted first. */
public final class Plotables {
    private Plotables() {
    }

    /** Every species, then every parameter that rules or events change (outputs such as pain). */
    public static List<String> of(Model m) {
        List<String> out = new ArrayList<>();
        m.species().forEach(s -> out.add(s.id()));
        for (Parameter p : m.parameters()) {
            boolean ruled = m.rules().stream().anyMatch(r -> r.variable().equals(p.id()));
            if (!p.constant() || ruled) {
                out.add(p.id());
            }
        }
        for (Rule r : m.rules()) {
            if (!out.contains(r.variable()) && m.compartments().stream().noneMatch(c -> c.id().equals(r.variable()))) {
                out.add(r.variable());
            }
        }
        return out;
    }

    /** {@code pain} when the model has it, else its first plotable symbol. */
    public static String first(Model m) {
        List<String> all = of(m);
        return all.contains("pain") ? "pain" : all.isEmpty() ? null : all.get(0);
    }

    /** Output columns for {@code ids}: species as the model states them (amount or concentration). */
    public static List<Output> outputs(Model m, List<String> ids) {
        return ids.stream().map(id -> new Output(id, m.speciesById(id).map(Species::hasOnlySubstanceUnits).orElse(true))).toList();
    }

    /** Parameters a slider can change: constant ones with a finite starting value. */
    public static List<Parameter> adjustable(Model m) {
        return m.parameters().stream().filter(p -> p.constant() && Double.isFinite(p.value())).toList();
    }

    /**
     * When an intervention happens on its own, for a trigger {@code time >= p} (or {@code time >= number})
     * whose time is finite and below 1e8 (the built-in models park unused treatments at 1e9); else NaN.
     */
    public static double ownTime(Model m, Event e) {
        if (e.trigger() instanceof Expr.Apply a && a.op() == Op.GEQ && a.args().size() == 2 && a.args().get(0) instanceof Expr.Time) {
            double t = switch (a.args().get(1)) {
                case Expr.Num n -> n.value();
                case Expr.Name n -> m.parameter(n.id()).map(Parameter::value).orElse(Double.NaN);
                default -> Double.NaN;
            };
            return Double.isFinite(t) && Math.abs(t) < 1e8 ? t : Double.NaN;
        }
        return Double.NaN;
    }

    /** The events a user can place on the timeline: those with an id (see {@code sim.Interventions}). */
    public static List<Event> interventions(Model m) {
        return m.events().stream().filter(e -> e.id() != null && !e.id().isBlank()).toList();
    }
}
