package org.painlab.core;

import java.util.List;

import org.painlab.core.extension.ExtensionReader;
import org.painlab.core.store.StudySchema;

/**
 * The schemas contributed by the installed areas, in migration order.
 *
 * @since 0.1
 */
public final class StudySchemas {
    public static final String POINT = "org.painlab.core.schemas";

    private StudySchemas() {
    }

    public static List<StudySchema> contributed() {
        return new ExtensionReader<>(POINT, "schema", StudySchema.class).createAll();
    }
}
