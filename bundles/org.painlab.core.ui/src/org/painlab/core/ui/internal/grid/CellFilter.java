package org.painlab.core.ui.internal.grid;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * What a user types in a grid's filter row, as a test of one cell:
 * <ul>
 * <li>{@code text}: the cell contains the text (case-insensitive);</li>
 * <li>{@code = S}: the cell is exactly {@code S} (case-insensitive; numerically for numbers);
 * {@code != S} or {@code <> S}: it is not;</li>
 * <li>{@code >3}, {@code >=3}, {@code <3}, {@code <=3}: a number compared;</li>
 * <li>{@code 1..5}: a number between the bounds, both included.</li>
 * <li>dates in ISO form compare as dates: {@code 2026-01-01..2026-01-31} (the whole last
 * day included), {@code >=2026-03-01}.</li>
 * </ul>
 * Numeric tests never match an empty or non-numeric cell.
 */
public final class CellFilter {
    private CellFilter() {
    }

    /** The test for {@code expression}; a blank expression matches everything. */
    public static Predicate<Object> parse(String expression) {
        String e = expression == null ? "" : expression.trim();
        if (e.isEmpty()) {
            return v -> true;
        }
        int range = e.indexOf("..");
        if (range > 0) {
            Double lo = number(e.substring(0, range));
            Double hi = number(e.substring(range + 2));
            if (lo != null && hi != null) {
                return v -> between(v, Math.min(lo, hi), Math.max(lo, hi));
            }
            String from = e.substring(0, range).trim();
            String to = e.substring(range + 2).trim();
            if (isDate(from) && isDate(to)) {
                return v -> !CellText.of(v).isEmpty() && dateCompare(v, from) >= 0 && dateCompare(v, to) <= 0;
            }
        }
        for (String op : new String[] { ">=", "<=", "!=", "<>", ">", "<", "=" }) {
            if (e.startsWith(op)) {
                return comparison(op, e.substring(op.length()).trim());
            }
        }
        String needle = e.toLowerCase(Locale.ROOT);
        return v -> CellText.of(v).toLowerCase(Locale.ROOT).contains(needle);
    }

    private static Predicate<Object> comparison(String op, String operand) {
        Double n = number(operand);
        switch (op) {
        case "=":
            return v -> equal(v, operand, n);
        case "!=", "<>":
            return v -> !equal(v, operand, n);
        default:
            if (n == null && isDate(operand)) {
                return v -> {
                    if (CellText.of(v).isEmpty()) {
                        return false;
                    }
                    int c = dateCompare(v, operand);
                    return switch (op) {
                    case ">" -> c > 0;
                    case ">=" -> c >= 0;
                    case "<" -> c < 0;
                    default -> c <= 0;
                    };
                };
            }
            if (n == null) {
                return v -> false;
            }
            return v -> {
                Double x = numeric(v);
                if (x == null) {
                    return false;
                }
                return switch (op) {
                case ">" -> x > n;
                case ">=" -> x >= n;
                case "<" -> x < n;
                default -> x <= n;
                };
            };
        }
    }

    private static boolean isDate(String s) {
        return s.matches("\\d{4}-\\d{2}-\\d{2}.*");
    }

    /** Compares an ISO-like cell text with a date bound at the bound's precision (a day, a minute). */
    private static int dateCompare(Object v, String bound) {
        String text = CellText.of(v);
        String cut = text.length() > bound.length() ? text.substring(0, bound.length()) : text;
        return cut.compareTo(bound);
    }

    private static boolean equal(Object v, String operand, Double n) {
        Double x = numeric(v);
        if (n != null && x != null) {
            return Double.compare(x, n) == 0;
        }
        return CellText.of(v).equalsIgnoreCase(operand);
    }

    private static boolean between(Object v, double lo, double hi) {
        Double x = numeric(v);
        return x != null && x >= lo && x <= hi;
    }

    private static Double numeric(Object v) {
        if (v instanceof Number num) {
            double d = num.doubleValue();
            return Double.isNaN(d) ? null : d;
        }
        return v == null ? null : number(v.toString());
    }

    private static Double number(String s) {
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
