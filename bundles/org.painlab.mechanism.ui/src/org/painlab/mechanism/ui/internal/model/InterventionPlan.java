package org.painlab.mechanism.ui.internal.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

import org.painlab.mechanism.sim.Interventions;

/**
 * The interventions a user has placed on the timeline, with undo: each change (add, move, delete) keeps the
 * plan before it. Placements are the engine's {@link Interventions.Timed}: event id and time.
 */
public final class InterventionPlan {
    private List<Interventions.Timed> placed = new ArrayList<>();
    private final Deque<List<Interventions.Timed>> undo = new ArrayDeque<>();

    /** What is placed, ordered by time. */
    public List<Interventions.Timed> placed() {
        List<Interventions.Timed> l = new ArrayList<>(placed);
        l.sort(Comparator.comparingDouble(Interventions.Timed::time).thenComparing(Interventions.Timed::eventId));
        return List.copyOf(l);
    }

    /** Places intervention {@code eventId} at {@code time}. */
    public void add(String eventId, double time) {
        remember();
        placed.add(new Interventions.Timed(eventId, time));
    }

    /** Moves a placed intervention to {@code time}; false when it is not placed. */
    public boolean move(Interventions.Timed which, double time) {
        int i = placed.indexOf(which);
        if (i < 0) {
            return false;
        }
        remember();
        placed.set(i, new Interventions.Timed(which.eventId(), time));
        return true;
    }

    /** Removes a placed intervention; false when it is not placed. */
    public boolean delete(Interventions.Timed which) {
        if (!placed.contains(which)) {
            return false;
        }
        remember();
        placed.remove(which);
        return true;
    }

    /** Removes everything (undoable). */
    public void clear() {
        if (!placed.isEmpty()) {
            remember();
            placed.clear();
        }
    }

    /** Forgets everything, history included (another model). */
    public void reset() {
        placed.clear();
        undo.clear();
    }

    /** Goes back to the plan before the last change; false when there is none. */
    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        placed = new ArrayList<>(undo.pop());
        return true;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    /** The placements as the command line writes them ({@code ID@t}, for {@code mech run --intervention}). */
    public List<String> specs() {
        return placed().stream().map(t -> t.eventId() + "@" + ExprText.number(t.time())).toList();
    }

    private void remember() {
        undo.push(List.copyOf(placed));
    }
}
