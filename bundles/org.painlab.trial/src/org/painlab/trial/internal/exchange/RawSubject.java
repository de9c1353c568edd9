package org.painlab.trial.internal.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.trial.store.VariableDefinition;

/**
 * One subject as read from a file, before validation: texts with their locations, already renamed and
 * recoded by the column mapping.
 */
public final class RawSubject {
    /**
     * A subject field or baseline variable value; {@code alsoAt} lists further source cells that gave
     * the same value for the same slot (e.g. one field at several REDCap events), each of which counts
     * as read and as imported or refused with it.
     */
    public record Cell(String raw, Loc loc, List<Loc> alsoAt) {
        /** Copies the list. */
        public Cell {
            alsoAt = List.copyOf(alsoAt);
        }

        /**
         * A value read from one cell.
         *
         * @param raw the text
         * @param loc the cell
         */
        public Cell(String raw, Loc loc) {
            this(raw, loc, List.of());
        }

        /** @return every source cell this value stands for, first the one it was read from */
        public List<Loc> locs() {
            if (alsoAt.isEmpty()) {
                return List.of(loc);
            }
            List<Loc> all = new ArrayList<>(alsoAt.size() + 1);
            all.add(loc);
            all.addAll(alsoAt);
            return all;
        }
    }

    /**
     * An answer: visit, instrument and item as named in the file (resolved to ids by the checker), the
     * value text and where each part was found.
     */
    public record AnswerCell(String visit, Loc visitLoc, String instrument, Loc instrumentLoc, String item, Loc itemLoc,
            String raw, Loc valueLoc) {
        /**
         * An answer whose parts all come from one cell (wide layout, REDCap, ODM).
         *
         * @param visit visit
         * @param instrument instrument
         * @param item item or null (single-item instrument)
         * @param raw value text
         * @param loc the cell
         * @return the answer cell
         */
        public static AnswerCell at(String visit, String instrument, String item, String raw, Loc loc) {
            return new AnswerCell(visit, loc, instrument, loc, item, loc, raw, loc);
        }
    }

    /**
     * A value of a repeated form or of a form filled at several visits: form, visit (as named in the
     * file, "" without events), instance (0 = not repeated), field and the value, with the field's
     * definition when the source gives one (REDCap field type, validation and choices; ODM DataType and
     * CodeList): the value is then checked against it like a subject-level value.
     */
    public record ObservationCell(String form, String visit, Loc visitLoc, int instance, String field, Cell cell,
            VariableDefinition definition) {
        /**
         * An observation whose field the source does not define (a table): its value is kept as text,
         * a number when it is one.
         *
         * @param form the form
         * @param visit the visit as named in the file, or ""
         * @param visitLoc where the visit was read
         * @param instance the instance (0 = not repeated)
         * @param field the field
         * @param cell the value
         */
        public ObservationCell(String form, String visit, Loc visitLoc, int instance, String field, Cell cell) {
            this(form, visit, visitLoc, instance, field, cell, null);
        }

        /** @return the slot key (form, visit, instance, field) */
        String slot() {
            return form + "\u0000" + visit + "\u0000" + instance + "\u0000" + field;
        }
    }

    private final String id;
    private final Loc idLoc;
    private final Map<String, ObservationCell> observations = new LinkedHashMap<>();
    private final Map<String, Cell> fields = new LinkedHashMap<>();
    private final Map<String, Cell> variables = new LinkedHashMap<>();
    private final List<AnswerCell> answers = new ArrayList<>();
    private final List<Cell> keys = new ArrayList<>();
    private final Map<String, String> conflicts = new HashMap<>();

    /**
     * Creates a subject.
     *
     * @param id the subject id text
     * @param idLoc where it was read (its row is the subject's first row)
     */
    public RawSubject(String id, Loc idLoc) {
        this.id = id;
        this.idLoc = idLoc;
    }

    /** @return the id text */
    public String id() {
        return id;
    }

    /** @return where the id was read */
    public Loc idLoc() {
        return idLoc;
    }

    /** @return subject field name (arm, status, ...) to cell, in file order */
    public Map<String, Cell> fields() {
        return fields;
    }

    /** @return variable name to cell, in file order */
    public Map<String, Cell> variables() {
        return variables;
    }

    /** @return the answers in file order */
    public List<AnswerCell> answers() {
        return answers;
    }

    /** @return the observations of repeated and per-visit forms, in file order */
    public java.util.Collection<ObservationCell> observations() {
        return observations.values();
    }

    /**
     * Puts an observation. The same value given again for its slot (form, visit, instance, field) is
     * merged; a different value is a conflict like in {@link #put}: every value given for the slot is
     * refused and none is imported.
     *
     * @param o the observation as read
     * @param checker receives the refusals
     */
    public void observe(ObservationCell o, ImportChecker checker) {
        String key = "o:" + o.slot();
        Loc loc = o.cell().loc();
        String value = o.cell().raw();
        String why = conflicts.get(key);
        if (why != null) {
            checker.refuse(id, loc, value, why + "; also '" + value + "' (line " + loc.row() + ")");
            return;
        }
        ObservationCell prev = observations.get(o.slot());
        if (prev == null) {
            observations.put(o.slot(), o);
            return;
        }
        if (prev.cell().raw().equals(value)) {
            List<Loc> also = new ArrayList<>(prev.cell().alsoAt());
            also.add(loc);
            observations.put(o.slot(), new ObservationCell(prev.form(), prev.visit(), prev.visitLoc(), prev.instance(), prev.field(),
                    new Cell(value, prev.cell().loc(), also), prev.definition()));
            return;
        }
        observations.remove(o.slot());
        why = "conflict: " + o.field() + " of form " + o.form() + (o.visit().isEmpty() ? "" : " at " + o.visit())
                + (o.instance() > 0 ? " instance " + o.instance() : "") + " of record " + id + " is '" + prev.cell().raw()
                + "' (line " + prev.cell().loc().row() + ") and '" + value + "' (line " + loc.row()
                + "); two values for one slot are not imported";
        conflicts.put(key, why);
        for (Loc l : prev.cell().locs()) {
            checker.refuse(id, l, prev.cell().raw(), why);
        }
        checker.refuse(id, loc, value, why);
    }

