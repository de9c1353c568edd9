package org.painlab.trial.exchange;

import java.util.Locale;

/**
 * Where the values of one form of an imported REDCap or ODM file go, as the {@code forms} object of a
 * {@link ColumnMapping} says: {@code "baseline"}, {@code "visit:<visit id>"}, {@code "instrument:<id>"},
 * {@code "form"} or {@code "ignore"}.
 *
 * @param kind the routing
 * @param id the visit id ({@link Kind#VISIT}) or instrument id ({@link Kind#INSTRUMENT}), else ""
 *
 * @since 0.1
 */
public record FormRoute(Kind kind, String id) {

    /** The routings a form can be given. */
    public enum Kind {
        /** Its items are subject-level variables (one value per subject). */
        BASELINE,
        /** Its items are values of one visit, whatever event the file puts them in. */
        VISIT,
        /** The form is an installed instrument's answers; the event gives the visit. */
        INSTRUMENT,
        /** Kept as its own form: observations with their visit and instance. */
        FORM,
        /** Left out: its values are counted in the report's notes, not imported. */
        IGNORE
    }

    /** Checks the parts. */
    public FormRoute {
        if (kind == null) {
            throw new IllegalArgumentException("no routing");
        }
        id = id == null ? "" : id.strip();
        if ((kind == Kind.VISIT || kind == Kind.INSTRUMENT) == id.isEmpty()) {
            throw new IllegalArgumentException(kind == Kind.VISIT ? "visit: needs a visit id, e.g. \"visit:week4\""
                    : kind == Kind.INSTRUMENT ? "instrument: needs an instrument id, e.g. \"instrument:odi\"" : "no id after " + kind);
        }
    }

    /**
     * Reads a routing as a mapping file writes it.
     *
     * @param text e.g. "baseline", "visit:week4", "instrument:odi", "form", "ignore"
     * @return the routing
     * @throws IllegalArgumentException naming the valid routings when the text is none of them
     */
    public static FormRoute parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.indexOf(':');
        String head = (colon < 0 ? t : t.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String id = colon < 0 ? "" : t.substring(colon + 1);
        Kind kind = switch (head) {
            case "baseline" -> Kind.BASELINE;
            case "visit" -> Kind.VISIT;
            case "instrument" -> Kind.INSTRUMENT;
            case "form" -> Kind.FORM;
            case "ignore" -> Kind.IGNORE;
            default -> throw new IllegalArgumentException("'" + t + "' is no form routing: valid \"baseline\", \"visit:<visit id>\", "
                    + "\"instrument:<instrument id>\", \"form\", \"ignore\"");
        };
        if ((kind == Kind.BASELINE || kind == Kind.FORM || kind == Kind.IGNORE) && colon >= 0) {
            throw new IllegalArgumentException("'" + t + "': \"" + head + "\" takes no id after ':'");
        }
        return new FormRoute(kind, id);
    }

    /**
     * The routing as a mapping file writes it.
     *
     * @return e.g. "visit:week4"
     */
    @Override
    public String toString() {
        String head = kind.name().toLowerCase(Locale.ROOT);
        return id.isEmpty() ? head : head + ":" + id;
    }
}
