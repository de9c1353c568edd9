package org.painlab.trial.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.instrument.Item;
import org.painlab.trial.randomization.Allocation;

/**
 * The SQL behind the trial store's reads, on one connection (inside or outside a transaction). Rows
 * come back as the API records of {@code org.painlab.trial.store}.
 */
final class TrialReader {
    /** Setting: the whole dataset is locked ("true"). */
    public static final String DATASET_LOCKED = "dataset.locked";
    /** Setting: the allocation list is locked ("true"). */
    public static final String ALLOCATION_LOCKED = "allocation.locked";
    /** Setting: where the allocation list came from. */
    public static final String ALLOCATION_SOURCE = "allocation.source";
    /** Setting: SHA-256 of the allocation list. */
    public static final String ALLOCATION_SHA256 = "allocation.sha256";

    private static final String SUBJECT_COLUMNS = "id, arm_code, status, allocation_seq, stratum, enrolled_on, simulated";

    private final Connection c;
    private final InstrumentCatalog catalog;

    /**
     * Creates a reader.
     *
     * @param c the connection
     * @param catalog the instruments (for item order)
     */
    public TrialReader(Connection c, InstrumentCatalog catalog) {
        this.c = c;
        this.catalog = catalog;
    }

    /**
     * The arms by ordinal, then code.
     *
     * @return the arms
     * @throws SQLException on a database error
     */
    public List<Arm> arms() throws SQLException {
        List<Arm> out = new ArrayList<>();
        try (var st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT code, name, description, ordinal FROM trial_arm ORDER BY ordinal, code")) {
            while (rs.next()) {
                out.add(new Arm(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
            }
        }
        return out;
    }

    /**
     * The visit definitions in time order.
     *
     * @return the visits
     * @throws SQLException on a database error
     */
    public List<VisitDefinition> visitDefinitions() throws SQLException {
        List<VisitDefinition> out = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, label, day_offset, ordinal FROM trial_visit_def ORDER BY ordinal, id")) {
            while (rs.next()) {
                int d = rs.getInt(3);
                out.add(new VisitDefinition(rs.getString(1), rs.getString(2), rs.wasNull() ? null : d, rs.getInt(4)));
            }
        }
        return out;
    }

    /**
     * The schedule of assessments by arm order, visit order, then ordinal.
     *
     * @return the entries
     * @throws SQLException on a database error
     */
    public List<ScheduleEntry> schedule() throws SQLException {
        List<ScheduleEntry> out = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT s.arm_code, s.visit_id, s.instrument_id, s.ordinal FROM trial_schedule s "
                        + "JOIN trial_arm a ON a.code = s.arm_code JOIN trial_visit_def v ON v.id = s.visit_id "
                        + "ORDER BY a.ordinal, a.code, v.ordinal, s.ordinal, s.instrument_id")) {
            while (rs.next()) {
                out.add(new ScheduleEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
            }
        }
        return out;
    }

