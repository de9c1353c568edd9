package org.painlab.literature;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;
import org.painlab.literature.internal.ReferenceRows;

/**
 * The references of a study: add, update, delete (each written to the study's audit trail in the
 * same transaction) and imports of many records at once, all or nothing, with duplicates handled by
 * the user's {@link DuplicatePolicy} and counted for PRISMA.
 *
 * @since 0.1
 */
public final class LiteratureStore {
    private static final String ENTITY = "reference";
    private final Study study;
    private final String actor;

    /** @param actor who makes the changes, for the audit trail */
    public LiteratureStore(Study study, String actor) {
        this.study = Objects.requireNonNull(study);
        this.actor = actor == null || actor.isBlank() ? "unknown" : actor;
    }

    public List<Reference> list() throws StudyException {
        return study.read(c -> new ReferenceRows(c).all());
    }

    public Optional<Reference> find(String key) throws StudyException {
        return study.read(c -> new ReferenceRows(c).find(key));
    }

    public long count() throws StudyException {
        return study.read(c -> new ReferenceRows(c).count());
    }

    /** Stores {@code r} under its key, or a key made from its first author and year when it has none or that key is taken. */
    public Reference add(Reference r, String reason) throws StudyException {
        return study.transaction(c -> insert(c, r, reason));
    }

    /** Replaces the reference with {@code r.key()}; one audit row per changed field. */
    public Reference update(Reference r, String reason) throws StudyException {
        return study.transaction(c -> {
            ReferenceRows rows = new ReferenceRows(c);
            Reference old = rows.find(r.key()).orElseThrow(() -> new StudyException("no reference with key '" + r.key() + "'"));
            rows.update(r);
            auditChanges(c, old, r, reason);
            return r;
        });
    }

    public void delete(String key, String reason) throws StudyException {
        study.transaction(c -> {
            ReferenceRows rows = new ReferenceRows(c);
            Reference old = rows.find(key).orElseThrow(() -> new StudyException("no reference with key '" + key + "'"));
            rows.delete(key);
            new AuditLog(c).append(AuditEntry.of(actor, "delete", ENTITY, key, null, old.displayTitle(), null, reason));
            return null;
        });
    }

    /**
     * Imports {@code records} in one transaction: every record is stored or none is. Each record is
     * compared with the study's references and with the records before it ({@link DuplicateFinder}).
     *
     * @param source the file name, for the audit trail and the import log
     * @param format the format id
     */
    public ImportOutcome importRecords(String source, String format, List<ReadRecord> records, int recordsRead,
            DuplicatePolicy policy) throws StudyException {
        return importing(source, format, sink -> {
            for (ReadRecord r : records) {
                sink.record(r);
            }
        }, recordsRead, policy);
    }

    /**
     * Where the records of an import come from: a file read record by record
     * ({@code sink -> formats.stream(file, format, sink)}), so that no file is held whole.
     *
     * @since 0.1
     */
    @FunctionalInterface
    public interface Records {
        /**
         * @param sink receives each record (problems are counted and left out: the user accepted the good records)
         * @throws LiteratureException when the records cannot be read
         */
        void readInto(RecordSink sink) throws LiteratureException;
    }

    /**
     * Imports records as they are read, in one transaction: each chunk of new references and their
     * audit rows is written as soon as it is full, so only a chunk is held, yet every record is stored
     * or none is (a failure part-way rolls the whole import back). Bad records are counted among the
     * records read and left out, as {@code --accept-good} asks; check them first with
     * {@link LiteratureFormats#scan}.
     *
     * @param source the file name, for the audit trail and the import log
     * @param format the format id
     * @param records the records, read on demand
     * @param policy what to do with duplicates
     * @return what was added, replaced and found duplicate, with the PRISMA counts
     * @throws StudyException if the records cannot be read (nothing is stored) or the study cannot be written
     * @since 0.1
     */
    public ImportOutcome importStream(String source, String format, Records records, DuplicatePolicy policy)
            throws StudyException {
        return importing(source, format, records, -1, policy);
    }

    /** Chunk of new references written at once: big enough for JDBC batches, small enough to hold. */
    private static final int CHUNK = 1000;

