package org.painlab.trial.store;


/**
 * The value of a subject-level variable: a number or a text, never both.
 *
 * @param number the number, or null for a text value
 * @param text the text, or null for a number
 *
 * @since 0.1
 */
public record VariableValue(Double number, String text) {

    /** Checks that exactly one of number and text is set and a number is finite. */
    public VariableValue {
        if ((number == null) == (text == null)) {
            throw new IllegalArgumentException("a variable value is either a number or a text");
        }
        if (number != null && !Double.isFinite(number)) {
            throw new IllegalArgumentException("a variable value must be a finite number, was " + number);
        }
    }

    /**
     * A number.
     *
     * @param v the number
     * @return the value
     */
    public static VariableValue of(double v) {
        return new VariableValue(v == 0.0 ? 0.0 : v, null);
    }

    /**
     * A text.
     *
     * @param s the text
     * @return the value
     */
    public static VariableValue of(String s) {
        return new VariableValue(null, s);
    }

    /**
     * Whether this is a number.
     *
     * @return true for a number
     */
    public boolean isNumber() {
        return number != null;
    }

    /**
     * The value as written in exports and the audit trail: numbers without trailing zeros (7, 7.2),
     * texts as they are.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        return number != null ? Numbers.format(number) : text;
    }
}
