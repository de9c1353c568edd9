package org.painlab.literature;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;

/**
 * The notes of a study: write, edit and delete Markdown notes on a reference or on their own, each
 * change written to the audit trail in the same transaction (an edit audits the fields it changed).
 *
 * @since 0.1
 */
public final class NoteStore {
    /** The link target id and audit entity of notes. */
    public static final String ENTITY = "note";
    private static final String COLUMNS = "note_key, ref_key, title, body, created_at, updated_at";
    private final Study study;
    private final String actor;

    /** @param actor who makes the changes, for the audit trail */
    public NoteStore(Study study, String actor) {
        this.study = Objects.requireNonNull(study);
        this.actor = actor == null || actor.isBlank() ? "unknown" : actor;
    }

    /** Every note, oldest first. */
    public List<Note> list() throws StudyException {
        return study.read(c -> query(c, "SELECT " + COLUMNS + " FROM lit_note ORDER BY created_at, note_key", null));
    }

    /** The notes on reference {@code referenceKey}, oldest first. */
    public List<Note> of(String referenceKey) throws StudyException {
        return study.read(c -> query(c, "SELECT " + COLUMNS + " FROM lit_note WHERE ref_key = ? ORDER BY created_at, note_key",
                referenceKey));
    }

    public Optional<Note> find(String key) throws StudyException {
        return study.read(c -> find(c, key));
    }

    /**
     * Writes a new note.
     *
     * @param referenceKey the reference it is about, or null for a note on its own
     * @throws StudyException if the body is blank or the reference does not exist
     */
    public Note add(String referenceKey, String title, String body, String reason) throws StudyException {
        String text = requireBody(body);
        return study.transaction(c -> {
            checkReference(c, referenceKey);
            String key = nextKey(c);
            Instant now = Instant.now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lit_note(" + COLUMNS + ") VALUES (?,?,?,?,?,?)")) {
                ps.setString(1, key);
                ps.setString(2, referenceKey);
                ps.setString(3, blankToNull(title));
                ps.setString(4, text);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, Timestamp.from(now));
                ps.executeUpdate();
            }
            Note n = new Note(key, referenceKey, blankToNull(title), text, now, now);
            new AuditLog(c).append(AuditEntry.of(actor, "add", ENTITY, key, null, null, n.displayTitle(), reason));
            return n;
        });
    }

    /**
     * Replaces a note's title and body (null keeps the one held); one audit row per changed field.
     */
    public Note edit(String key, String title, String body, String reason) throws StudyException {
        return study.transaction(c -> {
            Note old = find(c, key).orElseThrow(() -> new StudyException("no note with key '" + key + "'"));
            String newTitle = title == null ? old.title() : blankToNull(title);
            String newBody = body == null ? old.body() : requireBody(body);
            Instant now = Instant.now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE lit_note SET title = ?, body = ?, updated_at = ? WHERE note_key = ?")) {
                ps.setString(1, newTitle);
                ps.setString(2, newBody);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setString(4, key);
                ps.executeUpdate();
            }
            AuditLog log = new AuditLog(c);
            if (!Objects.equals(old.title(), newTitle)) {
                log.append(AuditEntry.of(actor, "update", ENTITY, key, "title", old.title(), newTitle, reason));
            }
            if (!old.body().equals(newBody)) {
                log.append(AuditEntry.of(actor, "update", ENTITY, key, "body", clip(old.body()), clip(newBody), reason));
            }
            return new Note(key, old.referenceKey(), newTitle, newBody, old.created(), now);
        });
    }

    /** Deletes a note and its tags. */
    public void delete(String key, String reason) throws StudyException {
        study.transaction(c -> {
            Note old = find(c, key).orElseThrow(() -> new StudyException("no note with key '" + key + "'"));
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM lit_note WHERE note_key = ?")) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM lit_tag WHERE item_type = ? AND item_key = ?")) {
                ps.setString(1, ENTITY);
                ps.setString(2, key);
                ps.executeUpdate();
            }
            new AuditLog(c).append(AuditEntry.of(actor, "delete", ENTITY, key, null, clip(old.body()), null, reason));
            return null;
        });
    }

    private static String requireBody(String body) throws StudyException {
        if (body == null || body.isBlank()) {
            throw new StudyException("a note needs some text");
        }
        return body.strip();
    }

    private static void checkReference(Connection c, String referenceKey) throws SQLException, StudyException {
        if (referenceKey == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM lit_reference WHERE ref_key = ?")) {
            ps.setString(1, referenceKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StudyException("no reference with key '" + referenceKey + "' to write a note on");
                }
            }
        }
    }

    /** n1, n2, ...: one more than the highest number used, so a deleted note's key is not given to another. */
    private static String nextKey(Connection c) throws SQLException {
        long max = 0;
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT note_key FROM lit_note")) {
            while (rs.next()) {
                String k = rs.getString(1);
                if (k.matches("n\\d{1,15}")) {
                    max = Math.max(max, Long.parseLong(k.substring(1)));
                }
            }
        }
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT entity_id FROM audit_log WHERE entity = '" + ENTITY + "' AND action = 'delete'")) {
            while (rs.next()) {
                String k = rs.getString(1);
                if (k != null && k.matches("n\\d{1,15}")) {
                    max = Math.max(max, Long.parseLong(k.substring(1)));
                }
            }
        }
        return "n" + (max + 1);
    }

    private static Optional<Note> find(Connection c, String key) throws SQLException {
        List<Note> l = query(c, "SELECT " + COLUMNS + " FROM lit_note WHERE note_key = ?", key);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private static List<Note> query(Connection c, String sql, String arg) throws SQLException {
        List<Note> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()));
                }
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000) + "…";
    }
}
