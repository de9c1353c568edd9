package org.painlab.core.ui.internal.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code "tables"} of a stored result's body into plain rows of text, so the workbench
 * can show any analysis' result without knowing the analysis. Two row shapes are read: a list of
 * values, or a map with {@code "cells"} (each {@code {"text": ..., "col_span": n}}) and an
 * {@code "indent"}; a table's {@code "header"} is a list of names or of such rows (spanning group
 * headers are joined to the column below them), its rows are under {@code "body"} or {@code "rows"}.
 * No SWT, so it is tested on its own.
 */
public final class ResultTables {
    private ResultTables() {
    }

    /**
     * One table as text.
     *
     * @param title its title
     * @param columns column names
     * @param rows rows of cell texts, each as long as {@code columns}
     * @param notes footnotes
     */
    public record TextTable(String title, List<String> columns, List<List<String>> rows, List<String> notes) {
    }

    /**
     * @param body a stored result's body
     * @return its tables, empty when it has none
     */
    public static List<TextTable> of(Map<String, Object> body) {
        List<TextTable> out = new ArrayList<>();
        if (!(body.get("tables") instanceof List<?> tables)) {
            return out;
        }
        for (Object t : tables) {
            if (t instanceof Map<?, ?> m) {
                out.add(table(m));
            }
        }
        return out;
    }

    private static TextTable table(Map<?, ?> m) {
        List<List<String>> header = rows(m.get("header"), true);
        if (!header.isEmpty() && m.get("header") instanceof List<?> h && !h.isEmpty() && !(h.get(0) instanceof List<?>)
                && !(h.get(0) instanceof Map<?, ?>)) {
            header = List.of(texts((List<?>) m.get("header")));
        }
        List<List<String>> body = rows(m.containsKey("body") ? m.get("body") : m.get("rows"), false);
        int width = 0;
        for (List<String> r : header) {
            width = Math.max(width, r.size());
        }
        for (List<String> r : body) {
            width = Math.max(width, r.size());
        }
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            StringBuilder name = new StringBuilder();
            String group = "";
            for (List<String> r : header) {
                String text = c < r.size() ? r.get(c) : "";
                if (!text.isBlank() && !text.equals(group)) {
                    if (name.length() > 0) {
                        name.append(" / ");
                    }
                    name.append(text);
                    group = text;
                }
            }
            columns.add(name.toString());
        }
        List<List<String>> padded = new ArrayList<>();
        for (List<String> r : body) {
            List<String> p = new ArrayList<>(r);
            while (p.size() < width) {
                p.add("");
            }
            padded.add(p);
        }
        List<String> notes = new ArrayList<>();
        if (m.get("footnotes") instanceof List<?> f) {
            notes.addAll(texts(f));
        } else if (m.get("notes") instanceof List<?> f) {
            notes.addAll(texts(f));
        }
        return new TextTable(String.valueOf(m.containsKey("title") ? m.get("title") : ""), columns, padded, notes);
    }

    private static List<List<String>> rows(Object value, boolean repeatSpans) {
        List<List<String>> out = new ArrayList<>();
        if (!(value instanceof List<?> rows)) {
            return out;
        }
        for (Object r : rows) {
            if (r instanceof List<?> l) {
                out.add(texts(l));
            } else if (r instanceof Map<?, ?> row && row.get("cells") instanceof List<?> cells) {
                List<String> texts = new ArrayList<>();
                for (Object c : cells) {
                    String text = c instanceof Map<?, ?> cell ? String.valueOf(cell.get("text")) : String.valueOf(c);
                    int span = c instanceof Map<?, ?> cell && cell.get("col_span") instanceof Number n ? n.intValue() : 1;
                    // a spanning header stands over every column it spans, so the columns below can be named by it
                    for (int i = 0; i < Math.max(1, span); i++) {
                        texts.add(i == 0 || repeatSpans ? text : "");
                    }
                }
                int indent = row.get("indent") instanceof Number n ? n.intValue() : 0;
                if (indent > 0 && !texts.isEmpty()) {
                    texts.set(0, "  ".repeat(indent) + texts.get(0));
                }
                out.add(texts);
            }
        }
        return out;
    }

    private static List<String> texts(List<?> values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            out.add(v == null ? "" : v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                    ? Long.toString(d.longValue()) : String.valueOf(v));
        }
        return out;
    }
}