    private ImportOutcome importing(String source, String format, Records records, int recordsReadGiven,
            DuplicatePolicy policy) throws StudyException {
        return study.transaction(c -> {
            ReferenceRows rows = new ReferenceRows(c);
            DuplicateFinder finder = new DuplicateFinder(rows.all());
            Set<String> taken = rows.keys();
            List<String> added = new ArrayList<>();
            List<String> replaced = new ArrayList<>();
            List<Duplicate> duplicates = new ArrayList<>();
            // new references and their audit rows are written in batches: one statement per record made an
            // import of 100,000 records take minutes (still one transaction, one row each)
            List<Reference> inserts = new ArrayList<>();
            List<AuditEntry> audit = new ArrayList<>();
            String reason = "import " + source + " (" + format + ")";
            int[] seen = {0, 0};
            RecordSink sink = new RecordSink() {
                @Override
                public void record(ReadRecord rec) throws LiteratureException {
                    seen[0]++;
                    try {
                        store(c, rows, finder, taken, rec, policy, reason, inserts, audit, added, replaced, duplicates);
                        if (inserts.size() >= CHUNK) {
                            flush(c, rows, inserts, audit);
                        }
                    } catch (SQLException | StudyException e) {
                        throw new LiteratureException("record " + rec.record() + " (line " + rec.line() + ") cannot be stored: "
                                + e.getMessage(), e);
                    }
                }

                @Override
                public void problem(RecordProblem p) {
                    seen[1]++;
                }
            };
            try {
                records.readInto(sink);
            } catch (LiteratureException e) {
                throw new StudyException(e.getMessage() + "; nothing was imported", e);
            }
            flush(c, rows, inserts, audit);
            int recordsRead = recordsReadGiven >= 0 ? recordsReadGiven : seen[0] + seen[1];
            int removed = (int) duplicates.stream().filter(d -> d.action() == DuplicatePolicy.KEEP_EXISTING).count();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lit_import(source, format, at, records_read, "
                    + "duplicates_removed, added, replaced) VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, source);
                ps.setString(2, format);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.setInt(4, recordsRead);
                ps.setInt(5, removed);
                ps.setInt(6, added.size());
                ps.setInt(7, replaced.size());
                ps.executeUpdate();
            }
            new AuditLog(c).append(AuditEntry.of(actor, "import", "literature", source, null, null,
                    added.size() + " added, " + replaced.size() + " replaced, " + removed + " duplicates removed of "
                            + recordsRead + " records",
                    reason));
            return new ImportOutcome(recordsRead, added, replaced, duplicates, prisma(c));
        });
    }

    /** One record of an import: a duplicate is kept, replaced or kept both; a new one waits in {@code inserts}. */
    private void store(Connection c, ReferenceRows rows, DuplicateFinder finder, Set<String> taken, ReadRecord rec,
            DuplicatePolicy policy, String reason, List<Reference> inserts, List<AuditEntry> audit, List<String> added,
            List<String> replaced, List<Duplicate> duplicates) throws SQLException, StudyException {
        Reference r = rec.reference();
        Optional<DuplicateFinder.Match> m = finder.find(r);
        if (m.isPresent()) {
            duplicates.add(new Duplicate(rec.record(), r.displayTitle(), m.get().key(), m.get().on(), policy));
            if (policy == DuplicatePolicy.KEEP_EXISTING) {
                return;
            }
            if (policy == DuplicatePolicy.REPLACE) {
                flush(c, rows, inserts, audit);
                Reference old = rows.find(m.get().key()).orElseThrow();
                Reference now = r.withKey(old.key());
                rows.update(now);
                auditChanges(c, old, now, reason);
                replaced.add(old.key());
                return;
            }
        }
        Reference stored = r.withKey(uniqueKey(r, taken));
        taken.add(stored.key());
        inserts.add(stored);
        audit.add(AuditEntry.of(actor, "add", ENTITY, stored.key(), null, null, clip(stored.displayTitle()), reason));
        finder.add(stored);
        added.add(stored.key());
    }

    /** The PRISMA counts over every import into this study. */
    public PrismaCounts prisma() throws StudyException {
        return study.read(LiteratureStore::prisma);
    }

