package org.painlab.literature;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;

/**
 * Collections of references, nested (a review's included studies inside the review): create, add
 * and remove references, delete (with the collections inside it). Every change is audited.
 *
 * @since 0.1
 */
public final class CollectionStore {
    private static final String ENTITY = "collection";
    private final Study study;
    private final String actor;

    /** @param actor who makes the changes, for the audit trail */
    public CollectionStore(Study study, String actor) {
        this.study = Objects.requireNonNull(study);
        this.actor = actor == null || actor.isBlank() ? "unknown" : actor;
    }

    /** Every collection, parents before their children, each with its references. */
    public List<ReferenceCollection> list() throws StudyException {
        return study.read(CollectionStore::list);
    }

    public Optional<ReferenceCollection> find(String key) throws StudyException {
        return list().stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The references in {@code key} and in the collections inside it, each once. */
    public Set<String> referencesUnder(String key) throws StudyException {
        List<ReferenceCollection> all = list();
        Set<String> out = new LinkedHashSet<>();
        Set<String> open = new LinkedHashSet<>(List.of(key));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ReferenceCollection c : all) {
                if (c.parentKey() != null && open.contains(c.parentKey()) && open.add(c.key())) {
                    grew = true;
                }
            }
        }
        for (ReferenceCollection c : all) {
            if (open.contains(c.key())) {
                out.addAll(c.referenceKeys());
            }
        }
        return out;
    }

    /**
     * @param parentKey the collection to create it in, or null at the top
     * @return the new collection; its key is made from the name (ASCII letters and digits, else
     *         {@code collection}) and made unique with a number
     */
    public ReferenceCollection create(String name, String parentKey, String reason) throws StudyException {
        if (name == null || name.isBlank()) {
            throw new StudyException("a collection needs a name");
        }
        return study.transaction(c -> {
            if (parentKey != null && !exists(c, parentKey)) {
                throw new StudyException("no collection with key '" + parentKey + "' to create '" + name.strip() + "' in");
            }
            String base = slug(name);
            String key = base;
            for (int i = 2; exists(c, key); i++) {
                key = base + "-" + i;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lit_collection(collection_key, name, parent_key) VALUES (?,?,?)")) {
                ps.setString(1, key);
                ps.setString(2, name.strip());
                ps.setString(3, parentKey);
                ps.executeUpdate();
            }
            new AuditLog(c).append(AuditEntry.of(actor, "add", ENTITY, key, null, null,
                    name.strip() + (parentKey == null ? "" : " in " + parentKey), reason));
            return new ReferenceCollection(key, name.strip(), parentKey, List.of());
        });
    }

    /** Adds references to a collection (those already in it are left alone). */
    public ReferenceCollection add(String key, List<String> referenceKeys, String reason) throws StudyException {
        study.transaction(c -> {
            require(c, key);
            for (String ref : referenceKeys) {
                if (!referenceExists(c, ref)) {
                    throw new StudyException("no reference with key '" + ref + "' to put in collection '" + key + "'");
                }
                if (contains(c, key, ref)) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO lit_collection_item(collection_key, ref_key) VALUES (?,?)")) {
                    ps.setString(1, key);
                    ps.setString(2, ref);
                    ps.executeUpdate();
                }
                new AuditLog(c).append(AuditEntry.of(actor, "add", ENTITY, key, "reference", null, ref, reason));
            }
            return null;
        });
        return find(key).orElseThrow();
    }

    /** Takes references out of a collection (the references stay in the library). */
    public ReferenceCollection remove(String key, List<String> referenceKeys, String reason) throws StudyException {
        study.transaction(c -> {
            require(c, key);
            for (String ref : referenceKeys) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM lit_collection_item WHERE collection_key = ? AND ref_key = ?")) {
                    ps.setString(1, key);
                    ps.setString(2, ref);
                    if (ps.executeUpdate() > 0) {
                        new AuditLog(c).append(AuditEntry.of(actor, "remove", ENTITY, key, "reference", ref, null, reason));
                    }
                }
            }
            return null;
        });
        return find(key).orElseThrow();
    }

    /** Deletes a collection and the collections inside it; the references stay in the library. */
    public void delete(String key, String reason) throws StudyException {
        study.transaction(c -> {
            require(c, key);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM lit_collection WHERE collection_key = ?")) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            new AuditLog(c).append(AuditEntry.of(actor, "delete", ENTITY, key, null, null, null, reason));
            return null;
        });
    }

    private static List<ReferenceCollection> list(Connection c) throws SQLException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        try (var st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT collection_key, name, parent_key FROM lit_collection ORDER BY name, collection_key")) {
            while (rs.next()) {
                rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        Map<String, List<String>> items = new LinkedHashMap<>();
        try (var st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT collection_key, ref_key FROM lit_collection_item ORDER BY ref_key")) {
            while (rs.next()) {
                items.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        List<ReferenceCollection> out = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        // parents before children: repeat passes until every collection whose parent is placed is placed
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var e : rows.entrySet()) {
                String parent = e.getValue()[1];
                if (!placed.contains(e.getKey()) && (parent == null || placed.contains(parent))) {
                    placed.add(e.getKey());
                    out.add(new ReferenceCollection(e.getKey(), e.getValue()[0], parent, items.getOrDefault(e.getKey(), List.of())));
                    grew = true;
                }
            }
        }
        return out;
    }

    static String slug(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT)
                .replaceAll("^-+|-+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60);
        }
        return s.isEmpty() ? "collection" : s;
    }

    private static boolean exists(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM lit_collection WHERE collection_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void require(Connection c, String key) throws SQLException, StudyException {
        if (!exists(c, key)) {
            throw new StudyException("no collection with key '" + key + "'");
        }
    }

    private static boolean contains(Connection c, String key, String ref) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM lit_collection_item WHERE collection_key = ? AND ref_key = ?")) {
            ps.setString(1, key);
            ps.setString(2, ref);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean referenceExists(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM lit_reference WHERE ref_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