    /**
     * Clears an observation slot (an ODM Update or Remove).
     *
     * @param form the form
     * @param visit the visit as named in the file
     * @param instance the instance
     * @param field the field
     * @param checker takes back the removed values
     * @param why the reason noted for the values taken back
     */
    public void clearObservation(String form, String visit, int instance, String field, ImportChecker checker, String why) {
        String slot = form + "\u0000" + visit + "\u0000" + instance + "\u0000" + field;
        conflicts.remove("o:" + slot);
        ObservationCell prev = observations.remove(slot);
        if (prev != null) {
            checker.supersede(prev.cell().locs().size(), why);
        }
    }

    /**
     * Source cells that locate the subject's values (e.g. a REDCap event name) rather than being stored
     * themselves: they count as imported when the subject is, else as refused.
     *
     * @return the key cells
     */
    public List<Cell> keys() {
        return keys;
    }

    /**
     * Puts a subject field or variable value. The same value given again (e.g. at another event) is
     * merged; a different value for the same slot is a conflict: every value given for the slot is
     * refused, naming both values, and none is imported (never last-wins).
     *
     * @param target {@link #fields()} or {@link #variables()}
     * @param name the field or variable name
     * @param value the value text
     * @param loc where it was read
     * @param checker receives the refusals
     */
    public void put(Map<String, Cell> target, String name, String value, Loc loc, ImportChecker checker) {
        put(target, name, value, loc, checker, () -> "");
    }

    /**
     * Puts a value as {@link #put(Map, String, String, Loc, ImportChecker)} does, adding a hint to a
     * conflict's reason (e.g. why the file gives the slot twice).
     *
     * @param target {@link #fields()} or {@link #variables()}
     * @param name the field or variable name
     * @param value the value text
     * @param loc where it was read
     * @param checker receives the refusals
     * @param hint gives the text appended to a conflict's reason (asked only on a conflict)
     */
    public void put(Map<String, Cell> target, String name, String value, Loc loc, ImportChecker checker,
            java.util.function.Supplier<String> hint) {
        String key = (target == fields ? "f:" : "v:") + name;
        String why = conflicts.get(key);
        if (why != null) {
            checker.refuse(id, loc, value, why + "; also '" + value + "' (line " + loc.row() + ")");
            return;
        }
        Cell prev = target.get(name);
        if (prev == null) {
            target.put(name, new Cell(value, loc));
            return;
        }
        if (prev.raw().equals(value)) {
            List<Loc> also = new ArrayList<>(prev.alsoAt());
            also.add(loc);
            target.put(name, new Cell(prev.raw(), prev.loc(), also));
            return;
        }
        target.remove(name);
        why = "conflict: " + name + " of record " + id + " is '" + prev.raw() + "' (line " + prev.loc().row() + ", "
                + prev.loc().column() + ") and '" + value + "' (line " + loc.row() + ", " + loc.column()
                + "); two values for one slot are not imported" + hint.get();
        conflicts.put(key, why);
        for (Loc l : prev.locs()) {
            checker.refuse(id, l, prev.raw(), why);
        }
        checker.refuse(id, loc, value, why);
    }

    /**
     * Replaces a slot's value (an ODM Update or Upsert): the values given before are taken back as
     * superseded, and an earlier conflict on the slot is resolved by the new value.
     *
     * @param target {@link #fields()} or {@link #variables()}
     * @param name the field or variable name
     * @param value the value text
     * @param loc where it was read
     * @param checker takes back the replaced values
     */
    public void replace(Map<String, Cell> target, String name, String value, Loc loc, ImportChecker checker) {
        clear(target, name, checker, "value replaced by a later Update or Upsert of the same item");
        target.put(name, new Cell(value, loc));
    }

    /**
     * Clears a slot (an ODM Remove): the values given before are taken back as superseded.
     *
     * @param target {@link #fields()} or {@link #variables()}
     * @param name the field or variable name
     * @param checker takes back the removed values
     * @param why the reason noted for the values taken back
     */
    public void clear(Map<String, Cell> target, String name, ImportChecker checker, String why) {
        conflicts.remove((target == fields ? "f:" : "v:") + name);
        Cell prev = target.remove(name);
        if (prev != null) {
            checker.supersede(prev.locs().size(), why);
        }
    }

    /**
     * Clears the answers given for one visit, instrument and item (an ODM Update or Remove).
     *
     * @param visit the visit as named in the file
     * @param instrument the instrument as named in the file
     * @param item the item
     * @param checker takes back the removed values
     * @param why the reason noted for the values taken back
     */
    public void clearAnswer(String visit, String instrument, String item, ImportChecker checker, String why) {
        long before = answers.size();
        answers.removeIf(a -> a.visit().equals(visit) && a.instrument().equals(instrument) && java.util.Objects.equals(a.item(), item));
        if (answers.size() < before) {
            checker.supersede(before - answers.size(), why);
        }
    }
}
