package org.painlab.trial.store;

import java.util.regex.Pattern;

/**
 * The rules for ids of subjects, arms and visits (they appear in file names, columns and OIDs).
 *
 * @since 0.1
 */
public final class Ids {
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,49}");
    private static final Pattern ARM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}");
    private static final Pattern VISIT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,49}");

    private Ids() {
    }

    /**
     * Checks a subject id.
     *
     * @param id the id
     * @return the rule broken, or null when valid
     */
    public static String subjectProblem(String id) {
        return id != null && SUBJECT.matcher(id).matches() ? null
                : "not a valid subject id: '" + id + "' (letters, digits, '_', '.', '-'; at most 50)";
    }

    /**
     * Checks an arm code.
     *
     * @param code the code
     * @return the rule broken, or null when valid
     */
    public static String armProblem(String code) {
        return code != null && ARM.matcher(code).matches() ? null
                : "not a valid arm code: '" + code + "' (letters, digits, '_', '-'; at most 20)";
    }

    /**
     * Checks a visit id.
     *
     * @param id the id
     * @return the rule broken, or null when valid
     */
    public static String visitProblem(String id) {
        return id != null && VISIT.matcher(id).matches() ? null
                : "not a valid visit id: '" + id + "' (letters, digits, '_', '-'; at most 50)";
    }
}
