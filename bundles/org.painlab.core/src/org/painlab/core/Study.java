package org.painlab.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.core.internal.H2Database;
import org.painlab.core.internal.SchemaMigrator;
import org.painlab.core.store.AuditLog;
import org.painlab.core.store.StudySchema;

/**
 * A study: the unit a lab opens. A folder holding {@code study.properties}, an
 * embedded H2 database ({@code db/}) and attached files ({@code files/}). Trial data,
 * imaging volumes, models, references and notes of one study live here.
 * <p>
 * All writes go through {@link #transaction}, so a failed import or edit leaves the
 * study exactly as it was. Close the study when done (it is {@link AutoCloseable}).
 *
 * @since 0.1
 */
public final class Study implements AutoCloseable {
    private final Path folder;
    private final StudyManifest manifest;
    private final Connection connection;
    private final List<StudySchema> schemas;

    private Study(Path folder, StudyManifest manifest, Connection connection, List<StudySchema> schemas) {
        this.folder = folder;
        this.manifest = manifest;
        this.connection = connection;
        this.schemas = List.copyOf(schemas);
    }

    /**
     * Creates a new study in {@code folder} (which must not exist or be empty) with the
     * tables of every given schema.
     */
    public static Study create(Path folder, String name, List<StudySchema> schemas) throws StudyException {
        Path dir = folder.toAbsolutePath().normalize();
        try {
            if (Files.exists(dir)) {
                if (!Files.isDirectory(dir)) {
                    throw new StudyException(dir + " exists and is not a folder");
                }
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new StudyException(dir + " is not empty: a new study needs an empty or new folder");
                    }
                }
            }
            Files.createDirectories(dir.resolve("db"));
            Files.createDirectories(dir.resolve("files"));
        } catch (IOException e) {
            throw new StudyException(dir + ": cannot create the study folder (" + e.getMessage() + ")", e);
        }
        Connection c = null;
        try {
            c = H2Database.create(H2Database.databaseFile(dir));
            new SchemaMigrator(c).migrate(schemas);
            StudyManifest manifest = StudyManifest.newFor(name);
            // The manifest is written last: a folder without it is not taken for a study.
            manifest.write(dir);
            return new Study(dir, manifest, c, schemas);
        } catch (SQLException | IOException | RuntimeException e) {
            H2Database.closeQuietly(c);
            throw new StudyException(dir + ": cannot create the study database (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Opens an existing study, applying pending migrations. A folder that is not a study, a
     * study of a newer schema and a corrupt database are refused with a message, and
     * nothing on disk is changed.
     */
    public static Study open(Path folder, List<StudySchema> schemas) throws StudyException {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new StudyException(dir + " is not a folder");
        }
        StudyManifest manifest = StudyManifest.read(dir);
        Path db = H2Database.databaseFile(dir);
        if (!Files.isRegularFile(db)) {
            throw new StudyException(dir + " is not a usable study: its database " + db + " is missing");
        }
        // Check versions read-only first, so that refusing a newer or broken study writes nothing.
        try (Connection ro = H2Database.openReadOnly(db)) {
            new SchemaMigrator(ro).checkNotNewer(schemas, db);
        } catch (SQLException e) {
            throw new StudyException("The study database " + db + " is corrupt or unreadable: " + H2Database.describe(e)
                    + "; nothing was changed", e);
        }
        Connection c = null;
        try {
            c = H2Database.open(db);
            new SchemaMigrator(c).migrate(schemas);
            return new Study(dir, manifest, c, schemas);
        } catch (SQLException | RuntimeException e) {
            H2Database.closeQuietly(c);
            throw new StudyException("The study database " + db + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** True when {@code dir} looks like a study folder (it has a manifest). */
    public static boolean isStudy(Path dir) {
        return Files.isRegularFile(dir.resolve(StudyManifest.FILE_NAME));
    }

    public Path folder() {
        return folder;
    }

    /** Folder for files attached to the study (volumes, PDFs, model files). */
    public Path filesFolder() {
        return folder.resolve("files");
    }

    public StudyManifest manifest() {
        return manifest;
    }

    public String name() {
        return manifest.name();
    }

    /**
     * Runs {@code work} in one transaction: it commits when the work returns, and rolls
     * back everything when it throws.
     */
    public synchronized <T> T transaction(StudyWork<T> work) throws StudyException {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | StudyException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StudyException(folder + ": " + e.getMessage(), e);
        }
    }

    /** Runs read-only {@code work} (no transaction boundary needed). */
    public synchronized <T> T read(StudyWork<T> work) throws StudyException {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StudyException(folder + ": " + e.getMessage(), e);
        }
    }

    /** Counts of what the study holds, merged from every schema's contribution. */
    public StudyInfo info() throws StudyException {
        return read(c -> {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("subjects", 0L);
            counts.put("arms", new ArrayList<String>());
            counts.put("visits", 0L);
            counts.put("volumes", 0L);
            counts.put("models", 0L);
            counts.put("references", 0L);
            counts.put("results", 0L);
            for (StudySchema s : schemas) {
                counts.putAll(s.counts(c));
            }
            counts.put("audit_rows", new AuditLog(c).size());
            return new StudyInfo(manifest.name(), manifest.id(), counts);
        });
    }

    @Override
    public synchronized void close() {
        H2Database.closeQuietly(connection);
    }
}
