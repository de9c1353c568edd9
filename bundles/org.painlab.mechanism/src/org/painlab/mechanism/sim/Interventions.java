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
 * trigger. Several times for one id give several doses; a dosing schedule {@code ID@t0+every*count} gives
 * {@code count} doses {@code every} time units apart from t0 (e.g. {@code anticytokine_drug@1+7*4}: days 1, 8,
 * 15 and 22).
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

    /** Most doses one schedule may give (a typo such as 7*4000 should not make a model with thousands of events). */
    public static final int MAX_DOSES = 1000;

    /**
     * Parses {@code ID@t} (one dose) or {@code ID@t0+every*count} (a dosing schedule) into its doses, in time order.
     *
     * @throws IllegalArgumentException naming the bad text and what was expected
     */
    public static List<Timed> parse(String spec) {
        int at = spec.lastIndexOf('@');
        if (at <= 0 || at == spec.length() - 1) {
            throw new IllegalArgumentException("intervention '" + spec + "': expected ID@TIME or ID@FIRST+EVERY*COUNT, e.g."
                    + " dexamethasone@-1 or anticytokine_drug@1+7*4");
        }
        String id = spec.substring(0, at).strip();
        String when = spec.substring(at + 1).strip();
        int star = when.indexOf('*');
        if (star < 0) {
            return List.of(new Timed(id, number(spec, "time", when)));
        }
        int plus = when.lastIndexOf('+', star);
        // a '+' right after an exponent mark belongs to the first time (1e+3)
        while (plus > 0 && (when.charAt(plus - 1) == 'e' || when.charAt(plus - 1) == 'E')) {
            plus = when.lastIndexOf('+', plus - 1);
        }
        if (plus <= 0) {
            throw new IllegalArgumentException("intervention '" + spec + "': a schedule is FIRST+EVERY*COUNT, e.g. anticytokine_drug@1+7*4");
        }
        double first = number(spec, "first time", when.substring(0, plus));
        double every = number(spec, "interval", when.substring(plus + 1, star));
        int count;
        try {
            count = Integer.parseInt(when.substring(star + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("intervention '" + spec + "': count '" + when.substring(star + 1) + "' is not a whole number");
        }
        if (!(every > 0) || count < 1 || count > MAX_DOSES) {
            throw new IllegalArgumentException("intervention '" + spec + "': the interval must be > 0 and the count 1 to " + MAX_DOSES
                    + " (interval " + every + ", count " + count + ")");
        }
        List<Timed> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Timed(id, first + i * every));
        }
        return out;
    }

    private static double number(String spec, String what, String text) {
        try {
            double v = Double.parseDouble(text.strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("intervention '" + spec + "': " + what + " '" + text + "' is not a number");
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
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (Timed t : timed) {
            Event e = model.event(t.eventId()).orElseThrow(() -> new ModelException("model '" + model.id() + "' has no intervention (event) '"
                    + t.eventId() + "'; it has: " + model.events().stream().map(Event::id).filter(x -> x != null).toList()));
            Expr trigger = Expr.apply(Op.GEQ, new Expr.Time(), Expr.num(t.time()));
            String id = e.id() + "@" + t.time();
            String unique = id;
            for (int k = 2; taken.contains(unique); k++) {
                unique = id + "#" + k; // simultaneous events: each computed from the state before either fires
            }
            taken.add(unique);
            // the dose happens at the placed time; what the model says about how it acts (a delay before it
            // takes effect, values read then or at the dose, its priority among simultaneous events) stays
            added.add(new Event(unique, e.name(), trigger, false, true, e.delay(), e.assignments(),
                    e.useValuesFromTriggerTime(), e.priority()));
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
