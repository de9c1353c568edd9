package org.painlab.trial.internal.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One subject as read from a file, before validation: texts with their locations, already renamed and
 * recoded by the column mapping.
 */
public final class RawSubject {
    /** A subject field or baseline variable value. */
    public record Cell(String raw, Loc loc) {
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

    private final String id;
    private final Loc idLoc;
    private final Map<String, Cell> fields = new LinkedHashMap<>();
    private final Map<String, Cell> variables = new LinkedHashMap<>();
    private final List<AnswerCell> answers = new ArrayList<>();

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
}
