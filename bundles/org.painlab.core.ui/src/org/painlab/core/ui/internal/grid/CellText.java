package org.painlab.core.ui.internal.grid;

import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How a cell value reads in every grid: the same text on screen, in a copy and in an
 * export, so what a user sees is what they get.
 */
public final class CellText {
    private CellText() {
    }

    /** The shown text of a cell value; {@code null} is empty. */
    public static String of(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return "";
            }
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ');
        }
        if (value instanceof TemporalAccessor) {
            return value.toString().replace('T', ' ');
        }
        return value.toString();
    }

    /** Missing values sort last; numbers numerically; anything else by its text, case-insensitively. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable ca && a.getClass().equals(b.getClass()) && !(a instanceof String)) {
            return ca.compareTo(b);
        }
        return of(a).compareToIgnoreCase(of(b));
    }
}
