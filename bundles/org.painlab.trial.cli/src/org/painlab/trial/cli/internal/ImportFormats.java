package org.painlab.trial.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.ILog;
import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ExtensionReader;
import org.painlab.core.importer.Importer;

/**
 * The formats {@code trial import --format NAME} offers: one per contribution to
 * {@code org.painlab.core.importers}, named by its {@code format} attribute, so a format a plugin
 * contributes is usable exactly like a built-in one. Without {@code --format} the file's extension
 * chooses, through the contributions' {@code extensions} attribute.
 */
final class ImportFormats {
    static final String POINT = "org.painlab.core.importers";

    /** Lower-case format name to its importer, sorted by name (the order users see them listed). */
    private final Map<String, Contribution<Importer>> byFormat = new TreeMap<>();

    ImportFormats(List<Contribution<Importer>> contributions, ILog log) {
        for (Contribution<Importer> c : contributions) {
            String format = c.attribute("format");
            if (format == null || format.isBlank()) {
                log.error(POINT + ": importer " + c + " has no 'format' and cannot be chosen with --format (skipped)");
                continue;
            }
            String key = format.trim().toLowerCase(Locale.ROOT);
            Contribution<Importer> kept = byFormat.putIfAbsent(key, c);
            if (kept != null) {
                // the same rule as a duplicate id: the one read first keeps the name, the other is refused visibly
                log.error(POINT + ": importer " + c + " declares format '" + key + "', already declared by importer "
                        + kept + " (refused)");
            }
        }
    }

    /**
     * The formats of the running platform.
     *
     * @return the installed formats
     */
    static ImportFormats installed() {
        ILog log = ILog.of(ImportFormats.class);
        return new ImportFormats(new ExtensionReader<>(POINT, "importer", Importer.class, log).read(), log);
    }

    /**
     * The importer a user named.
     *
     * @param format the {@code --format} value (case-insensitive)
     * @return its importer
     * @throws IllegalArgumentException listing the installed formats
     */
    Contribution<Importer> named(String format) {
        Contribution<Importer> c = byFormat.get(format.trim().toLowerCase(Locale.ROOT));
        if (c == null) {
            throw new IllegalArgumentException("unknown format '" + format + "'; installed formats: " + list());
        }
        return c;
    }

    /**
     * The importer a file's extension implies. When several importers read that extension, the one
     * whose format is named like the extension wins (a {@code .csv} file is {@code csv}, not
     * {@code redcap}); otherwise the user must choose.
     *
     * @param file the imported file
     * @return its importer
     * @throws IllegalArgumentException when no importer, or more than one, reads the extension
     */
    Contribution<Importer> forFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        List<String> candidates = new ArrayList<>();
        for (Map.Entry<String, Contribution<Importer>> e : byFormat.entrySet()) {
            if (!ext.isEmpty() && extensions(e.getValue()).contains(ext)) {
                candidates.add(e.getKey());
            }
        }
        if (candidates.size() == 1) {
            return byFormat.get(candidates.get(0));
        }
        if (candidates.contains(ext)) {
            return byFormat.get(ext);
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("cannot tell the format of " + name + " from its extension; give --format "
                    + list());
        }
        throw new IllegalArgumentException(name + ": several importers read ." + ext + " files ("
                + String.join(", ", candidates) + "); give --format");
    }

    /**
     * The declared format name of a contribution, as JSON output reports it.
     *
     * @param c a contribution of this set
     * @return its format
     */
    static String formatOf(Contribution<Importer> c) {
        return c.attribute("format").trim().toLowerCase(Locale.ROOT);
    }

    private String list() {
        return byFormat.isEmpty() ? "none" : String.join(", ", byFormat.keySet());
    }

    private static List<String> extensions(Contribution<Importer> c) {
        String declared = c.attribute("extensions");
        if (declared == null) {
            return List.of();
        }
        return Arrays.stream(declared.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .map(s -> s.startsWith(".") ? s.substring(1) : s).filter(s -> !s.isEmpty()).toList();
    }
}
