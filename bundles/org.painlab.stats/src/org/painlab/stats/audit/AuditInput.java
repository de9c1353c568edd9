package org.painlab.stats.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.painlab.stats.Alternative;

/**
 * Reads the input of {@code painlab stats audit} (already parsed from JSON into maps and lists):
 * <pre>{@code
 * {"rows": [
 *   {"label": "Diabetes", "kind": "counts", "table_rows": [[3, 37], [9, 31]],
 *    "printed_p": 0.031, "stated_test": "chi-square or Fisher"},
 *   {"label": "MacNab", "kind": "ordinal", "table_rows": [[20, 13, 3, 0], [20, 12, 6, 0]],
 *    "printed_p": "0.62", "stated_test": "Mann-Whitney U"},
 *   {"label": "VAS", "kind": "summary", "integer_data": false,
 *    "groups": [{"n": 40, "mean": 4.7, "sd": 1.3}, {"n": 40, "mean": 6.5, "sd": 1.3}],
 *    "printed_p": "<0.001", "stated_test": "t test", "stated_alternative": "two-sided"}
 * ]}
 * }</pre>
 * Besides the fields of CLI.md: "printed_p" may be a string ("&lt;0.001", "0.030"), and
 * "printed_p_text" keeps trailing zeros a JSON number loses; "stated_alternative" is the
 * sidedness the paper states (default: two-sided assumed); for ordinal rows table_rows holds
 * groups in rows and ordered grades in columns ("groups_in": "columns" for the transpose); for
 * summary rows each group may give "mean"/"sd" as strings to keep printed decimals (or
 * "mean_text"/"sd_text"), "integer": true (or row-level "integer_data": true) when the values
 * are integers so that GRIM applies, and "items" for multi-item scales.
 *
 * @since 0.1
 */
public final class AuditInput {

    private AuditInput() {
    }