    /**
     * The variable definitions in display order.
     *
     * @return the definitions
     * @throws SQLException on a database error
     */
    public List<VariableDefinition> variableDefinitions() throws SQLException {
        List<VariableDefinition> out = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT name, label, type, unit, min_value, max_value, choices, ordinal FROM trial_variable_def ORDER BY ordinal, name")) {
            while (rs.next()) {
                double min = rs.getDouble(5);
                Double mn = rs.wasNull() ? null : min;
                double max = rs.getDouble(6);
                Double mx = rs.wasNull() ? null : max;
                out.add(new VariableDefinition(rs.getString(1), rs.getString(2), VariableType.of(rs.getString(3)),
                        rs.getString(4), mn, mx, Choices.parse(rs.getString(7)), rs.getInt(8)));
            }
        }
        return out;
    }

    /**
     * All subjects by id.
     *
     * @return the subjects
     * @throws SQLException on a database error
     */
    public List<Subject> subjects() throws SQLException {
        List<Subject> out = new ArrayList<>();
        try (var st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + SUBJECT_COLUMNS + " FROM trial_subject ORDER BY id")) {
            while (rs.next()) {
                out.add(subject(rs));
            }
        }
        return out;
    }

    /**
     * One subject.
     *
     * @param id the subject id
     * @return the subject, or empty
     * @throws SQLException on a database error
     */
    public Optional<Subject> subject(String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SUBJECT_COLUMNS + " FROM trial_subject WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(subject(rs)) : Optional.empty();
            }
        }
    }

    private static Subject subject(ResultSet rs) throws SQLException {
        int seq = rs.getInt(4);
        Integer s = rs.wasNull() ? null : seq;
        return new Subject(rs.getString(1), rs.getString(2), SubjectStatus.of(rs.getString(3)), s, rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getBoolean(7));
    }

    /**
     * Number of subjects.
     *
     * @return the count
     * @throws SQLException on a database error
     */
    public long subjectCount() throws SQLException {
        return single("SELECT COUNT(*) FROM trial_subject");
    }

    /**
     * The baseline variables of a subject, in definition order.
     *
     * @param subjectId the subject
     * @return name to value
     * @throws SQLException on a database error
     */
    public Map<String, VariableValue> baseline(String subjectId) throws SQLException {
        return inDefinitionOrder(storedBaseline(subjectId, false), variableOrder());
    }

    /**
     * One variable of a subject.
     *
     * @param subjectId the subject
     * @param name the variable
     * @return the value, or empty
     * @throws SQLException on a database error
     */
    public Optional<VariableValue> variable(String subjectId, String name) throws SQLException {
        return Optional.ofNullable(storedBaseline(subjectId, false).get(name));
    }

    /**
     * The baseline row of a subject as stored (one row per subject, see TrialSchema migration 3).
     *
     * @param forUpdate lock the row for a read-modify-write inside the edit's transaction
     */
    Map<String, VariableValue> storedBaseline(String subjectId, boolean forUpdate) throws SQLException {
        Map<String, VariableValue> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT names, num_values, text_values FROM trial_baseline WHERE subject_id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    putBaseline(rs, 1, out);
                }
            }
        }
        return out;
    }

    /**
     * The answers of one answer set as stored, in stored order.
     *
     * @param forUpdate lock the row for a read-modify-write inside the edit's transaction
     */
    Map<String, Double> storedAnswers(String subjectId, String visitId, String instrumentId, boolean forUpdate)
            throws SQLException {
        Map<String, Double> raw = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT item_ids, answer_values FROM trial_answer_set "
                + "WHERE subject_id = ? AND visit_id = ? AND instrument_id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, subjectId);
            ps.setString(2, visitId);
            ps.setString(3, instrumentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    putAnswers(rs, 1, raw);
                }
            }
        }
        return raw;
    }

    /** Reads the parallel arrays names, num_values, text_values starting at {@code col}. */
    private static void putBaseline(ResultSet rs, int col, Map<String, VariableValue> into) throws SQLException {
        Object[] names = (Object[]) rs.getArray(col).getArray();
        Object[] numbers = (Object[]) rs.getArray(col + 1).getArray();
        Object[] texts = (Object[]) rs.getArray(col + 2).getArray();
        for (int i = 0; i < names.length; i++) {
            into.put((String) names[i], numbers[i] != null ? VariableValue.of(((Number) numbers[i]).doubleValue())
                    : VariableValue.of((String) texts[i]));
        }
    }

    /** Reads the parallel arrays item_ids, answer_values starting at {@code col}. */
    private static void putAnswers(ResultSet rs, int col, Map<String, Double> into) throws SQLException {
        Object[] items = (Object[]) rs.getArray(col).getArray();
        Object[] values = (Object[]) rs.getArray(col + 1).getArray();
        for (int i = 0; i < items.length; i++) {
            into.put((String) items[i], ((Number) values[i]).doubleValue());
        }
    }

    private Map<String, Integer> variableOrder() throws SQLException {
        Map<String, Integer> varOrder = new HashMap<>();
        for (VariableDefinition d : variableDefinitions()) {
            varOrder.put(d.name(), varOrder.size());
        }
        return varOrder;
    }

    /** Defined variables in definition order, then any others by name. */
    private static Map<String, VariableValue> inDefinitionOrder(Map<String, VariableValue> raw, Map<String, Integer> varOrder) {
        Map<String, VariableValue> b = new LinkedHashMap<>();
        raw.keySet().stream().sorted(Comparator.comparing((String n) -> varOrder.getOrDefault(n, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder())).forEach(n -> b.put(n, raw.get(n)));
        return b;
    }

    /**
     * The answers of one instrument at one visit, in the instrument's item order.
     *
     * @param subjectId the subject
     * @param visitId the visit
     * @param instrumentId the instrument
     * @return item id to value (empty when nothing was recorded)
     * @throws SQLException on a database error
     */
    public Map<String, Double> answers(String subjectId, String visitId, String instrumentId) throws SQLException {
        return inItemOrder(instrumentId, storedAnswers(subjectId, visitId, instrumentId, false));
    }

    /**
     * Orders answers by the instrument's items (unknown items last, by id).
     *
     * @param instrumentId the instrument
     * @param raw item id to value
     * @return an ordered copy
     */
    public Map<String, Double> inItemOrder(String instrumentId, Map<String, Double> raw) {
        Map<String, Double> out = new LinkedHashMap<>();
        Optional<Instrument> inst = catalog.find(instrumentId);
        if (inst.isPresent()) {
            for (Item i : inst.get().items()) {
                Double v = raw.get(i.id());
                if (v != null) {
                    out.put(i.id(), v);
                }
            }
        }
        raw.keySet().stream().filter(k -> !out.containsKey(k)).sorted().forEach(k -> out.put(k, raw.get(k)));
        return out;
    }

    /**
     * The visits a subject had, in time order.
     *
     * @param subjectId the subject
     * @return the visits
     * @throws SQLException on a database error
     */
    public List<SubjectVisit> visits(String subjectId) throws SQLException {
        List<SubjectVisit> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT v.subject_id, v.visit_id, v.visit_date, v.locked "
                + "FROM trial_visit v JOIN trial_visit_def d ON d.id = v.visit_id WHERE v.subject_id = ? ORDER BY d.ordinal")) {
            ps.setString(1, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SubjectVisit(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBoolean(4)));
                }
            }
        }
        return out;
    }

    /**
     * Every subject visit that has a date or is locked (what an export carries beside the answers).
     *
     * @return the visits by subject, then visit order
     * @throws SQLException on a database error
     */
    public List<SubjectVisit> datedOrLockedVisits() throws SQLException {
        List<SubjectVisit> out = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT v.subject_id, v.visit_id, v.visit_date, v.locked "
                + "FROM trial_visit v JOIN trial_visit_def d ON d.id = v.visit_id WHERE v.visit_date IS NOT NULL OR v.locked "
                + "ORDER BY v.subject_id, d.ordinal")) {
            while (rs.next()) {
                out.add(new SubjectVisit(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBoolean(4)));
            }
        }
        return out;
    }

    /**
     * One visit of a subject.
     *
     * @param subjectId the subject
     * @param visitId the visit
     * @return the visit, or empty when nothing was recorded for it
     * @throws SQLException on a database error
     */
    public Optional<SubjectVisit> visit(String subjectId, String visitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT subject_id, visit_id, visit_date, locked FROM trial_visit WHERE subject_id = ? AND visit_id = ?")) {
            ps.setString(1, subjectId);
            ps.setString(2, visitId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new SubjectVisit(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getBoolean(4))) : Optional.empty();
            }
        }
    }

    /**
     * The screening log in id order.
     *
     * @return the entries
     * @throws SQLException on a database error
     */
    public List<ScreeningEntry> screeningLog() throws SQLException {
        List<ScreeningEntry> out = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, screened_on, subject_id, excluded, reason, simulated FROM trial_screening ORDER BY id")) {
            while (rs.next()) {
                out.add(new ScreeningEntry(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getBoolean(4), rs.getString(5), rs.getBoolean(6)));
            }
        }
        return out;
    }

    /**
     * The eligibility checklist of a screened person.
     *
     * @param screeningId the screening id
     * @return criterion to met, by criterion
     * @throws SQLException on a database error
     */
    public Map<String, Boolean> eligibility(String screeningId) throws SQLException {
        Map<String, Boolean> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT criterion, met FROM trial_eligibility WHERE screening_id = ? ORDER BY criterion")) {
            ps.setString(1, screeningId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBoolean(2));
                }
            }
        }
        return out;
    }

    /**
     * The allocation-list lines already revealed at enrolment, by seq. Unrevealed lines are never
     * returned (allocation concealment).
     *
     * @return the revealed allocations
     * @throws SQLException on a database error
     */
    public List<Allocation> revealedAllocations() throws SQLException {
        return allocations("WHERE subject_id IS NOT NULL");
    }

    /**
     * Every line of the allocation list, revealed or not: only for the audited unblinding.
     *
     * @param where an SQL condition, or ""
     * @return the allocations by seq
     * @throws SQLException on a database error
     */
    public List<Allocation> allocations(String where) throws SQLException {
        List<Allocation> out = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT seq, arm_code, block, stratum FROM trial_allocation " + where + " ORDER BY seq")) {
            while (rs.next()) {
                int b = rs.getInt(3);
                out.add(new Allocation(rs.getInt(1), rs.getString(2), rs.wasNull() ? null : b, rs.getString(4)));
            }
        }
        return out;
    }

    /**
     * The state of the allocation list.
     *
     * @return the status
     * @throws SQLException on a database error
     */
    public AllocationStatus allocationStatus() throws SQLException {
        int size = (int) single("SELECT COUNT(*) FROM trial_allocation");
        int revealed = (int) single("SELECT COUNT(*) FROM trial_allocation WHERE subject_id IS NOT NULL");
        return new AllocationStatus(size, revealed, "true".equals(setting(ALLOCATION_LOCKED).orElse(null)),
                setting(ALLOCATION_SOURCE).orElse(null), setting(ALLOCATION_SHA256).orElse(null));
    }

    /**
     * All settings by name.
     *
     * @return name to value
     * @throws SQLException on a database error
     */
    public Map<String, String> settings() throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name, setting_value FROM trial_setting ORDER BY name")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /**
     * One setting.
     *
     * @param name the name
     * @return the value, or empty
     * @throws SQLException on a database error
     */
    public Optional<String> setting(String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM trial_setting WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Whether the dataset is locked.
     *
     * @return true when locked
     * @throws SQLException on a database error
     */
    public boolean datasetLocked() throws SQLException {
        return "true".equals(setting(DATASET_LOCKED).orElse(null));
    }

    /**
     * The locks.
     *
     * @return dataset, allocation-list and visit locks
     * @throws SQLException on a database error
     */
    public Locks locks() throws SQLException {
        List<SubjectVisit> visits = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT v.subject_id, v.visit_id, v.visit_date, v.locked "
                + "FROM trial_visit v JOIN trial_visit_def d ON d.id = v.visit_id WHERE v.locked ORDER BY v.subject_id, d.ordinal")) {
            while (rs.next()) {
                visits.add(new SubjectVisit(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), true));
            }
        }
        return new Locks(datasetLocked(), allocationStatus().locked(), visits);
    }

    /**
     * The CONSORT counts (see {@link ConsortCounts}).
     *
     * @return the counts
     * @throws SQLException on a database error
     */
    public ConsortCounts consortCounts() throws SQLException {
        long screeningRows = single("SELECT COUNT(*) FROM trial_screening");
        long subjects = subjectCount();
        long excluded = single("SELECT COUNT(*) FROM trial_screening WHERE excluded");
        Map<String, Long> byReason = new LinkedHashMap<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(reason, 'unspecified'), COUNT(*), MIN(id) "
                + "FROM trial_screening WHERE excluded GROUP BY COALESCE(reason, 'unspecified') ORDER BY MIN(id)")) {
            while (rs.next()) {
                byReason.put(rs.getString(1), rs.getLong(2));
            }
        }
        Map<String, Long> allocated = new LinkedHashMap<>();
        Map<String, Long> lost = new LinkedHashMap<>();
        Map<String, Long> withdrawn = new LinkedHashMap<>();
        Map<String, Long> analysed = new LinkedHashMap<>();
        long randomized = 0;
        for (Arm arm : arms()) {
            allocated.put(arm.code(), 0L);
            lost.put(arm.code(), 0L);
            withdrawn.put(arm.code(), 0L);
        }
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT arm_code, status, COUNT(*) FROM trial_subject WHERE arm_code IS NOT NULL GROUP BY arm_code, status")) {
            while (rs.next()) {
                String arm = rs.getString(1);
                long n = rs.getLong(3);
                randomized += n;
                allocated.merge(arm, n, Long::sum);
                SubjectStatus s = SubjectStatus.of(rs.getString(2));
                if (s == SubjectStatus.LOST_TO_FOLLOW_UP) {
                    lost.merge(arm, n, Long::sum);
                } else if (s == SubjectStatus.WITHDRAWN) {
                    withdrawn.merge(arm, n, Long::sum);
                }
            }
        }
        for (String arm : allocated.keySet()) {
            lost.putIfAbsent(arm, 0L);
            withdrawn.putIfAbsent(arm, 0L);
            analysed.put(arm, allocated.get(arm) - lost.get(arm) - withdrawn.get(arm));
        }
        return new ConsortCounts(screeningRows > 0 ? screeningRows : subjects, excluded, byReason, randomized, allocated,
                lost, withdrawn, analysed);
    }

    /**
     * A page of whole subject records, by id, after {@code afterId}.
     *
     * @param afterId the last id of the previous page, or null for the first page
     * @param limit page size
     * @return the records
     * @throws SQLException on a database error
     */
    public List<SubjectRecord> subjectRecords(String afterId, int limit) throws SQLException {
        return subjectRecords(afterId, 0, limit);
    }

    /**
     * A page of whole subject records, by id: after {@code afterId} (when not null), skipping
     * {@code offset} subjects.
     *
     * @param afterId the last id of the previous page, or null
     * @param offset subjects to skip
     * @param limit page size
     * @return the records
     * @throws SQLException on a database error
     */
    public List<SubjectRecord> subjectRecords(String afterId, long offset, int limit) throws SQLException {
        List<Subject> subjects = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SUBJECT_COLUMNS + " FROM trial_subject "
                + (afterId == null ? "" : "WHERE id > ? ") + "ORDER BY id LIMIT ? OFFSET ?")) {
            int k = 1;
            if (afterId != null) {
                ps.setString(k++, afterId);
            }
            ps.setInt(k++, limit);
            ps.setLong(k, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    subjects.add(subject(rs));
                }
            }
        }
        return recordsFor(subjects);
    }

    /**
     * Everything about one subject.
     *
     * @param id the subject id
     * @return the record, or empty
     * @throws SQLException on a database error
     */
    public Optional<SubjectRecord> subjectRecord(String id) throws SQLException {
        Optional<Subject> s = subject(id);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(recordsFor(List.of(s.get())).get(0));
    }

    /**
     * The (visit, instrument) pairs to export or show, in visit and schedule order: the schedule plus
     * any pair found in the answers.
     *
     * @return pairs as {visitId, instrumentId}
     * @throws SQLException on a database error
     */
    public List<String[]> assessedPairs() throws SQLException {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String[]> pairs = new ArrayList<>();
        for (ScheduleEntry e : schedule()) {
            if (seen.add(e.visitId() + "\u0000" + e.instrumentId())) {
                pairs.add(new String[] {e.visitId(), e.instrumentId()});
            }
        }
        try (var st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT DISTINCT visit_id, instrument_id FROM trial_answer_set")) {
            while (rs.next()) {
                if (seen.add(rs.getString(1) + "\u0000" + rs.getString(2))) {
                    pairs.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        Orders orders = orders();
        pairs.sort((a, b) -> {
            int v = orders.visitOrder().compare(a[0], b[0]);
            return v != 0 ? v : orders.instrumentOrder().compare(a[1], b[1]);
        });
        return pairs;
    }

    private List<SubjectRecord> recordsFor(List<Subject> subjects) throws SQLException {
        if (subjects.isEmpty()) {
            return List.of();
        }
        String first = subjects.get(0).id();
        String last = subjects.get(subjects.size() - 1).id();
        Map<String, Map<String, VariableValue>> baseline = new HashMap<>();
        Map<String, Integer> varOrder = variableOrder();
        try (PreparedStatement ps = c.prepareStatement("SELECT subject_id, names, num_values, text_values FROM trial_baseline "
                + "WHERE subject_id BETWEEN ? AND ?")) {
            ps.setString(1, first);
            ps.setString(2, last);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    putBaseline(rs, 2, baseline.computeIfAbsent(rs.getString(1), k -> new HashMap<>()));
                }
            }
        }
        Map<String, Map<String, Map<String, Map<String, Double>>>> answers = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT subject_id, visit_id, instrument_id, item_ids, answer_values "
                + "FROM trial_answer_set WHERE subject_id BETWEEN ? AND ?")) {
            ps.setString(1, first);
            ps.setString(2, last);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    putAnswers(rs, 4, answers.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(3), k -> new HashMap<>()));
                }
            }
        }
        Map<String, List<Observation>> observations = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT subject_id, form, visit_id, instance, field, num_value, text_value "
                + "FROM trial_observation WHERE subject_id BETWEEN ? AND ? ORDER BY subject_id, form, visit_id, instance, field")) {
            ps.setString(1, first);
            ps.setString(2, last);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    observations.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(observation(rs, 2));
                }
            }
        }
        Orders orders = orders();
        List<SubjectRecord> out = new ArrayList<>(subjects.size());
        for (Subject s : subjects) {
            Map<String, VariableValue> b = inDefinitionOrder(baseline.getOrDefault(s.id(), Map.of()), varOrder);
            List<Observation> obs = new ArrayList<>(observations.getOrDefault(s.id(), List.of()));
            obs.sort(Comparator.comparing(Observation::form).thenComparing(o -> orders.visits.getOrDefault(o.visit(), -1))
                    .thenComparingInt(Observation::instance));
            out.add(new SubjectRecord(s, b, orders.order(answers.getOrDefault(s.id(), Map.of())), obs));
        }
        return out;
    }

    /**
     * Every observation of repeated or per-visit forms, by subject, form, visit and instance.
     *
     * @return subject id to its observations (subjects in id order)
     * @throws SQLException on a database error
     */
    public Map<String, List<Observation>> observations() throws SQLException {
        Map<String, List<Observation>> out = new java.util.TreeMap<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT subject_id, form, visit_id, instance, field, "
                + "num_value, text_value FROM trial_observation ORDER BY subject_id, form, visit_id, instance, field")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(observation(rs, 2));
            }
        }
        return out;
    }

    /**
     * The observations of one form, by subject, visit and instance.
     *
     * @param form the form
     * @return subject id to its observations of the form (subjects in id order)
     * @throws SQLException on a database error
     */
    public Map<String, List<Observation>> observations(String form) throws SQLException {
        Map<String, List<Observation>> out = new java.util.TreeMap<>();
        try (var ps = c.prepareStatement("SELECT subject_id, form, visit_id, instance, field, num_value, text_value "
                + "FROM trial_observation WHERE form = ? ORDER BY subject_id, visit_id, instance, field")) {
            ps.setString(1, form);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(observation(rs, 2));
                }
            }
        }
        return out;
    }

    /**
     * The forms that have observations, with how many times each was filled.
     *
     * @return form to its number of (subject, visit, instance) fillings, forms in name order
     * @throws SQLException on a database error
     */
    public Map<String, Long> observationForms() throws SQLException {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT form, COUNT(*) FROM (SELECT DISTINCT form, "
                + "subject_id, visit_id, instance FROM trial_observation) f GROUP BY form")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    /**
     * How many forms each subject filled as observations (each form, visit and instance once).
     *
     * @return subject id to its number of filled forms; subjects without observations are absent
     * @throws SQLException on a database error
     */
    public Map<String, Long> observationCounts() throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT subject_id, COUNT(*) FROM (SELECT DISTINCT "
                + "subject_id, form, visit_id, instance FROM trial_observation) f GROUP BY subject_id")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static Observation observation(ResultSet rs, int k) throws SQLException {
        double n = rs.getDouble(k + 4);
        Double number = rs.wasNull() ? null : n;
        return new Observation(rs.getString(k), rs.getString(k + 1), rs.getInt(k + 2), rs.getString(k + 3), number,
                rs.getString(k + 5));
    }

    /**
     * The display order of visits and instruments (schedule order), for ordering answers.
     *
     * @return the orders
     * @throws SQLException on a database error
     */
    public Orders orders() throws SQLException {
        Map<String, Integer> visits = new HashMap<>();
        for (VisitDefinition v : visitDefinitions()) {
            visits.put(v.id(), visits.size());
        }
        Map<String, Integer> instruments = new HashMap<>();
        for (ScheduleEntry e : schedule()) {
            instruments.merge(e.instrumentId(), e.ordinal(), Math::min);
        }
        return new Orders(visits, instruments);
    }

    /** Visit and instrument orders. */
    public final class Orders {
        private final Map<String, Integer> visits;
        private final Map<String, Integer> instruments;

        Orders(Map<String, Integer> visits, Map<String, Integer> instruments) {
            this.visits = visits;
            this.instruments = instruments;
        }

        /**
         * Compares visit ids by time order (unknown last, by id).
         *
         * @return the comparator
         */
        public Comparator<String> visitOrder() {
            return Comparator.comparing((String v) -> visits.getOrDefault(v, Integer.MAX_VALUE)).thenComparing(Comparator.naturalOrder());
        }

        /**
         * Compares instrument ids by schedule order (unscheduled last, by id).
         *
         * @return the comparator
         */
        public Comparator<String> instrumentOrder() {
            return Comparator.comparing((String i) -> instruments.getOrDefault(i, Integer.MAX_VALUE)).thenComparing(Comparator.naturalOrder());
        }

        /**
         * An ordered copy of answers (visit, instrument and item order).
         *
         * @param raw visit to instrument to item to value
         * @return the ordered copy
         */
        public Map<String, Map<String, Map<String, Double>>> order(Map<String, Map<String, Map<String, Double>>> raw) {
            Map<String, Map<String, Map<String, Double>>> out = new LinkedHashMap<>();
            raw.keySet().stream().sorted(visitOrder()).forEach(v -> {
                Map<String, Map<String, Double>> byInst = new LinkedHashMap<>();
                Map<String, Map<String, Double>> r = raw.get(v);
                r.keySet().stream().sorted(instrumentOrder()).forEach(i -> byInst.put(i, inItemOrder(i, r.get(i))));
                out.put(v, byInst);
            });
            return out;
        }
    }

    /**
     * A single number from a query.
     *
     * @param sql the query
     * @return the first column of the first row
     * @throws SQLException on a database error
     */
    public long single(String sql) throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
