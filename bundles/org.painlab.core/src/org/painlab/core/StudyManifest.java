package org.painlab.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import org.painlab.core.io.AtomicFiles;

/**
 * The {@code study.properties} file that marks a folder as a PainLab study and
 * names its format version, id and title.
 *
 * @since 0.1
 */
public record StudyManifest(String id, String name, int formatVersion, Instant created) {

    public static final String FILE_NAME = "study.properties";
    public static final String FORMAT = "painlab-study";
    /** The folder layout version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public static StudyManifest newFor(String name) {
        return new StudyManifest(UUID.randomUUID().toString(), name, FORMAT_VERSION, Instant.now());
    }

    /** Reads the manifest of {@code dir}, failing with a user message when it is not a study. */
    public static StudyManifest read(Path dir) throws StudyException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new StudyException(dir + " is not a PainLab study: " + FILE_NAME + " is missing");
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new StudyException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new StudyException(file + ": field 'format' is '" + p.getProperty("format") + "', expected '" + FORMAT + "'");
        }
        int version;
        try {
            version = Integer.parseInt(p.getProperty("format.version", ""));
        } catch (NumberFormatException e) {
            throw new StudyException(file + ": field 'format.version' is not a whole number", e);
        }
        if (version > FORMAT_VERSION) {
            throw new StudyException(file + ": the study was written by a newer PainLab (folder format " + version
                    + ", this version reads up to " + FORMAT_VERSION + "); nothing was changed");
        }
        String id = p.getProperty("id");
        if (id == null || id.isBlank()) {
            throw new StudyException(file + ": field 'id' is missing");
        }
        Instant created;
        try {
            created = Instant.parse(p.getProperty("created", Instant.EPOCH.toString()));
        } catch (RuntimeException e) {
            throw new StudyException(file + ": field 'created' is not an ISO-8601 instant", e);
        }
        return new StudyManifest(id, p.getProperty("name", dir.getFileName().toString()), version, created);
    }

    /** Writes the manifest atomically (temp file + move) so a crash never leaves half a file. */
    public void write(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("format.version", Integer.toString(formatVersion));
        p.setProperty("id", id);
        p.setProperty("name", name);
        p.setProperty("created", created.toString());
        AtomicFiles.write(dir.resolve(FILE_NAME), out -> p.store(out, "PainLab Workbench study"));
    }
}
