package org.painlab.literature;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;

/**
 * Tags on references and notes ({@code item type} {@value #REFERENCE} or {@value NoteStore#ENTITY}):
 * added and removed with an audit row each, listed per item, counted, and used to filter searches.
 *
 * @since 0.1
 */
public final class TagStore {
    /** Item type of references. */
    public static final String REFERENCE = "reference";
    private final Study study;
    private final String actor;

    /** @param actor who makes the changes, for the audit trail */
    public TagStore(Study study, String actor) {
        this.study = Objects.requireNonNull(study);
        this.actor = actor == null || actor.isBlank() ? "unknown" : actor;
    }

    /** The tags of one item, sorted. */
    public List<String> tagsOf(String itemType, String itemKey) throws StudyException {
        return study.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT tag FROM lit_tag WHERE item_type = ? AND item_key = ? ORDER BY tag")) {
                ps.setString(1, itemType);
                ps.setString(2, itemKey);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** Every item's tags: item type to item key to its sorted tags. */
    public Map<String, Map<String, List<String>>> all() throws StudyException {
        return study.read(c -> {
            Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
            try (var st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT item_type, item_key, tag FROM lit_tag ORDER BY item_type, item_key, tag")) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
                }
            }
            return out;
        });
    }

    /** Every tag in use with the number of items carrying it, sorted by tag. */
    public Map<String, Integer> counts() throws StudyException {
        return study.read(c -> {
            Map<String, Integer> out = new TreeMap<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT tag, COUNT(*) FROM lit_tag GROUP BY tag")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /**
     * Adds and removes tags of one item in one transaction (a tag already there, or not there to
     * remove, is left alone).
     *
     * @return the item's tags afterwards, sorted
     * @throws StudyException if the item does not exist or a tag is blank or too long
     */
    public List<String> change(String itemType, String itemKey, List<String> add, List<String> remove, String reason)
            throws StudyException {
        study.transaction(c -> {
            checkItem(c, itemType, itemKey);
            AuditLog log = new AuditLog(c);
            for (String raw : add) {
                String tag = clean(raw);
                if (!has(c, itemType, itemKey, tag)) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO lit_tag(item_type, item_key, tag) VALUES (?,?,?)")) {
                        ps.setString(1, itemType);
                        ps.setString(2, itemKey);
                        ps.setString(3, tag);
                        ps.executeUpdate();
                    }
                    log.append(AuditEntry.of(actor, "tag", itemType, itemKey, "tag", null, tag, reason));
                }
            }
            for (String raw : remove) {
                String tag = clean(raw);
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM lit_tag WHERE item_type = ? AND item_key = ? AND tag = ?")) {
                    ps.setString(1, itemType);
                    ps.setString(2, itemKey);
                    ps.setString(3, tag);
                    if (ps.executeUpdate() > 0) {
                        log.append(AuditEntry.of(actor, "untag", itemType, itemKey, "tag", tag, null, reason));
                    }
                }
            }
            return null;
        });
        return tagsOf(itemType, itemKey);
    }

    /** A tag as stored: trimmed, inner white space as one space; blank or longer than 200 is refused. */
    static String clean(String raw) throws StudyException {
        String t = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (t.isEmpty() || t.length() > 200) {
            throw new StudyException("tag '" + raw + "': " + (t.isEmpty() ? "empty" : "longer than 200 characters"));
        }
        return t;
    }

    private static boolean has(Connection c, String type, String key, String tag) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM lit_tag WHERE item_type = ? AND item_key = ? AND tag = ?")) {
            ps.setString(1, type);
            ps.setString(2, key);
            ps.setString(3, tag);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void checkItem(Connection c, String type, String key) throws SQLException, StudyException {
        String sql = switch (type) {
            case REFERENCE -> "SELECT 1 FROM lit_reference WHERE ref_key = ?";
            case NoteStore.ENTITY -> "SELECT 1 FROM lit_note WHERE note_key = ?";
            default -> throw new StudyException("tags are kept on references and notes, not on '" + type + "'");
        };
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StudyException("no " + type + " with key '" + key + "' to tag");
                }
            }
        }
    }
}
