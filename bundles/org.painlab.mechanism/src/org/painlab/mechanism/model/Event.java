package org.painlab.mechanism.model;

import java.util.List;

import org.painlab.mechanism.math.Expr;

/**
 * A discontinuity: when the trigger becomes true the assignments are made at once (a dose, a surgery, a
 * switch). Interventions are events triggered at a time.
 *
 * @param id event id (interventions refer to it), may be null
 * @param name display name
 * @param trigger the condition
 * @param initialValue the trigger's value just before the start (false lets an event fire at the start)
 * @param persistent whether a delayed event still fires when its trigger turns false before the delay ends
 * @param delay time from trigger to the assignments, or null for none
 * @param assignments what changes
 * @param useValuesFromTriggerTime whether the assigned values are computed when the trigger fires (true) or when
 *        a delayed event executes (false)
 * @param priority orders events executed at the same instant (higher first, SBML Level 3), or null for none
 * @since 0.1
 */
public record Event(String id, String name, Expr trigger, boolean initialValue, boolean persistent, Expr delay,
        List<Assignment> assignments, boolean useValuesFromTriggerTime, Expr priority) {
    /** Copies the list. */
    public Event {
        assignments = List.copyOf(assignments);
    }

    /** An event whose values are computed when it triggers, without priority. */
    public Event(String id, String name, Expr trigger, boolean initialValue, boolean persistent, Expr delay,
            List<Assignment> assignments) {
        this(id, name, trigger, initialValue, persistent, delay, assignments, true, null);
    }

    /** One change an event makes: variable = math, math read when the event fires. */
    public record Assignment(String variable, Expr math) {
    }
}
