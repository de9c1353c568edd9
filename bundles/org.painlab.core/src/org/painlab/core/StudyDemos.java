package org.painlab.core;

import java.util.List;
import java.util.stream.Collectors;

import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;
import org.painlab.core.extension.ExtensionReader;

/**
 * The demos contributed through {@code org.painlab.core.demos}.
 *
 * @since 0.1
 */
public final class StudyDemos {
    public static final String POINT = "org.painlab.core.demos";

    private StudyDemos() {
    }

    public static List<Contribution<StudyDemo>> contributed() {
        return reader().read();
    }

    /** The demo with {@code id}; the error lists the installed demos. */
    public static StudyDemo get(String id) throws StudyException {
        var found = reader().find(id);
        if (found.isEmpty()) {
            String known = contributed().stream().map(Contribution::id).collect(Collectors.joining(", "));
            throw new StudyException("unknown demo '" + id + "'; installed demos: " + (known.isEmpty() ? "none" : known));
        }
        try {
            return found.get().get();
        } catch (ContributionException e) {
            throw new StudyException("demo " + id + ": " + e.getMessage(), e);
        }
    }

    private static ExtensionReader<StudyDemo> reader() {
        return new ExtensionReader<>(POINT, "demo", StudyDemo.class);
    }
}
