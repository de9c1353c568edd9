package org.painlab.core.result;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.io.JsonText;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;

/**
 * The analysis results stored in a study. Results are only added (with an audit row) and read:
 * a result that was reported must stay as it was reported.
 *
 * @since 0.1
 * @noextend This class is not intended to be subclassed by clients.
 */
public final class ResultStore {
    private static final String COLUMNS = "id, analysis_id, title, parameters, inputs_hash, versions, created_at, "
            + "created_by, body";
    private final Study study;

    /** @param study an open study */
    public ResultStore(Study study) {
        this.study = study;
    }

    /**
     * Stores a result in one transaction with its audit row.
     *
     * @param r the result; its id and creation time are assigned here
     * @return the stored result with its id and time
     * @throws StudyException if the study cannot be written
     */
    public StoredResult add(StoredResult r) throws StudyException {
        Instant now = Instant.now();
        return study.transaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO result(analysis_id, title, created_at, "
                    + "code_version, inputs, parameters, body, inputs_hash, created_by, versions) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, r.analysisId());
                ps.setString(2, r.title());
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setString(4, r.versions().getOrDefault("org.painlab.core", "unknown"));
                ps.setString(5, JsonText.write(Map.of("sha256", r.inputsHash())));
                ps.setString(6, JsonText.write(r.parameters()));
                ps.setString(7, JsonText.write(r.body()));
                ps.setString(8, r.inputsHash());
                ps.setString(9, r.by());
                ps.setString(10, JsonText.write(r.versions()));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            new AuditLog(c).append(new AuditEntry(0, now, r.by(), "insert", "result", Long.toString(id), "analysis",
                    null, r.analysisId(), "analysis run: " + r.title()));
            return new StoredResult(id, r.analysisId(), r.title(), r.parameters(), r.inputsHash(), r.versions(), now,
                    r.by(), r.body());
        });
    }

    /**
     * @return every stored result, oldest first
     * @throws StudyException if the study cannot be read
     */
    public List<StoredResult> list() throws StudyException {
        return study.read(c -> query(c, "SELECT " + COLUMNS + " FROM result ORDER BY id", null));
    }

    /**
     * @param id a result id
     * @return the result, or empty when the study has none with that id
     * @throws StudyException if the study cannot be read
     */
    public Optional<StoredResult> get(long id) throws StudyException {
        return study.read(c -> query(c, "SELECT " + COLUMNS + " FROM result WHERE id = ?", id)).stream().findFirst();
    }

    /**
     * @param analysisId an analysis id
     * @param parameters its parameters
     * @param inputsHash the hash of its inputs
     * @param versions the bundle versions
     * @return a stored result of the same analysis, parameters, inputs and code, if there is one
     * @throws StudyException if the study cannot be read
     */
    public Optional<StoredResult> findSame(String analysisId, Map<String, String> parameters, String inputsHash,
            Map<String, String> versions) throws StudyException {
        String params = JsonText.write(parameters);
        String code = JsonText.write(versions);
        return study.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, parameters, versions FROM result "
                    + "WHERE analysis_id = ? AND inputs_hash = ? ORDER BY id")) {
                ps.setString(1, analysisId);
                ps.setString(2, inputsHash);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (params.equals(rs.getString(2)) && code.equals(rs.getString(3))) {
                            return Optional.of(rs.getLong(1));
                        }
                    }
                }
            }
            return Optional.<Long>empty();
        }).flatMap(id -> {
            try {
                return get(id);
            } catch (StudyException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * @param c a connection of the study
     * @return the number of stored results
     * @throws SQLException if the table cannot be read
     */
    public static long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM result")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<StoredResult> query(Connection c, String sql, Long id) throws SQLException {
        List<StoredResult> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != null) {
                ps.setLong(1, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredResult(rs.getLong(1), rs.getString(2), rs.getString(3), strings(rs.getString(4)),
                            rs.getString(5), strings(rs.getString(6)), rs.getTimestamp(7).toInstant(), rs.getString(8),
                            JsonText.readObject(rs.getString(9))));
                }
            }
        }
        return out;
    }

    private static Map<String, String> strings(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonText.readObject(json).forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
        return out;
    }
}
