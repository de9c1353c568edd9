package org.painlab.core.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ExtensionReader;

/**
 * The importers installed in the workbench (those of every area and of other plugins, contributed
 * through {@code org.painlab.core.importers}), found by the short format name a user chooses or by
 * the ending of a file.
 *
 * @since 0.1.0
 */
public final class Importers {
    /** The extension point the importers are contributed to. */
    public static final String POINT = "org.painlab.core.importers";
    private final ExtensionReader<Importer> reader = new ExtensionReader<>(POINT, "importer", Importer.class)
            .unique("format");

    /**
     * The valid contributions, ordered by {@code order} then id. A contribution repeating a format
     * already taken is refused like a duplicate id (the built-in keeps it; the Error Log names both
     * bundles).
     *
     * @return the contributions
     */
    public List<Contribution<Importer>> contributions() {
        return reader.read();
    }

    /**
     * @param format a format name, e.g. "csv" (case-insensitive)
     * @return the importer of that format, or empty
     */
    public Optional<Contribution<Importer>> byFormat(String format) {
        String f = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        return contributions().stream().filter(c -> format(c).equals(f)).findFirst();
    }

    /**
     * The importer a file's ending calls for: the one whose format is that ending (csv for
     * {@code .csv}), else the first in {@link #contributions()} order listing it in {@code extensions}.
     *
     * @param file a file
     * @return the importer, or empty when none reads that ending
     */
    public Optional<Contribution<Importer>> forFile(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ending = name.substring(dot + 1);
        List<Contribution<Importer>> reading = contributions().stream().filter(c -> extensions(c).contains(ending)).toList();
        return reading.stream().filter(c -> format(c).equals(ending)).findFirst().or(() -> reading.stream().findFirst());
    }

    /**
     * @param c an importer contribution
     * @return its {@code format} attribute in lower case, or its id when it has none
     */
    public static String format(Contribution<Importer> c) {
        String f = c.attribute("format");
        return (f == null || f.isBlank() ? c.id() : f.trim()).toLowerCase(Locale.ROOT);
    }

    /**
     * @param c an importer contribution
     * @return the file endings of its {@code extensions} attribute, lower case without dots
     */
    public static List<String> extensions(Contribution<Importer> c) {
        String e = c.attribute("extensions");
        if (e == null || e.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String x : e.split(",")) {
            String t = x.trim().toLowerCase(Locale.ROOT);
            if (t.startsWith(".")) {
                t = t.substring(1);
            }
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
