package org.painlab.stats.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cell of a paper table: the printed text, the footnote markers printed after it (*, **, #,
 * ##, ###, †), how many columns it spans, and its provenance: the unrounded numbers behind the
 * text and the id of the comparison whose result it shows.
 *
 * @param text printed text, never null
 * @param markers markers printed as superscripts after the text
 * @param colSpan columns spanned, at least 1
 * @param numbers the numbers behind the text (n, mean, sd, p_value, ...), unrounded
 * @param resultId id of the {@link org.painlab.stats.plan.ComparisonResult} shown, or null
 * @param note explanation (the reason of a test choice), or null
 *
 * @since 0.1
 */
public record Cell(String text, List<String> markers, int colSpan, Map<String, Object> numbers, String resultId,
        String note) {

    /** Copies lists and maps; an empty text stays empty. */
    public Cell {
        text = text == null ? "" : text;
        markers = List.copyOf(markers == null ? List.of() : markers);
        numbers = numbers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        if (colSpan < 1) {
            throw new IllegalArgumentException("colSpan must be at least 1");
        }
    }

    /**
     * @param text text
     * @return a plain cell
     */
    public static Cell of(String text) {
        return new Cell(text, List.of(), 1, Map.of(), null, null);
    }

    /** @return an empty cell */
    public static Cell empty() {
        return of("");
    }

    /**
     * @param value marker to add
     * @return a copy with the marker appended
     */
    public Cell withMarker(String value) {
        List<String> m = new java.util.ArrayList<>(markers);
        m.add(value);
        return new Cell(text, m, colSpan, numbers, resultId, note);
    }

    /**
     * @param value columns to span
     * @return a copy spanning them
     */
    public Cell withSpan(int value) {
        return new Cell(text, markers, value, numbers, resultId, note);
    }

    /** @return the text with its markers appended, as plain-text writers print it */
    public String plainText() {
        return markers.isEmpty() ? text : text + String.join("", markers);
    }
}
