package org.painlab.mechanism.sim;

import java.util.ArrayList;
import java.util.List;

import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.Op;
import org.painlab.mechanism.model.Event;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;

/**
 * Timed interventions: a model declares each intervention as an event (its id is the intervention's id, its
 * assignments are what the intervention does); {@code ID@t} makes it happen at time t instead of on its own
 * trigger. Several times for one id give several doses.
 *
 * @since 0.1
 */
public final class Interventions {
    private Interventions() {
    }

    /** One scheduled intervention. */
    public record Timed(String eventId, double time) {
        /**
         * Parses {@code ID@t}.
         *
         * @throws IllegalArgumentException naming the bad text
         */
        public static Timed parse(String spec) {
            int at = spec.lastIndexOf('@');
            if (at <= 0 || at == spec.length() - 1) {
                throw new IllegalArgumentException("intervention '" + spec + "': expected ID@TIME, e.g. dexamethasone@-1");
            }
            try {
                return new Timed(spec.substring(0, at).strip(), Double.parseDouble(spec.substring(at + 1).strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("intervention '" + spec + "': time '" + spec.substring(at + 1) + "' is not a number");
            }
        }
    }

    /**
     * The model with each named event replaced by copies triggered at the given times.
     *
     * @throws ModelException when the model has no event with such an id
     */
    public static Model apply(Model model, List<Timed> timed) throws ModelException {
        if (timed.isEmpty()) {
            return model;
        }
        List<Event> kept = new ArrayList<>();
        List<Event> added = new ArrayList<>();
        for (Timed t : timed) {
            Event e = model.event(t.eventId()).orElseThrow(() -> new ModelException("model '" + model.id() + "' has no intervention (event) '"
                    + t.eventId() + "'; it has: " + model.events().stream().map(Event::id).filter(x -> x != null).toList()));
            Expr trigger = Expr.apply(Op.GEQ, new Expr.Time(), Expr.num(t.time()));
            added.add(new Event(e.id() + "@" + t.time(), e.name(), trigger, false, true, null, e.assignments()));
        }
        for (Event e : model.events()) {
            if (e.id() == null || timed.stream().noneMatch(t -> t.eventId().equals(e.id()))) {
                kept.add(e);
            }
        }
        Model without = new Model(model.id(), model.name(), model.functions(), model.compartments(), model.species(),
                model.parameters(), model.initialAssignments(), model.rules(), model.reactions(), kept, model.conversionFactor());
        return without.withEvents(added);
    }
}
