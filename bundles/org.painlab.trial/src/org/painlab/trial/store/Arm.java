package org.painlab.trial.store;

import java.util.Objects;

/**
 * A study arm, e.g. {@code S} "SNRB + PELD".
 *
 * @param code short stable code used in allocation lists and exports (letters, digits, '_' or '-')
 * @param name human-readable name
 * @param description longer description, or null
 * @param ordinal display order (arms are listed by ordinal, then code)
 *
 * @since 0.1
 */
public record Arm(String code, String name, String description, int ordinal) {
    /** Checks that code and name are present. */
    public Arm {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
