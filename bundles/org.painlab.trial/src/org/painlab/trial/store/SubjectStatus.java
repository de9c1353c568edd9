package org.painlab.trial.store;

import java.util.Locale;

/**
 * Where a randomized subject is in the trial; used for the CONSORT counts.
 *
 * @since 0.1
 */
public enum SubjectStatus {
    /** Enrolled (and allocated), follow-up ongoing. */
    ENROLLED("enrolled"),
    /** Completed all visits. */
    COMPLETED("completed"),
    /** Missed the final follow-up: counted as lost to follow-up and not analysed. */
    LOST_TO_FOLLOW_UP("lost_to_follow_up"),
    /** Withdrew or discontinued: not analysed. */
    WITHDRAWN("withdrawn");

    private final String code;

    SubjectStatus(String code) {
        this.code = code;
    }

    /**
     * The stored and exported code.
     *
     * @return e.g. "lost_to_follow_up"
     */
    public String code() {
        return code;
    }

    /**
     * The status of a code (case-insensitive).
     *
     * @param code e.g. "completed"
     * @return the status
     * @throws IllegalArgumentException naming the valid codes
     */
    public static SubjectStatus of(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (SubjectStatus s : values()) {
            if (s.code.equals(c)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown subject status '" + code + "': valid " + codes());
    }

    /**
     * The valid codes, for messages.
     *
     * @return "enrolled, completed, lost_to_follow_up, withdrawn"
     */
    public static String codes() {
        StringBuilder sb = new StringBuilder();
        for (SubjectStatus s : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(s.code);
        }
        return sb.toString();
    }
}
