package org.painlab.trial.internal.exchange;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads REDCap's text validations into the workbench's forms: comma decimals ({@code 1,54} → 1.54),
 * dates in every order REDCap validates and exports ({@code date_dmy}, {@code date_mdy},
 * {@code date_ymd}; ISO {@code yyyy-mm-dd} is always accepted) → {@code yyyy-mm-dd}, datetimes
 * ({@code datetime_*}, {@code datetime_seconds_*}) → {@code yyyy-mm-dd hh:mm[:ss]}. A value that does
 * not fit its validation is returned unchanged, so the variable's own check refuses it by name.
 */
final class RedcapValues {
    private static final Pattern COMMA_NUMBER = Pattern.compile("[+-]?\\d*,\\d+|[+-]?\\d+,?");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DATE = Pattern.compile("(\\d{1,4})[-/.](\\d{1,2})[-/.](\\d{1,4})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

    private RedcapValues() {
    }

    /**
     * Converts a value of a field with a text validation.
     *
     * @param validation the validation type (may be empty)
     * @param value the value as exported
     * @return the value in the workbench's form, or unchanged
     */
    static String normalize(String validation, String value) {
        String v = validation == null ? "" : validation.toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return value;
        }
        if (v.endsWith("comma_decimal")) {
            return COMMA_NUMBER.matcher(value).matches() ? value.replace(',', '.') : value;
        }
        if (v.startsWith("date_")) {
            String d = date(value, v.substring(5));
            return d == null ? value : d;
        }
        if (v.startsWith("datetime_")) {
            String order = v.substring(v.lastIndexOf('_') + 1);
            String[] parts = value.strip().split("[ T]+", 2);
            String d = date(parts[0], order);
            if (d == null || parts.length < 2) {
                return value;
            }
            Matcher t = TIME.matcher(parts[1]);
            if (!t.matches()) {
                return value;
            }
            String time = String.format(Locale.ROOT, "%02d:%s", Integer.parseInt(t.group(1)), t.group(2))
                    + (t.group(3) == null ? "" : ":" + t.group(3));
            return d + " " + time;
        }
        return value;
    }

    /** A date in ISO or in the given order (dmy, mdy, ymd) as yyyy-mm-dd, or null. */
    private static String date(String value, String order) {
        String s = value.strip();
        int y;
        int m;
        int d;
        Matcher iso = ISO.matcher(s);
        if (iso.matches()) {
            y = Integer.parseInt(iso.group(1));
            m = Integer.parseInt(iso.group(2));
            d = Integer.parseInt(iso.group(3));
        } else {
            Matcher x = DATE.matcher(s);
            if (!x.matches()) {
                return null;
            }
            int a = Integer.parseInt(x.group(1));
            int b = Integer.parseInt(x.group(2));
            int c = Integer.parseInt(x.group(3));
            switch (order) {
                case "dmy" -> {
                    d = a;
                    m = b;
                    y = c;
                }
                case "mdy" -> {
                    m = a;
                    d = b;
                    y = c;
                }
                case "ymd" -> {
                    y = a;
                    m = b;
                    d = c;
                }
                default -> {
                    return null;
                }
            }
            if (y < 1000) {
                return null;
            }
        }
        try {
            return LocalDate.of(y, m, d).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