    private static PrismaCounts prisma(Connection c) throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT COALESCE(SUM(records_read), 0), COALESCE(SUM(duplicates_removed), 0) FROM lit_import")) {
            rs.next();
            long identified = rs.getLong(1);
            long removed = rs.getLong(2);
            return new PrismaCounts(identified, removed, identified - removed);
        }
    }

    private Reference insert(Connection c, Reference r, String reason) throws SQLException {
        ReferenceRows rows = new ReferenceRows(c);
        String base = r.key() != null ? r.key() : baseKey(r);
        String key = base;
        for (int i = 0; rows.exists(key); i++) {
            key = base + suffix(i);
        }
        Reference stored = r.withKey(key);
        rows.insert(stored);
        new AuditLog(c).append(AuditEntry.of(actor, "add", ENTITY, key, null, null, stored.displayTitle(), reason));
        return stored;
    }

    /** The reference's own key, or one from its first author and year, with a letter when taken. */
    private static String uniqueKey(Reference r, Set<String> taken) {
        String base = r.key() != null ? r.key() : baseKey(r);
        String key = base;
        for (int i = 0; taken.contains(key); i++) {
            key = base + suffix(i);
        }
        return key;
    }

    /** Writes the pending new references and their audit rows (before a replacement, so rows stay in order). */
    private static void flush(Connection c, ReferenceRows rows, List<Reference> inserts, List<AuditEntry> audit)
            throws SQLException {
        rows.insertAll(inserts);
        new AuditLog(c).appendAll(audit);
        inserts.clear();
        audit.clear();
    }

    /** a, b, ..., z, aa, ab, ... as citation managers suffix equal keys. */
    private static String suffix(int i) {
        return i < 26 ? String.valueOf((char) ('a' + i)) : suffix(i / 26 - 1) + (char) ('a' + i % 26);
    }

    /** First author's family name in ASCII letters and the year ("smith2021"); "pmid123" or "ref2021" without a Latin name. */
    static String baseKey(Reference r) {
        String name = "";
        if (!r.authors().isEmpty()) {
            name = Normalizer.normalize(r.authors().get(0).family(), Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "")
                    .toLowerCase(Locale.ROOT);
        }
        if (name.isEmpty()) {
            name = r.pmid() != null ? "pmid" + r.pmid() : "ref";
            if (r.pmid() != null) {
                return name;
            }
        }
        return name + (r.year() != null ? r.year() : "");
    }

    private void auditChanges(Connection c, Reference old, Reference now, String reason) throws SQLException {
        AuditLog log = new AuditLog(c);
        String[][] fields = {
                {"type", old.type().csl(), now.type().csl()}, {"language", old.language(), now.language()},
                {"title", old.title(), now.title()}, {"title_zh", old.titleZh(), now.titleZh()},
                {"abstract", old.abstractText(), now.abstractText()}, {"abstract_zh", old.abstractZh(), now.abstractZh()},
                {"keywords", String.join("; ", old.keywords()), String.join("; ", now.keywords())},
                {"keywords_zh", String.join("; ", old.keywordsZh()), String.join("; ", now.keywordsZh())},
                {"authors", authors(old), authors(now)}, {"journal", old.journal(), now.journal()},
                {"year", Objects.toString(old.year(), null), Objects.toString(now.year(), null)},
                {"volume", old.volume(), now.volume()}, {"issue", old.issue(), now.issue()},
                {"pages", old.pages(), now.pages()}, {"doi", old.doi(), now.doi()}, {"pmid", old.pmid(), now.pmid()},
                {"url", old.url(), now.url()}};
        for (String[] f : fields) {
            if (!Objects.equals(f[1], f[2])) {
                log.append(AuditEntry.of(actor, "update", ENTITY, now.key(), f[0], clip(f[1]), clip(f[2]), reason));
            }
        }
    }

    private static String authors(Reference r) {
        return String.join("; ", r.authors().stream().map(Author::display).toList());
    }

    /** The audit columns hold 4000 characters; abstracts can be longer. */
    private static String clip(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3990) + " [...]";
    }
}