    /**
     * @param root the parsed JSON document
     * @return the rows
     * @throws IllegalArgumentException naming the row and field that is wrong
     */
    public static List<AuditRow> parse(Object root) {
        Map<String, Object> doc = object("input", root);
        List<Object> rows = list("rows", doc.get("rows"));
        List<AuditRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(row("rows[" + i + "]", rows.get(i), i));
        }
        return out;
    }

    private static AuditRow row(String where, Object value, int index) {
        Map<String, Object> m = object(where, value);
        String label = m.get("label") == null ? "row " + (index + 1) : string(where + ".label", m.get("label"));
        AuditKind kind;
        try {
            kind = AuditKind.parse(string(where + ".kind", m.get("kind")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(where) ? e.getMessage()
                    : where + ".kind: " + e.getMessage(), e);
        }
        PrintedP printed = printed(where, m);
        String stated = m.get("stated_test") == null ? null : string(where + ".stated_test", m.get("stated_test"));
        Alternative alt = null;
        if (m.get("stated_alternative") != null) {
            try {
                alt = Alternative.parse(string(where + ".stated_alternative", m.get("stated_alternative")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".stated_alternative: " + e.getMessage(), e);
            }
        }
        long[][] table = null;
        List<GroupSummary> groups = List.of();
        if (kind == AuditKind.SUMMARY) {
            boolean integer = m.get("integer_data") != null && bool(where + ".integer_data", m.get("integer_data"));
            List<Object> gl = list(where + ".groups", m.get("groups"));
            if (gl.size() < 2) {
                throw new IllegalArgumentException(where + ".groups: at least two groups are needed, found " + gl.size());
            }
            groups = new ArrayList<>();
            for (int g = 0; g < gl.size(); g++) {
                groups.add(group(where + ".groups[" + g + "]", gl.get(g), integer));
            }
        } else {
            table = table(where + ".table_rows", m.get("table_rows"));
            if (kind == AuditKind.ORDINAL && "columns".equals(m.get("groups_in"))) {
                table = transpose(table);
            }
        }
        return new AuditRow(label, kind, table, groups, printed, stated, alt);
    }

    private static PrintedP printed(String where, Map<String, Object> m) {
        Object text = m.get("printed_p_text");
        Object p = m.get("printed_p");
        try {
            if (text != null) {
                return PrintedP.parse(string(where + ".printed_p_text", text));
            }
            if (p instanceof Number n) {
                return PrintedP.of(n.doubleValue());
            }
            if (p instanceof String s) {
                return PrintedP.parse(s);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".printed_p: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(where + ".printed_p: required, a number (0.031) or text (\"<0.001\")");
    }

    private static GroupSummary group(String where, Object value, boolean integerRow) {
        Map<String, Object> g = object(where, value);
        Object nv = g.get("n");
        if (!(nv instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < 1) {
            throw new IllegalArgumentException(where + ".n: must be a whole number ≥ 1, not " + nv);
        }
        String meanText = text(where, g, "mean");
        String sdText = text(where, g, "sd");
        int items = 1;
        if (g.get("items") != null) {
            Object iv = g.get("items");
            if (!(iv instanceof Number in) || in.doubleValue() != Math.rint(in.doubleValue()) || in.intValue() < 1) {
                throw new IllegalArgumentException(where + ".items: must be a whole number ≥ 1, not " + iv);
            }
            items = in.intValue();
        }
        boolean integer = integerRow || g.get("integer") != null && bool(where + ".integer", g.get("integer"));
        try {
            return new GroupSummary(g.get("label") == null ? null : String.valueOf(g.get("label")), n(nv),
                    meanText == null ? null : Double.valueOf(meanText), sdText == null ? null : Double.valueOf(sdText),
                    number(where, g, "median"), number(where, g, "q1"), number(where, g, "q3"), meanText, sdText,
                    integer, items);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static int n(Object v) {
        return ((Number) v).intValue();
    }

    /** The printed text of a number: an explicit *_text field, a string value, or the number's shortest decimal. */
    private static String text(String where, Map<String, Object> g, String field) {
        Object explicit = g.get(field + "_text");
        Object v = explicit != null ? explicit : g.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.doubleValue()).toPlainString();
        }
        if (v instanceof String s) {
            try {
                new BigDecimal(s.trim());
                return s.trim();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "." + field + ": '" + s + "' is not a number", e);
            }
        }
        throw new IllegalArgumentException(where + "." + field + ": must be a number, not " + v);
    }

    private static Double number(String where, Map<String, Object> g, String field) {
        String t = text(where, g, field);
        return t == null ? null : Double.valueOf(t);
    }

    private static long[][] table(String where, Object value) {
        List<Object> rows = list(where, value);
        if (rows.size() < 2) {
            throw new IllegalArgumentException(where + ": at least two rows are needed");
        }
        long[][] t = new long[rows.size()][];
        for (int r = 0; r < t.length; r++) {
            List<Object> row = list(where + "[" + r + "]", rows.get(r));
            if (r > 0 && row.size() != t[0].length) {
                throw new IllegalArgumentException(where + ": rows must have equal length (row " + r + " has "
                        + row.size() + ", row 0 has " + t[0].length + ")");
            }
            t[r] = new long[row.size()];
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (!(v instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() != Math.rint(n.doubleValue())) {
                    throw new IllegalArgumentException(where + "[" + r + "][" + c + "]: must be a count (whole number"
                            + " ≥ 0), not " + v);
                }
                t[r][c] = n.longValue();
            }
        }
        if (t[0].length < 2) {
            throw new IllegalArgumentException(where + ": at least two columns are needed");
        }
        return t;
    }

    private static long[][] transpose(long[][] t) {
        long[][] out = new long[t[0].length][t.length];
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t[0].length; j++) {
                out[j][i] = t[i][j];
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String where, Object v) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(where + ": must be a JSON object");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(String where, Object v) {
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IllegalArgumentException(where + ": must be a JSON array" + (v == null ? " (missing)" : ""));
    }

    private static String string(String where, Object v) {
        if (v instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalArgumentException(where + ": must be a non-empty string" + (v == null ? " (missing)" : ""));
    }

    private static boolean bool(String where, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(where + ": must be true or false, not " + v);
    }
}
