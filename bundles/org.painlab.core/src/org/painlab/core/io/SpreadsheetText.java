package org.painlab.core.io;

import java.util.regex.Pattern;

/**
 * Keeps text written to a CSV file from running as a formula when a spreadsheet opens the file
 * (CSV injection, CWE-1236). OWASP's rule: a cell that begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is written with a single quote {@code '} in front, which
 * spreadsheets take as "this is text". Numbers stay numbers: {@code -1.5} or {@code +3e-2} is written
 * as it is. Every CSV writer that puts user-entered text into a file (trial exports, the REDCap
 * export, the audit trail, report tables) goes through {@link #neutralize(String)}; the trial CSV
 * importers undo it with {@link #restore(String)}, so an export imports back unchanged.
 *
 * @since 0.1
 */
public final class SpreadsheetText {
    /** A plain decimal number, as a spreadsheet reads it without evaluating anything. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private SpreadsheetText() {
    }

    /**
     * Whether a spreadsheet could run the text as a formula: it begins with {@code =}, {@code +},
     * {@code -}, {@code @}, tab or carriage return and is not a plain number.
     *
     * @param text a cell's text (null is none)
     * @return true when the text needs the quote in front
     */
    public static boolean isDangerous(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
            return false;
        }
        return !NUMBER.matcher(text).matches();
    }

    /**
     * The text to write into a CSV cell: the text itself, or with a single quote in front when a
     * spreadsheet could run it as a formula.
     *
     * @param text a cell's text (null is written as null)
     * @return the text to write
     */
    public static String neutralize(String text) {
        return isDangerous(text) ? "'" + text : text;
    }

    /**
     * Undoes {@link #neutralize(String)} on a cell read from a CSV file: a single quote followed by
     * text that would need it is dropped; any other text is returned as it is.
     *
     * @param cell a cell as read (null is returned as null)
     * @return the original text
     */
    public static String restore(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && isDangerous(cell.substring(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    /**
     * Whether text read from a file looks like a spreadsheet formula a lab should look at: it begins
     * with {@code =} or {@code @}, or with {@code +} or {@code -} followed by a function call, a
     * reference to another sheet or program ({@code !}, {@code |}) or another {@code =}. Negative
     * numbers and dashes ("-", "- none -") do not.
     *
     * @param text the text, already stripped of surrounding blanks (null is none)
     * @return true when it looks like a formula
     */
    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        if (c == '=' || c == '@') {
            return text.length() > 1;
        }
        if ((c == '+' || c == '-') && !NUMBER.matcher(text).matches()) {
            return text.indexOf('(') > 0 || text.indexOf('!') > 0 || text.indexOf('|') > 0 || text.indexOf('=') > 0;
        }
        return false;
    }
}
