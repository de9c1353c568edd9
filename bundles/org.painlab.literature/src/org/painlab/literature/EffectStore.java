package org.painlab.literature;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.data.StudyAggregate;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;
import org.painlab.literature.internal.ReferenceRows;

/**
 * The outcome numbers extracted from the study's references (table {@code lit_effect}): added and
 * deleted with an audit row in the same transaction; offered to analyses as core
 * {@link StudyAggregate}s by the literature data provider.
 *
 * @since 0.1
 */
public final class EffectStore {
    private static final String ENTITY = "effect";
    private static final String COLUMNS = "id, ref_key, outcome, time_point, arm, n, mean, sd, events, total, location";
    private final Study study;
    private final String actor;

    /** @param actor who makes the changes, for the audit trail */
    public EffectStore(Study study, String actor) {
        this.study = Objects.requireNonNull(study);
        this.actor = actor == null || actor.isBlank() ? "unknown" : actor;
    }

    /**
     * Stores {@code a} for the reference named by its {@code source}.
     *
     * @return the stored row
     * @throws StudyException when the study holds no reference with that key
     */
    public ExtractedEffect add(StudyAggregate a, String reason) throws StudyException {
        return study.transaction(c -> {
            if (!new ReferenceRows(c).exists(a.source())) {
                throw new StudyException("no reference with key '" + a.source() + "' in " + study.folder());
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lit_effect(ref_key, outcome, time_point, arm, n, "
                    + "mean, sd, events, total, location, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, a.source());
                ps.setString(2, a.outcome());
                ps.setString(3, a.timePoint());
                ps.setString(4, a.arm());
                setInt(ps, 5, a.n());
                setDouble(ps, 6, a.mean());
                setDouble(ps, 7, a.sd());
                setInt(ps, 8, a.events());
                setInt(ps, 9, a.total());
                ps.setString(10, a.location());
                ps.setTimestamp(11, Timestamp.from(Instant.now()));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            new AuditLog(c).append(AuditEntry.of(actor, "add", ENTITY, a.source() + "/" + id, null, null, describe(a), reason));
            return new ExtractedEffect(id, a);
        });
    }

    /** Deletes row {@code id}; false when there is none. */
    public boolean delete(long id, String reason) throws StudyException {
        return study.transaction(c -> {
            List<ExtractedEffect> old = query(c, " WHERE id = ?", id);
            if (old.isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM lit_effect WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            StudyAggregate a = old.get(0).aggregate();
            new AuditLog(c).append(AuditEntry.of(actor, "delete", ENTITY, a.source() + "/" + id, null, describe(a), null, reason));
            return true;
        });
    }

    /** Every extracted effect, by reference key, outcome, time point and row. */
    public List<ExtractedEffect> list() throws StudyException {
        return study.read(c -> query(c, "", null));
    }

    /** The effects of one reference. */
    public List<ExtractedEffect> list(String key) throws StudyException {
        return study.read(c -> query(c, " WHERE ref_key = ?", key));
    }

    /** "vas, 3 months, arm S: n=40 mean=2.1 SD=1.2 (p. 5, Table 2)": the audit row's value. */
    public static String describe(StudyAggregate a) {
        String numbers = a.continuous() ? "n=" + a.n() + " mean=" + a.mean() + " SD=" + a.sd()
                : a.events() + "/" + a.total() + " events";
        return a.outcome() + (a.timePoint() != null ? ", " + a.timePoint() : "") + ", arm " + a.arm() + ": " + numbers
                + (a.location() != null ? " (" + a.location() + ")" : "");
    }

    private static List<ExtractedEffect> query(Connection c, String where, Object arg) throws SQLException {
        List<ExtractedEffect> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM lit_effect" + where
                + " ORDER BY ref_key, outcome, time_point, id")) {
            if (arg instanceof String s) {
                ps.setString(1, s);
            } else if (arg instanceof Long l) {
                ps.setLong(1, l);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ExtractedEffect(rs.getLong(1), new StudyAggregate(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), integer(rs, 6), decimal(rs, 7), decimal(rs, 8), integer(rs, 9),
                            integer(rs, 10), rs.getString(11))));
                }
            }
        }
        return out;
    }

    private static Integer integer(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }

    private static Double decimal(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }
}
