package org.painlab.trial.store;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;


/**
 * Definition of a subject-level (baseline) variable such as {@code age} or {@code level}: its type,
 * unit, valid range and, for coded variables, the valid codes and their labels. Entered and imported
 * values are checked against it.
 *
 * @param name variable name: a letter, then letters, digits or '_' (at most 100); also the column name
 *     in wide exports
 * @param label human-readable label
 * @param type value type
 * @param unit unit, e.g. "kg/m2", or null
 * @param min smallest valid number (numeric types), or null
 * @param max largest valid number (numeric types), or null
 * @param choices valid codes to labels in display order (empty when any value of the type is valid);
 *     for numeric types the codes are numbers written as in exports ("1", "2.5")
 * @param ordinal display order
 *
 * @since 0.1
 */
public record VariableDefinition(String name, String label, VariableType type, String unit, Double min, Double max,
        Map<String, String> choices, int ordinal) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

    /** Validates the name and copies the choices. */
    public VariableDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("variable name '" + name
                    + "' is not valid: a letter, then letters, digits or '_' (at most 100)");
        }
        if (label == null || label.isBlank()) {
            label = name;
        }
        choices = Collections.unmodifiableMap(new LinkedHashMap<>(choices == null ? Map.of() : choices));
        if (type.numeric()) {
            for (String code : choices.keySet()) {
                try {
                    Double.parseDouble(code);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("variable " + name + ": choice code '" + code + "' is not a number");
                }
            }
        }
    }

    /**
     * A variable without unit, range or choices.
     *
     * @param name name
     * @param label label
     * @param type type
     * @param ordinal display order
     * @return the definition
     */
    public static VariableDefinition of(String name, String label, VariableType type, int ordinal) {
        return new VariableDefinition(name, label, type, null, null, null, Map.of(), ordinal);
    }

    /**
     * Whether {@code name} is a valid variable name.
     *
     * @param name a name
     * @return true when it is a letter followed by letters, digits or '_' (at most 100 characters)
     */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Parses a text (from a file or a form) into a value of this variable.
     *
     * @param raw the text, trimmed by the caller; must not be empty
     * @return the value
     * @throws IllegalArgumentException with the rule broken, e.g. "not a whole number", "out of range:
     *     valid 18–80", "not one of the codes: M, F"
     */
    public VariableValue parse(String raw) {
        VariableValue v;
        switch (type) {
            case INTEGER, NUMBER -> {
                double d;
                try {
                    d = Numbers.parseNumber(raw);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a number: '" + raw + "'" + expected());
                }
                v = VariableValue.of(d);
            }
            case DATE -> {
                try {
                    v = VariableValue.of(LocalDate.parse(raw).toString());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("not a date: '" + raw + "' (expected yyyy-mm-dd)");
                }
            }
            default -> v = VariableValue.of(raw);
        }
        String problem = problemWith(v);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return v;
    }

    /**
     * Checks a value against the type, range and choices.
     *
     * @param v the value
     * @return the rule broken, or null when the value is valid
     */
    public String problemWith(VariableValue v) {
        if (type.numeric()) {
            if (!v.isNumber()) {
                return "not a number: '" + v.text() + "'" + expected();
            }
            double d = v.number();
            if (type == VariableType.INTEGER && d != Math.rint(d)) {
                return "not a whole number: " + Numbers.format(d) + expected();
            }
            if ((min != null && d < min) || (max != null && d > max)) {
                return "out of range: " + Numbers.format(d) + expected();
            }
            if (!choices.isEmpty() && !choices.containsKey(Numbers.format(d))) {
                return "not one of the codes: " + Numbers.format(d) + expected();
            }
            return null;
        }
        if (v.isNumber()) {
            return "a number where text is expected" + expected();
        }
        if (type == VariableType.DATE) {
            try {
                LocalDate.parse(v.text());
            } catch (DateTimeParseException e) {
                return "not a date: '" + v.text() + "' (expected yyyy-mm-dd)";
            }
        }
        if (!choices.isEmpty() && !choices.containsKey(v.text())) {
            return "not one of the codes: '" + v.text() + "'" + expected();
        }
        return null;
    }

    /**
     * The valid values in words, e.g. " (valid: integer 18–80)" or " (valid codes: M, F)".
     *
     * @return the phrase, starting with a space
     */
    public String expected() {
        if (!choices.isEmpty()) {
            return " (valid codes: " + String.join(", ", choices.keySet()) + ")";
        }
        StringBuilder sb = new StringBuilder(" (valid: ").append(type.code());
        if (min != null || max != null) {
            sb.append(' ').append(min == null ? "" : Numbers.format(min)).append('–')
                    .append(max == null ? "" : Numbers.format(max));
        }
        return sb.append(')').toString();
    }
}
