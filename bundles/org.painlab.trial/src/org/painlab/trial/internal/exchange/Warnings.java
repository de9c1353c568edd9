package org.painlab.trial.internal.exchange;

/**
 * Receives what a reader noticed in a cell that is imported but deserves a look (a formula, text that a
 * spreadsheet would run as one); {@link ImportChecker#warning(Loc, String)} lists it in the report.
 */
@FunctionalInterface
public interface Warnings {
    /** Notices nothing (files that are not data: a design file, a data dictionary). */
    Warnings NONE = (where, what) -> {
    };

    /**
     * Notes a cell.
     *
     * @param where the row or line and the column's name
     * @param what what is special about it
     */
    void warn(Loc where, String what);

    /**
     * The warning for a cell whose text looks like a spreadsheet formula.
     *
     * @param text the cell's text
     * @return the words for the report
     */
    static String formulaText(String text) {
        return "looks like a spreadsheet formula: '" + shorten(text) + "' (imported as text; CSV exports write it with a ' "
                + "in front so that a spreadsheet shows it instead of running it)";
    }

    /**
     * A cell's text cut to 40 characters for a message.
     *
     * @param text the text
     * @return the text, or its start and an ellipsis
     */
    static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
