package org.painlab.literature.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.painlab.core.io.JsonText;
import org.painlab.literature.Author;
import org.painlab.literature.Identifiers;
import org.painlab.literature.Reference;
import org.painlab.literature.ReferenceType;

/** Reads and writes rows of {@code lit_reference} on the caller's connection (and transaction). */
public final class ReferenceRows {
    private static final String COLUMNS = "ref_key, ref_type, language, title, title_zh, abstract, abstract_zh, journal, "
            + "pub_year, volume, issue, pages, doi, pmid, url, details";
    private final Connection c;

    public ReferenceRows(Connection connection) {
        this.c = connection;
    }

    public List<Reference> all() throws SQLException {
        return query("SELECT " + COLUMNS + " FROM lit_reference ORDER BY ref_key");
    }

    public Optional<Reference> find(String key) throws SQLException {
        List<Reference> r = query("SELECT " + COLUMNS + " FROM lit_reference WHERE ref_key = ?", key);
        return r.stream().findFirst();
    }

    public boolean exists(String key) throws SQLException {
        // a key lookup per stored record: reading and parsing the whole row made imports slow
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM lit_reference WHERE ref_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public long count() throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM lit_reference")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public void insert(Reference r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lit_reference(" + COLUMNS
                + ", title_norm, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int i = bind(ps, r);
            ps.setTimestamp(i, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
    }

    /** Inserts {@code refs} (keys already unique) as JDBC batches of 500 on one prepared statement. */
    public void insertAll(List<Reference> refs) throws SQLException {
        if (refs.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lit_reference(" + COLUMNS
                + ", title_norm, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int pending = 0;
            for (Reference r : refs) {
                int i = bind(ps, r);
                ps.setTimestamp(i, now);
                ps.addBatch();
                if (++pending == 500) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Every reference key of the study (for making new keys unique without a query per record). */
    public java.util.Set<String> keys() throws SQLException {
        java.util.Set<String> out = new java.util.HashSet<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ref_key FROM lit_reference")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    public void update(Reference r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE lit_reference SET ref_key = ?, ref_type = ?, language = ?, "
                + "title = ?, title_zh = ?, abstract = ?, abstract_zh = ?, journal = ?, pub_year = ?, volume = ?, issue = ?, "
                + "pages = ?, doi = ?, pmid = ?, url = ?, details = ?, title_norm = ? WHERE ref_key = ?")) {
            int i = bind(ps, r);
            ps.setString(i, r.key());
            ps.executeUpdate();
        }
    }

    public boolean delete(String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM lit_reference WHERE ref_key = ?")) {
            ps.setString(1, key);
            return ps.executeUpdate() == 1;
        }
    }

    /** Binds the columns in {@link #COLUMNS} order then title_norm; returns the next parameter index. */
    private static int bind(PreparedStatement ps, Reference r) throws SQLException {
        ps.setString(1, r.key());
        ps.setString(2, r.type().csl());
        ps.setString(3, r.language());
        ps.setString(4, r.title());
        ps.setString(5, r.titleZh());
        ps.setString(6, r.abstractText());
        ps.setString(7, r.abstractZh());
        ps.setString(8, r.journal());
        if (r.year() == null) {
            ps.setNull(9, Types.INTEGER);
        } else {
            ps.setInt(9, r.year());
        }
        ps.setString(10, r.volume());
        ps.setString(11, r.issue());
        ps.setString(12, r.pages());
        ps.setString(13, r.doi());
        ps.setString(14, r.pmid());
        ps.setString(15, r.url());
        ps.setString(16, JsonText.write(details(r)));
        ps.setString(17, Identifiers.normalisedTitle(r.title() != null ? r.title() : r.titleZh()));
        return 18;
    }

    private static Map<String, Object> details(Reference r) {
        Map<String, Object> d = new LinkedHashMap<>();
        List<Map<String, Object>> authors = new ArrayList<>();
        for (Author a : r.authors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("family", a.family());
            m.put("given", a.given());
            m.put("affiliations", a.affiliations());
            authors.add(m);
        }
        d.put("authors", authors);
        d.put("keywords", r.keywords());
        d.put("keywords_zh", r.keywordsZh());
        d.put("guessed", List.copyOf(r.guessed()));
        return d;
    }

    private List<Reference> query(String sql, String... args) throws SQLException {
        List<Reference> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Reference read(ResultSet rs) throws SQLException {
        Map<String, Object> d = JsonText.readObject(rs.getString(16));
        Reference.Builder b = Reference.builder().key(rs.getString(1)).type(ReferenceType.ofCsl(rs.getString(2)))
                .language(rs.getString(3)).title(rs.getString(4)).titleZh(rs.getString(5)).abstractText(rs.getString(6))
                .abstractZh(rs.getString(7)).journal(rs.getString(8)).volume(rs.getString(10)).issue(rs.getString(11))
                .pages(rs.getString(12)).doi(rs.getString(13)).pmid(rs.getString(14)).url(rs.getString(15));
        int year = rs.getInt(9);
        b.year(rs.wasNull() ? null : year);
        for (Object o : (List<Object>) d.getOrDefault("authors", List.of())) {
            Map<String, Object> m = (Map<String, Object>) o;
            b.author(new Author((String) m.get("family"), (String) m.get("given"),
                    (List<String>) m.getOrDefault("affiliations", List.of())));
        }
        ((List<String>) d.getOrDefault("keywords", List.of())).forEach(b::keyword);
        ((List<String>) d.getOrDefault("keywords_zh", List.of())).forEach(b::keywordZh);
        ((List<String>) d.getOrDefault("guessed", List.of())).forEach(b::guessed);
        return b.build();
    }
}
