package org.painlab.literature.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.painlab.core.store.Migration;
import org.painlab.core.store.StudySchema;

/**
 * The literature tables of a study: references (scalar fields as columns for lookups and duplicate
 * checks; authors, keywords and guessed fields as one JSON column) and the import log behind the
 * PRISMA counts.
 */
public final class LiteratureSchema implements StudySchema {
    public static final String AREA = "org.painlab.literature";

    @Override
    public String area() {
        return AREA;
    }

    @Override
    public List<Migration> migrations() {
        return List.of(Migration.sql(1, "references, import log",
                "CREATE TABLE lit_reference(ref_key VARCHAR(200) PRIMARY KEY, ref_type VARCHAR(40) NOT NULL, "
                        + "language VARCHAR(20), title VARCHAR(4000), title_zh VARCHAR(4000), abstract CLOB, abstract_zh CLOB, "
                        + "journal VARCHAR(1000), pub_year INT, volume VARCHAR(100), issue VARCHAR(100), pages VARCHAR(100), "
                        + "doi VARCHAR(400), pmid VARCHAR(40), url VARCHAR(2000), title_norm VARCHAR(4000) NOT NULL, "
                        + "details CLOB NOT NULL, added_at TIMESTAMP WITH TIME ZONE NOT NULL)",
                "CREATE INDEX lit_reference_doi ON lit_reference(doi)",
                "CREATE INDEX lit_reference_pmid ON lit_reference(pmid)",
                "CREATE INDEX lit_reference_title ON lit_reference(title_norm)",
                "CREATE TABLE lit_import(id BIGINT AUTO_INCREMENT PRIMARY KEY, source VARCHAR(2000) NOT NULL, "
                        + "format VARCHAR(100) NOT NULL, at TIMESTAMP WITH TIME ZONE NOT NULL, records_read INT NOT NULL, "
                        + "duplicates_removed INT NOT NULL, added INT NOT NULL, replaced INT NOT NULL)"),
                // Effect sizes, notes, tags and collections arrive together so that the engine's
                // citation/effect-size work and the notes work build on one schema version.
                Migration.sql(2, "effect sizes, notes, tags, collections",
                        "CREATE TABLE lit_effect(id BIGINT AUTO_INCREMENT PRIMARY KEY, ref_key VARCHAR(200) NOT NULL "
                                + "REFERENCES lit_reference(ref_key) ON DELETE CASCADE, outcome VARCHAR(400) NOT NULL, "
                                + "time_point VARCHAR(400), arm VARCHAR(400) NOT NULL, n INT, mean DOUBLE PRECISION, "
                                + "sd DOUBLE PRECISION, events INT, total INT, location VARCHAR(400), "
                                + "added_at TIMESTAMP WITH TIME ZONE NOT NULL)",
                        "CREATE INDEX lit_effect_ref ON lit_effect(ref_key)",
                        "CREATE TABLE lit_note(note_key VARCHAR(200) PRIMARY KEY, ref_key VARCHAR(200) "
                                + "REFERENCES lit_reference(ref_key) ON DELETE SET NULL, title VARCHAR(1000), "
                                + "body CLOB NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                                + "updated_at TIMESTAMP WITH TIME ZONE NOT NULL)",
                        "CREATE INDEX lit_note_ref ON lit_note(ref_key)",
                        "CREATE TABLE lit_tag(item_type VARCHAR(20) NOT NULL, item_key VARCHAR(200) NOT NULL, "
                                + "tag VARCHAR(200) NOT NULL, PRIMARY KEY(item_type, item_key, tag))",
                        "CREATE INDEX lit_tag_tag ON lit_tag(tag)",
                        "CREATE TABLE lit_collection(collection_key VARCHAR(200) PRIMARY KEY, name VARCHAR(400) NOT NULL, "
                                + "parent_key VARCHAR(200) REFERENCES lit_collection(collection_key) ON DELETE CASCADE)",
                        "CREATE TABLE lit_collection_item(collection_key VARCHAR(200) NOT NULL "
                                + "REFERENCES lit_collection(collection_key) ON DELETE CASCADE, ref_key VARCHAR(200) NOT NULL "
                                + "REFERENCES lit_reference(ref_key) ON DELETE CASCADE, PRIMARY KEY(collection_key, ref_key))"));
    }

    @Override
    public Map<String, Object> counts(Connection c) throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM lit_reference")) {
            rs.next();
            return Map.of("references", rs.getLong(1));
        }
    }
}
