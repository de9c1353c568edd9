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

import org.painlab.core.internal.FileProblems;
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
    private final List<StudySchema> schemas;
    /** False for {@link #openReadOnly}: the study is never written through this object. */
    private final boolean mayWrite;
    /** Read-only until the first {@link #transaction}, so that reading never changes the database file. */
    private Connection connection;

    private Study(Path folder, StudyManifest manifest, Connection connection, List<StudySchema> schemas, boolean mayWrite) {
        this.folder = folder;
        this.manifest = manifest;
        this.connection = connection;
        this.schemas = List.copyOf(schemas);
        this.mayWrite = mayWrite;
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
            throw new StudyException(dir + ": cannot create the study folder (" + reason(e) + ")", e);
        }
        Connection c = null;
        try {
            c = H2Database.create(H2Database.databaseFile(dir));
            new SchemaMigrator(c).migrate(schemas);
            StudyManifest manifest = StudyManifest.newFor(name);
            // The manifest is written last: a folder without it is not taken for a study.
            manifest.write(dir);
            return new Study(dir, manifest, c, schemas, true);
        } catch (SQLException e) {
            H2Database.closeQuietly(c);
            throw new StudyException(dir + ": cannot create the study database (" + H2Database.describe(e) + ")", e);
        } catch (IOException | RuntimeException e) {
            H2Database.closeQuietly(c);
            throw new StudyException(dir + ": cannot create the study database (" + reason(e) + ")", e);
        }
    }

    /**
     * Opens an existing study to read and change it, applying pending migrations. The
     * database is opened read-only and reopened for writing at the first {@link #transaction},
     * so a command that only reads (or refuses its input before writing) leaves every byte
     * of the study as it was. A folder that is not a study, a study of a newer schema and a
     * corrupt database are refused with a message, and nothing on disk is changed.
     */
    public static Study open(Path folder, List<StudySchema> schemas) throws StudyException {
        Path dir = folder.toAbsolutePath().normalize();
        UiThreadGuard.check(dir);
        StudyManifest manifest = manifestOf(dir);
        Path db = H2Database.databaseFile(dir);
        Connection ro = openForReading(dir, db, schemas);
        List<String> pending;
        try {
            pending = new SchemaMigrator(ro).pending(schemas);
        } catch (SQLException e) {
            H2Database.closeQuietly(ro);
            throw new StudyException("The study database " + db + " is corrupt or unreadable: " + H2Database.describe(e)
                    + "; nothing was changed", e);
        }
        if (pending.isEmpty()) {
            return new Study(dir, manifest, ro, schemas, true);
        }
        H2Database.closeQuietly(ro);
        Connection c = openForWriting(dir, db, "cannot upgrade it to this version of PainLab");
        try {
            new SchemaMigrator(c).migrate(schemas);
            return new Study(dir, manifest, c, schemas, true);
        } catch (SQLException | RuntimeException e) {
            H2Database.closeQuietly(c);
            throw new StudyException("The study database " + db + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing study for reading only: the database file is opened read-only (no
     * lock file, no migration), so its bytes stay as they were and a study on a read-only
     * medium can be read. A study written by an older PainLab, whose schema this version
     * would upgrade, is refused with a message saying so; {@link #transaction} is refused.
     *
     * @since 0.1
     */
    public static Study openReadOnly(Path folder, List<StudySchema> schemas) throws StudyException {
        Path dir = folder.toAbsolutePath().normalize();
        UiThreadGuard.check(dir);
        StudyManifest manifest = manifestOf(dir);
        Path db = H2Database.databaseFile(dir);
        Connection ro = openForReading(dir, db, schemas);
        try {
            List<String> pending = new SchemaMigrator(ro).pending(schemas);
            if (!pending.isEmpty()) {
                throw new StudyException("The study " + dir + " was written by an older PainLab and must be upgraded before "
                        + "it can be read (schema " + String.join(", ", pending) + "); `painlab study upgrade " + dir
                        + "` upgrades it (it cannot be undone); nothing was changed");
            }
            return new Study(dir, manifest, ro, schemas, false);
        } catch (SQLException e) {
            H2Database.closeQuietly(ro);
            throw new StudyException("The study database " + db + " is corrupt or unreadable: " + H2Database.describe(e)
                    + "; nothing was changed", e);
        } catch (StudyException e) {
            H2Database.closeQuietly(ro);
            throw e;
        }
    }

    /**
     * The schema upgrades opening {@code folder} for writing would apply ("'trial' from version 1
     * to 3"), empty when the study is current. Reads the database read-only.
     *
     * @since 0.1
     */
    public static List<String> pendingUpgrades(Path folder, List<StudySchema> schemas) throws StudyException {
        Path dir = folder.toAbsolutePath().normalize();
        manifestOf(dir);
        Path db = H2Database.databaseFile(dir);
        Connection ro = openForReading(dir, db, schemas);
        try {
            return new SchemaMigrator(ro).pending(schemas);
        } catch (SQLException e) {
            throw new StudyException("The study database " + db + " is corrupt or unreadable: " + H2Database.describe(e)
                    + "; nothing was changed", e);
        } finally {
            H2Database.closeQuietly(ro);
        }
    }

    private static StudyManifest manifestOf(Path dir) throws StudyException {
        if (!Files.isDirectory(dir)) {
            throw new StudyException(dir + (Files.exists(dir) ? " is not a folder" : ": no such folder"));
        }
        return StudyManifest.read(dir);
    }

    /** A read-only connection, after checking the database exists and is not of a newer schema. */
    private static Connection openForReading(Path dir, Path db, List<StudySchema> schemas) throws StudyException {
        if (!Files.isRegularFile(db)) {
            throw new StudyException(dir + " is not a usable study: its database " + db + " is missing");
        }
        Connection ro = null;
        try {
            ro = H2Database.openReadOnly(db);
            new SchemaMigrator(ro).checkNotNewer(schemas, db);
            return ro;
        } catch (SQLException e) {
            H2Database.closeQuietly(ro);
            throw new StudyException("The study database " + db + " is corrupt or unreadable: " + H2Database.describe(e)
                    + "; nothing was changed", e);
        } catch (StudyException e) {
            H2Database.closeQuietly(ro);
            throw e;
        }
    }

    /**
     * A writable connection, refused with the study's folder when the files cannot be written
     * (a read-only medium or permissions) rather than failing later on the first INSERT.
     */
    private static Connection openForWriting(Path dir, Path db, String what) throws StudyException {
        if (!Files.isWritable(db) || !Files.isWritable(db.getParent())) {
            throw new StudyException("study " + dir + " is read-only: " + what + " (" + db
                    + (Files.isWritable(db) ? "'s folder" : "") + " is not writable); nothing was changed");
        }
        Connection c = null;
        try {
            c = H2Database.open(db);
            if (c.isReadOnly()) {
                throw new StudyException("study " + dir + " is read-only: " + what + " (the database is open read-only, "
                        + "by this program or on a read-only medium); nothing was changed");
            }
            return c;
        } catch (SQLException e) {
            H2Database.closeQuietly(c);
            throw new StudyException("study " + dir + ": " + what + ": the database " + db + " cannot be opened for writing ("
                    + H2Database.describe(e) + "); nothing was changed", e);
        } catch (StudyException e) {
            H2Database.closeQuietly(c);
            throw e;
        }
    }

    private static String reason(Exception e) {
        return FileProblems.reason(e);
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
        UiThreadGuard.check(folder);
        ensureWritable();
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

    /** True when this study was opened with {@link #openReadOnly} and cannot be changed through it. @since 0.1 */
    public boolean isReadOnly() {
        return !mayWrite;
    }

    /** Swaps the read-only connection for a writable one before the first write. */
    private void ensureWritable() throws StudyException {
        if (!mayWrite) {
            throw new StudyException("study " + folder + " was opened for reading only: cannot change it");
        }
        try {
            if (!connection.isReadOnly()) {
                return;
            }
        } catch (SQLException e) {
            throw new StudyException(folder + ": " + H2Database.describe(e), e);
        }
        Path db = H2Database.databaseFile(folder);
        H2Database.closeQuietly(connection);
        try {
            connection = openForWriting(folder, db, "cannot save changes");
        } catch (StudyException e) {
            try {
                connection = H2Database.openReadOnly(db);
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    /** Runs read-only {@code work} (no transaction boundary needed). */
    public synchronized <T> T read(StudyWork<T> work) throws StudyException {
        UiThreadGuard.check(folder);
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
