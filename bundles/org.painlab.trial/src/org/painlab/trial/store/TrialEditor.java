package org.painlab.trial.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.painlab.core.StudyException;
import org.painlab.core.store.AuditEntry;
import org.painlab.trial.instrument.AnswerProblem;
import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.instrument.InvalidAnswerException;
import org.painlab.trial.randomization.Allocation;
import org.painlab.trial.randomization.AllocationList;

/**
 * Every write to the trial data, inside one transaction opened by {@link TrialStore#edit}. Each
 * operation checks the locks first and appends audit rows (who, what, old value, new value, reason)
 * in the same transaction, so data and audit trail commit or roll back together.
 *
 * <p>Rules:
 * <ul>
 * <li>when the dataset is locked, every operation is refused with a message naming what was to be
 * changed (subject, visit, instrument);</li>
 * <li>changing or deleting a value that exists needs a non-blank reason; adding a value does not;</li>
 * <li>answers are validated with their {@link Instrument}; all problems of one answer set are reported
 * together; answers of a locked visit cannot change;</li>
 * <li>the arm of a subject is known only at enrolment, when the next line of the locked allocation
 * list is revealed (allocation concealment); the reveal is audited;</li>
 * <li>scores are never stored: they are derived from the answers when read.</li>
 * </ul>
 *
 * <p>Audit rows use these entities (entity / entity id / field): {@code arm} / code,
 * {@code visit_definition} / id, {@code schedule} / arm/visit/instrument, {@code variable_definition} /
 * name, {@code setting} / name, {@code screening} / id, {@code allocation_list}, {@code allocation} /
 * seq / arm, {@code subject} / id / field, {@code variable} / subject / name, {@code answer} /
 * subject/visit/instrument / item, {@code visit} / subject/visit / field, {@code dataset} / - / locked.
 * Bulk loads ({@link #importSubject}, {@link #addSubjectData}) write one audit row per subject naming
 * the source (file and row), not one per value.
 *
 * @since 0.1
 */
public final class TrialEditor {
    private static final int BULK_CHUNK = 10_000;
    private static final Set<String> RESERVED_SETTINGS = Set.of(TrialReader.DATASET_LOCKED,
            TrialReader.ALLOCATION_LOCKED, TrialReader.ALLOCATION_SOURCE, TrialReader.ALLOCATION_SHA256);

    private final Connection c;
    private final String actor;
    private final InstrumentCatalog catalog;
    private final TrialReader reader;
    private final AuditWriter audit;
    private boolean datasetLocked;

    // caches for bulk loads (filled on first use, kept current by this editor's own writes)
    private Set<String> armCodes;
    private Set<String> visitIds;
    private Map<String, VariableDefinition> variables;
    private Set<String> subjectIds;
    private final Set<String> createdHere = new HashSet<>();
    private UnnestBuffer subjectRows;
    private UnnestBuffer visitRows;
    private WideRowBuffer baselineRows;
    private WideRowBuffer answerSetRows;
    private UnnestBuffer observationRows;

    TrialEditor(Connection c, String actor, InstrumentCatalog catalog) throws SQLException {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an actor (who makes the change) is required");
        }
        this.c = c;
        this.actor = actor;
        this.catalog = catalog;
        this.reader = new TrialReader(c, catalog);
        this.audit = new AuditWriter(c);
        this.datasetLocked = reader.datasetLocked();
    }

    /**
     * Who makes the changes of this edit.
     *
     * @return the actor
     */
    public String actor() {
        return actor;
    }

    // ------------------------------------------------------------------ design

    /**
     * Adds an arm after the existing ones.
     *
     * @param code arm code, e.g. "S"
     * @param name name, e.g. "SNRB + PELD"
     * @param description description or null
     * @return the arm
     * @throws StudyException when locked, the code is invalid or already used
     */
    public Arm addArm(String code, String name, String description) throws StudyException {
        writable("add arm " + code);
        problem(Ids.armProblem(code));
        try {
            if (reader.arms().stream().anyMatch(a -> a.code().equals(code))) {
                throw new TrialDataException("arm " + code + " already exists");
            }
            int ordinal = (int) reader.single("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM trial_arm");
            Arm arm = new Arm(code, name, description, ordinal);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_arm(code, name, description, ordinal) VALUES (?,?,?,?)")) {
                ps.setString(1, code);
                ps.setString(2, name);
                ps.setString(3, description);
                ps.setInt(4, ordinal);
                ps.executeUpdate();
            }
            log("insert", "arm", code, null, null, name, null);
            if (armCodes != null) {
                armCodes.add(code);
            }
            return arm;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Adds a visit definition after the existing ones.
     *
     * @param id visit id, e.g. "month3"
     * @param label label, e.g. "3 months after surgery"
     * @param dayOffset planned day, or null
     * @return the definition
     * @throws StudyException when locked, the id is invalid or already used
     */
    public VisitDefinition addVisit(String id, String label, Integer dayOffset) throws StudyException {
        writable("add visit " + id);
        problem(Ids.visitProblem(id));
        try {
            if (reader.visitDefinitions().stream().anyMatch(v -> v.id().equals(id))) {
                throw new TrialDataException("visit " + id + " already exists");
            }
            int ordinal = (int) reader.single("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM trial_visit_def");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_visit_def(id, label, day_offset, ordinal) VALUES (?,?,?,?)")) {
                ps.setString(1, id);
                ps.setString(2, label == null || label.isBlank() ? id : label);
                ps.setObject(3, dayOffset);
                ps.setInt(4, ordinal);
                ps.executeUpdate();
            }
            log("insert", "visit_definition", id, null, null, label + (dayOffset == null ? "" : " (day " + dayOffset + ")"), null);
            if (visitIds != null) {
                visitIds.add(id);
            }
            return new VisitDefinition(id, label == null || label.isBlank() ? id : label, dayOffset, ordinal);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Adds an instrument to the schedule of an arm at a visit, after the instruments already there.
     *
     * @param armCode the arm
     * @param visitId the visit
     * @param instrumentId an installed instrument
     * @throws StudyException when locked or any id is unknown
     */
    public void schedule(String armCode, String visitId, String instrumentId) throws StudyException {
        writable("change the schedule of arm " + armCode + " at visit " + visitId);
        requireArm(armCode);
        requireVisit(visitId);
        requireInstrument(instrumentId);
        try {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM trial_schedule WHERE arm_code = ? AND visit_id = ? AND instrument_id = ?")) {
                ps.setString(1, armCode);
                ps.setString(2, visitId);
                ps.setString(3, instrumentId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
            }
            int ordinal = (int) reader.single("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM trial_schedule");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO trial_schedule(arm_code, visit_id, instrument_id, ordinal) VALUES (?,?,?,?)")) {
                ps.setString(1, armCode);
                ps.setString(2, visitId);
                ps.setString(3, instrumentId);
                ps.setInt(4, ordinal);
                ps.executeUpdate();
            }
            log("insert", "schedule", armCode + "/" + visitId + "/" + instrumentId, null, null, instrumentId, null);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Defines a subject-level variable, after the existing ones.
     *
     * @param definition the definition (its ordinal is replaced by the next free one)
     * @return the stored definition
     * @throws StudyException when locked or the name is already defined
     */
    public VariableDefinition defineVariable(VariableDefinition definition) throws StudyException {
        writable("define variable " + definition.name());
        try {
            if (variables().containsKey(definition.name())) {
                throw new TrialDataException("variable " + definition.name() + " is already defined");
            }
            if (TrialStore.SUBJECT_FIELDS.contains(definition.name())) {
                throw new TrialDataException("'" + definition.name() + "' is a subject field, not a variable name (reserved: "
                        + String.join(", ", TrialStore.SUBJECT_FIELDS) + ")");
            }
            int ordinal = (int) reader.single("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM trial_variable_def");
            VariableDefinition d = new VariableDefinition(definition.name(), definition.label(), definition.type(),
                    definition.unit(), definition.min(), definition.max(), definition.choices(), ordinal);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_variable_def(name, label, type, unit, min_value, "
                    + "max_value, choices, ordinal) VALUES (?,?,?,?,?,?,?,?)")) {
                ps.setString(1, d.name());
                ps.setString(2, d.label());
                ps.setString(3, d.type().code());
                ps.setString(4, d.unit());
                ps.setObject(5, d.min());
                ps.setObject(6, d.max());
                ps.setString(7, Choices.format(d.choices()));
                ps.setInt(8, ordinal);
                ps.executeUpdate();
            }
            log("insert", "variable_definition", d.name(), null, null, d.type().code() + d.expected()
                    + (d.unit() == null ? "" : " [" + d.unit() + "]"), null);
            variables.put(d.name(), d);
            return d;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Sets a study-level setting such as {@link TrialStore#SETTING_DESCRIPTION}. Lock and allocation
     * settings are managed by their own operations and refused here.
     *
     * @param name setting name
     * @param value new value (null removes it)
     * @param reason why; required when an existing value changes or is removed
     * @throws StudyException when locked, reserved or a reason is missing
     */
    public void setSetting(String name, String value, String reason) throws StudyException {
        writable("change setting " + name);
        if (RESERVED_SETTINGS.contains(name)) {
            throw new TrialDataException("setting " + name + " is managed by the trial store (lock or allocation list "
                    + "operations) and cannot be set directly");
        }
        try {
            Optional<String> old = reader.setting(name);
            if (old.isPresent() && Objects.equals(old.get(), value)) {
                return;
            }
            if (old.isPresent()) {
                requireReason(reason, (value == null ? "remove" : "change") + " setting " + name);
            }
            putSetting(name, value);
            log(old.isEmpty() ? "insert" : value == null ? "delete" : "update", "setting", name, null, old.orElse(null),
                    value, reason);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    // ------------------------------------------------------------------ screening

    /**
     * Adds a line to the screening log with its eligibility checklist.
     *
     * @param entry the screening entry
     * @param eligibility criterion to whether it is met (may be empty)
     * @throws StudyException when locked or the screening id exists
     */
    public void addScreening(ScreeningEntry entry, Map<String, Boolean> eligibility) throws StudyException {
        insertScreening(entry, eligibility, "insert", null);
    }

    /**
     * Adds a screening-log line an import carries, with its eligibility checklist; its audit row
     * names the source.
     *
     * @param entry the screening entry
     * @param eligibility criterion to whether it is met (may be empty)
     * @param source where it came from, e.g. "import of trial_screening.csv line 3"
     * @throws StudyException when locked or the screening id exists
     * @since 0.1
     */
    public void importScreening(ScreeningEntry entry, Map<String, Boolean> eligibility, String source) throws StudyException {
        insertScreening(entry, eligibility, "import", source);
    }

    private void insertScreening(ScreeningEntry entry, Map<String, Boolean> eligibility, String action, String reason)
            throws StudyException {
        writable("add screening " + entry.id());
        try {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_screening(id, screened_on, subject_id, excluded, "
                    + "reason, simulated) VALUES (?,?,?,?,?,?)")) {
                ps.setString(1, entry.id());
                ps.setObject(2, entry.screenedOn());
                ps.setString(3, entry.subjectId());
                ps.setBoolean(4, entry.excluded());
                ps.setString(5, entry.reason());
                ps.setBoolean(6, entry.simulated());
                ps.executeUpdate();
            } catch (SQLException e) {
                if (reader.single("SELECT COUNT(*) FROM trial_screening WHERE id = '" + entry.id().replace("'", "''") + "'") > 0) {
                    throw new TrialDataException("screening " + entry.id() + " already exists");
                }
                throw e;
            }
            if (eligibility != null && !eligibility.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO trial_eligibility(screening_id, criterion, met) VALUES (?,?,?)")) {
                    for (Map.Entry<String, Boolean> e : eligibility.entrySet()) {
                        ps.setString(1, entry.id());
                        ps.setString(2, e.getKey());
                        ps.setBoolean(3, e.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            String summary = (entry.excluded() ? "excluded: " + entry.reason() : "eligible")
                    + (entry.subjectId() == null ? "" : "; subject " + entry.subjectId())
                    + (eligibility == null || eligibility.isEmpty() ? ""
                            : "; " + eligibility.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() ? "met" : "not met"))
                                    .collect(Collectors.joining(", ")))
                    + (entry.simulated() ? "; SIMULATED" : "");
            log(action, "screening", entry.id(), null, null, summary, reason);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    // ------------------------------------------------------------------ allocation list

    /**
     * Stores a generated allocation list (replacing an unlocked one).
     *
     * @param list the generated list
     * @param reason why; required when a list is replaced
     * @throws StudyException when locked, the list is locked or an arm is not an arm of the study
     */
    public void storeAllocationList(AllocationList list, String reason) throws StudyException {
        String source = "generated: " + list.method().code() + ", arms " + String.join(",", list.request().arms())
                + ", seed " + list.seed();
        storeAllocationList(list.allocations(), source, reason);
    }

    /**
     * Stores an allocation list (replacing an unlocked one). The list is not readable afterwards
     * except line by line at enrolment (concealment); its SHA-256 is recorded in the audit trail.
     *
     * @param allocations lines with seq 1..n
     * @param source where it came from, e.g. "uploaded: list.csv"
     * @param reason why; required when a list is replaced
     * @throws StudyException when locked, the list is locked or invalid
     */
    public void storeAllocationList(List<Allocation> allocations, String source, String reason) throws StudyException {
        writable("store the allocation list");
        try {
            AllocationStatus status = reader.allocationStatus();
            if (status.locked()) {
                throw new TrialDataException("the allocation list is locked (" + status.size() + " lines, "
                        + status.revealed() + " revealed): it cannot be replaced or changed");
            }
            if (allocations.isEmpty()) {
                throw new TrialDataException("the allocation list is empty");
            }
            Set<String> arms = arms();
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < allocations.size(); i++) {
                Allocation a = allocations.get(i);
                if (a.seq() != i + 1) {
                    problems.add("line " + (i + 1) + ": seq " + a.seq() + ", expected " + (i + 1) + " (seq runs 1..n in order)");
                }
                if (!arms.contains(a.arm())) {
                    problems.add("seq " + a.seq() + ": arm '" + a.arm() + "' is not an arm of the study (" + String.join(", ", arms) + ")");
                }
                if (problems.size() > 50) {
                    break;
                }
            }
            if (!problems.isEmpty()) {
                throw new TrialDataException("allocation list rejected: " + problems.get(0)
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""), problems);
            }
            if (status.size() > 0) {
                requireReason(reason, "replace the allocation list (" + status.size() + " lines)");
                try (var st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM trial_allocation");
                }
            }
            MessageDigest sha = sha256();
            Map<String, Integer> perArm = new LinkedHashMap<>();
            UnnestBuffer rows = new UnnestBuffer(c, "trial_allocation", new String[] {"seq", "arm_code", "block", "stratum"},
                    new String[] {"INTEGER", "VARCHAR", "INTEGER", "VARCHAR"}, BULK_CHUNK);
            for (Allocation a : allocations) {
                if (rows.add(a.seq(), a.arm(), a.block(), a.stratum())) {
                    rows.flush();
                }
                sha.update((a.seq() + "," + a.arm() + "," + (a.block() == null ? "" : a.block()) + ","
                        + (a.stratum() == null ? "" : a.stratum()) + "\n").getBytes(StandardCharsets.UTF_8));
                perArm.merge(a.arm(), 1, Integer::sum);
            }
            rows.flush();
            String hash = HexFormat.of().formatHex(sha.digest());
            putSetting(TrialReader.ALLOCATION_SOURCE, source);
            putSetting(TrialReader.ALLOCATION_SHA256, hash);
            putSetting(TrialReader.ALLOCATION_LOCKED, "false");
            String summary = allocations.size() + " lines; " + perArm.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")) + "; source " + source + "; sha256 " + hash;
            log(status.size() > 0 ? "update" : "insert", "allocation_list", null, null,
                    status.size() > 0 ? status.size() + " lines; sha256 " + status.sha256() : null, summary, reason);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Locks the allocation list: from now on it cannot be replaced, and enrolment can reveal it.
     *
     * @param reason why (optional)
     * @throws StudyException when locked, no list is stored or it is locked already
     */
    public void lockAllocationList(String reason) throws StudyException {
        writable("lock the allocation list");
        try {
            AllocationStatus status = reader.allocationStatus();
            if (status.size() == 0) {
                throw new TrialDataException("there is no allocation list to lock");
            }
            if (status.locked()) {
                throw new TrialDataException("the allocation list is already locked");
            }
            putSetting(TrialReader.ALLOCATION_LOCKED, "true");
            log("lock", "allocation_list", null, "locked", "false", "true", reason);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Unblinds the whole allocation list (e.g. for the final analysis): returns every line and writes
     * an audit row saying who saw it and why.
     *
     * @param reason why; required
     * @return every allocation by seq
     * @throws StudyException when the reason is missing
     */
    public List<Allocation> unblindAllocationList(String reason) throws StudyException {
        requireReason(reason, "unblind the allocation list");
        try {
            List<Allocation> all = reader.allocations("");
            log("unblind", "allocation_list", null, null, null, all.size() + " lines", reason);
            return all;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    // ------------------------------------------------------------------ subjects

    /**
     * Enrols a subject: reveals the next unrevealed line of the locked allocation list (of the
     * subject's stratum when the list is stratified) and allocates its arm. Before this the arm is not
     * known to anyone using the workbench.
     *
     * @param subjectId new subject id
     * @param stratum the subject's stratum, or null (required when the list is stratified)
     * @param enrolledOn enrolment date, or null
     * @param simulated whether this is simulated data
     * @return the subject with its arm and allocation seq
     * @throws StudyException when locked, the list is not locked or exhausted, or the id exists
     */
    public Subject enroll(String subjectId, String stratum, LocalDate enrolledOn, boolean simulated) throws StudyException {
        writable("enrol subject " + subjectId);
        problem(Ids.subjectProblem(subjectId));
        flush();
        try {
            if (reader.subject(subjectId).isPresent()) {
                throw new TrialDataException("subject " + subjectId + " already exists");
            }
            AllocationStatus status = reader.allocationStatus();
            if (status.size() == 0) {
                throw new TrialDataException("cannot enrol subject " + subjectId + ": no allocation list is stored");
            }
            if (!status.locked()) {
                throw new TrialDataException("cannot enrol subject " + subjectId
                        + ": the allocation list is not locked (lock it before the first enrolment)");
            }
            boolean stratified = reader.single("SELECT COUNT(*) FROM trial_allocation WHERE stratum IS NOT NULL") > 0;
            if (stratified && stratum == null) {
                throw new TrialDataException("cannot enrol subject " + subjectId + ": the allocation list is stratified; give the stratum");
            }
            Allocation next = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, arm_code, block, stratum FROM trial_allocation "
                    + "WHERE subject_id IS NULL" + (stratified ? " AND stratum = ?" : "") + " ORDER BY seq LIMIT 1")) {
                if (stratified) {
                    ps.setString(1, stratum);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        int b = rs.getInt(3);
                        next = new Allocation(rs.getInt(1), rs.getString(2), rs.wasNull() ? null : b, rs.getString(4));
                    }
                }
            }
            if (next == null) {
                throw new TrialDataException("cannot enrol subject " + subjectId + ": the allocation list has no line left"
                        + (stratified ? " for stratum " + stratum : "") + " (" + status.size() + " lines, " + status.revealed()
                        + " revealed)");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE trial_allocation SET subject_id = ?, revealed_at = ? WHERE seq = ? AND subject_id IS NULL")) {
                ps.setString(1, subjectId);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.setInt(3, next.seq());
                if (ps.executeUpdate() != 1) {
                    throw new TrialDataException("allocation " + next.seq() + " was revealed concurrently; try again");
                }
            }
            Subject s = new Subject(subjectId, next.arm(), SubjectStatus.ENROLLED, next.seq(), stratum, enrolledOn, simulated);
            insertSubject(s);
            log("reveal", "allocation", Integer.toString(next.seq()), "arm", null, next.arm(), "enrolment of subject " + subjectId);
            log("insert", "subject", subjectId, null, null, describe(s), null);
            createdHere.add(subjectId);
            if (subjectIds != null) {
                subjectIds.add(subjectId);
            }
            return s;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Changes a subject's status (e.g. to lost to follow-up).
     *
     * @param subjectId the subject
     * @param status the new status
     * @param reason why; required
     * @throws StudyException when locked, unknown or the reason is missing
     */
    public void setStatus(String subjectId, SubjectStatus status, String reason) throws StudyException {
        writable("change the status of subject " + subjectId);
        flush();
        try {
            Subject s = requireSubject(subjectId);
            if (s.status() == status) {
                return;
            }
            requireReason(reason, "change the status of subject " + subjectId + " from " + s.status().code() + " to " + status.code());
            try (PreparedStatement ps = c.prepareStatement("UPDATE trial_subject SET status = ? WHERE id = ?")) {
                ps.setString(1, status.code());
                ps.setString(2, subjectId);
                ps.executeUpdate();
            }
            log("update", "subject", subjectId, "status", s.status().code(), status.code(), reason);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Sets (adds or changes) a baseline variable of a subject.
     *
     * @param subjectId the subject
     * @param name a defined variable
     * @param value the value (checked against the definition)
     * @param reason why; required when a value exists already
     * @throws StudyException when locked, unknown, invalid or the reason is missing
     */
    public void setVariable(String subjectId, String name, VariableValue value, String reason) throws StudyException {
        Objects.requireNonNull(value, "value");
        writable("change variable " + name + " of subject " + subjectId);
        flush();
        try {
            requireSubject(subjectId);
            VariableDefinition d = variables().get(name);
            if (d == null) {
                throw new TrialDataException("cannot set " + name + " of subject " + subjectId + ": variable " + name
                        + " is not defined");
            }
            String p = d.problemWith(value);
            if (p != null) {
                throw new TrialDataException("subject " + subjectId + ", variable " + name + ": " + p);
            }
            Map<String, VariableValue> row = reader.storedBaseline(subjectId, true);
            Optional<VariableValue> old = Optional.ofNullable(row.get(name));
            if (old.isPresent() && old.get().equals(value)) {
                return;
            }
            if (old.isPresent()) {
                requireReason(reason, "change " + name + " of subject " + subjectId + " from " + old.get() + " to " + value);
            }
            row.put(name, value);
            writeBaseline(subjectId, row);
            log(old.isPresent() ? "update" : "insert", "variable", subjectId, name, old.map(Object::toString).orElse(null),
                    value.toString(), reason);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Deletes a baseline variable of a subject.
     *
     * @param subjectId the subject
     * @param name the variable
     * @param reason why; required
     * @throws StudyException when locked, the value does not exist or the reason is missing
     */
    public void deleteVariable(String subjectId, String name, String reason) throws StudyException {
        writable("delete variable " + name + " of subject " + subjectId);
        flush();
        try {
            requireSubject(subjectId);
            Map<String, VariableValue> row = reader.storedBaseline(subjectId, true);
            Optional<VariableValue> old = Optional.ofNullable(row.remove(name));
            if (old.isEmpty()) {
                throw new TrialDataException("subject " + subjectId + " has no value for " + name);
            }
            requireReason(reason, "delete " + name + " (" + old.get() + ") of subject " + subjectId);
            writeBaseline(subjectId, row);
            log("delete", "variable", subjectId, name, old.get().toString(), null, reason);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    // ------------------------------------------------------------------ visits and answers

    /**
     * Saves the answers of one instrument at one visit: the map is the complete new answer set, so an
     * item that had a value and is left out is deleted. One audit row per added, changed or deleted
     * item.
     *
     * @param subjectId the subject
     * @param visitId the visit
     * @param instrumentId the instrument
     * @param answers item id to value (null values are missing)
     * @param reason why; required when an existing answer changes or is deleted
     * @throws StudyException when locked (dataset or visit), unknown ids, invalid answers (every item
     *     problem listed) or a reason is missing
     */
    public void saveAnswers(String subjectId, String visitId, String instrumentId, Map<String, Double> answers,
            String reason) throws StudyException {
        String where = "subject " + subjectId + " visit " + visitId + " (" + instrumentId + ")";
        writable("change answers of " + where);
        flush();
        try {
            requireSubject(subjectId);
            requireVisit(visitId);
            Instrument inst = requireInstrument(instrumentId);
            Optional<SubjectVisit> visit = reader.visit(subjectId, visitId);
            if (visit.isPresent() && visit.get().locked()) {
                throw new TrialDataException("visit " + visitId + " of subject " + subjectId + " is locked: cannot change its "
                        + instrumentId + " answers");
            }
            Map<String, Double> valid;
            try {
                valid = AnswerCheck.validate(inst, answers);
            } catch (InvalidAnswerException e) {
                throw invalid(where, e);
            }
            Map<String, Double> old = reader.inItemOrder(instrumentId, reader.storedAnswers(subjectId, visitId, instrumentId, true));
            Set<String> items = new LinkedHashSet<>(old.keySet());
            items.addAll(valid.keySet());
            List<String> needReason = new ArrayList<>();
            for (String item : items) {
                Double o = old.get(item);
                Double n = valid.get(item);
                if (o != null && !o.equals(n)) {
                    needReason.add(item + " " + Numbers.format(o) + " -> " + (n == null ? "deleted" : Numbers.format(n)));
                }
            }
            if (!needReason.isEmpty()) {
                requireReason(reason, "change answers of " + where + ": " + String.join(", ", needReason));
            }
            if (visit.isEmpty()) {
                insertVisit(subjectId, visitId, null);
            }
            String entityId = subjectId + "/" + visitId + "/" + instrumentId;
            boolean changed = false;
            for (String item : items) {
                Double o = old.get(item);
                Double n = valid.get(item);
                if (Objects.equals(o, n)) {
                    continue;
                }
                changed = true;
                if (o == null) {
                    log("insert", "answer", entityId, item, null, Numbers.format(n), reason);
                } else if (n == null) {
                    log("delete", "answer", entityId, item, Numbers.format(o), null, reason);
                } else {
                    log("update", "answer", entityId, item, Numbers.format(o), Numbers.format(n), reason);
                }
            }
            if (changed) {
                writeAnswerSet(subjectId, visitId, instrumentId, valid);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Replaces the baseline row of a subject (read-modify-write of one array row; no row when nothing is left). */
    private void writeBaseline(String subjectId, Map<String, VariableValue> values) throws SQLException {
        if (values.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM trial_baseline WHERE subject_id = ?")) {
                ps.setString(1, subjectId);
                ps.executeUpdate();
            }
            return;
        }
        Object[] row = baselineRow(subjectId, values);
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO trial_baseline(subject_id, names, num_values, text_values) "
                + "KEY(subject_id) VALUES (?,?,?,?)")) {
            WideRowBuffer.bind(ps, row);
            ps.executeUpdate();
        }
    }

    /** Replaces one answer set (read-modify-write of one array row; no row when nothing is left). */
    private void writeAnswerSet(String subjectId, String visitId, String instrumentId, Map<String, Double> values)
            throws SQLException {
        if (values.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM trial_answer_set WHERE subject_id = ? AND visit_id = ? AND instrument_id = ?")) {
                ps.setString(1, subjectId);
                ps.setString(2, visitId);
                ps.setString(3, instrumentId);
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO trial_answer_set(subject_id, visit_id, instrument_id, "
                + "item_ids, answer_values) KEY(subject_id, visit_id, instrument_id) VALUES (?,?,?,?,?)")) {
            WideRowBuffer.bind(ps, answerSetRow(subjectId, visitId, instrumentId, values));
            ps.executeUpdate();
        }
    }

    // Column lists as fresh arrays (no shared mutable static state).
    private static String[] baselineColumns() {
        return new String[] {"subject_id", "names", "num_values", "text_values"};
    }

    private static String[] answerSetColumns() {
        return new String[] {"subject_id", "visit_id", "instrument_id", "item_ids", "answer_values"};
    }

    private static Object[] baselineRow(String subjectId, Map<String, VariableValue> values) {
        String[] names = new String[values.size()];
        Double[] numbers = new Double[names.length];
        String[] texts = new String[names.length];
        int i = 0;
        for (Map.Entry<String, VariableValue> e : values.entrySet()) {
            names[i] = e.getKey();
            numbers[i] = e.getValue().number();
            texts[i] = e.getValue().text();
            i++;
        }
        return new Object[] {subjectId, names, numbers, texts};
    }

    private static Object[] answerSetRow(String subjectId, String visitId, String instrumentId, Map<String, Double> values) {
        String[] items = new String[values.size()];
        Double[] answers = new Double[items.length];
        int i = 0;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            items[i] = e.getKey();
            answers[i] = e.getValue();
            i++;
        }
        return new Object[] {subjectId, visitId, instrumentId, items, answers};
    }

    /**
     * Sets the date of a subject's visit.
     *
     * @param subjectId the subject
     * @param visitId the visit
     * @param date the date, or null to clear it
     * @param reason why; required when a date is changed or cleared
     * @throws StudyException when locked (dataset or visit), unknown or the reason is missing
     */
    public void setVisitDate(String subjectId, String visitId, LocalDate date, String reason) throws StudyException {
        writable("change the date of visit " + visitId + " of subject " + subjectId);
        flush();
        try {
            requireSubject(subjectId);
            requireVisit(visitId);
            Optional<SubjectVisit> v = reader.visit(subjectId, visitId);
            if (v.isPresent() && v.get().locked()) {
                throw new TrialDataException("visit " + visitId + " of subject " + subjectId + " is locked: cannot change its date");
            }
            LocalDate old = v.map(SubjectVisit::visitDate).orElse(null);
            if (Objects.equals(old, date)) {
                return;
            }
            if (old != null) {
                requireReason(reason, "change the date of visit " + visitId + " of subject " + subjectId);
            }
            if (v.isEmpty()) {
                insertVisit(subjectId, visitId, date);
            } else {
                try (PreparedStatement ps = c.prepareStatement("UPDATE trial_visit SET visit_date = ? WHERE subject_id = ? AND visit_id = ?")) {
                    ps.setObject(1, date);
                    ps.setString(2, subjectId);
                    ps.setString(3, visitId);
                    ps.executeUpdate();
                }
            }
            log(old == null ? "insert" : "update", "visit", subjectId + "/" + visitId, "visit_date",
                    old == null ? null : old.toString(), date == null ? null : date.toString(), reason);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Locks one visit of a subject: its answers and date can no longer change.
     *
     * @param subjectId the subject
     * @param visitId the visit
     * @param reason why (optional)
     * @throws StudyException when the dataset is locked, unknown ids or already locked
     */
    public void lockVisit(String subjectId, String visitId, String reason) throws StudyException {
        writable("lock visit " + visitId + " of subject " + subjectId);
        flush();
        try {
            requireSubject(subjectId);
            requireVisit(visitId);
            Optional<SubjectVisit> v = reader.visit(subjectId, visitId);
            if (v.isPresent() && v.get().locked()) {
                throw new TrialDataException("visit " + visitId + " of subject " + subjectId + " is already locked");
            }
            if (v.isEmpty()) {
                insertVisit(subjectId, visitId, null);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE trial_visit SET locked = TRUE WHERE subject_id = ? AND visit_id = ?")) {
                ps.setString(1, subjectId);
                ps.setString(2, visitId);
                ps.executeUpdate();
            }
            log("lock", "visit", subjectId + "/" + visitId, "locked", "false", "true", reason);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Locks the whole dataset: every later write (in this edit too) is refused.
     *
     * @param reason why (optional)
     * @throws StudyException when already locked
     */
    public void lockDataset(String reason) throws StudyException {
        writable("lock the dataset");
        flush();
        try {
            putSetting(TrialReader.DATASET_LOCKED, "true");
            log("lock", "dataset", null, "locked", "false", "true", reason);
            datasetLocked = true;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    // ------------------------------------------------------------------ records an import carries

    /**
     * Sets the dates and locks of visits of subjects this edit imported (a file that carries them
     * beside the answers). A visit without answers is created. One audit row per date and per lock
     * names the source.
     *
     * @param visits the visits (subjects imported in this edit, defined visits)
     * @param source where they came from, e.g. "import of trial_visits.csv"
     * @throws StudyException when locked, a subject is not one of this import's or a visit is unknown
     * @since 0.1
     */
    public void importVisits(List<SubjectVisit> visits, String source) throws StudyException {
        writable("import visit dates and locks");
        flush();
        try {
            List<String> problems = new ArrayList<>();
            for (SubjectVisit v : visits) {
                if (!createdHere.contains(v.subjectId())) {
                    problems.add("visit " + v.visitId() + " of subject " + v.subjectId() + ": "
                            + (subjectIds().contains(v.subjectId()) ? "the subject was not added by this import (an import only adds)"
                                    : "no such subject in the import"));
                } else if (!visitIds().contains(v.visitId())) {
                    problems.add("visit " + v.visitId() + " of subject " + v.subjectId() + ": unknown visit (visits: "
                            + String.join(", ", visitIds()) + ")");
                }
            }
            if (!problems.isEmpty()) {
                throw new TrialDataException(source + ": " + problems.get(0)
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""), problems);
            }
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO trial_visit(subject_id, visit_id, visit_date, locked) "
                    + "KEY(subject_id, visit_id) VALUES (?,?,?,?)")) {
                int n = 0;
                for (SubjectVisit v : visits) {
                    ps.setString(1, v.subjectId());
                    ps.setString(2, v.visitId());
                    ps.setObject(3, v.visitDate());
                    ps.setBoolean(4, v.locked());
                    ps.addBatch();
                    if (++n % BULK_CHUNK == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            for (SubjectVisit v : visits) {
                String id = v.subjectId() + "/" + v.visitId();
                if (v.visitDate() != null) {
                    log("import", "visit", id, "visit_date", null, v.visitDate().toString(), source);
                }
                if (v.locked()) {
                    log("lock", "visit", id, "locked", "false", "true", source);
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Stores the allocation list an import carries, in a study that has none: the lines of subjects
     * in the study (by their allocation seq) are marked revealed to them, the others stay concealed,
     * and the list is locked when the source's was. Audited like a stored list, each revealed line
     * and the lock with the source.
     *
     * @param allocations lines with seq 1..n
     * @param locked whether to lock the list
     * @param source where it came from, e.g. "import of trial_allocation.csv"
     * @throws StudyException when locked, the study has a list already, or a line does not match its subject
     * @since 0.1
     */
    public void importAllocationList(List<Allocation> allocations, boolean locked, String source) throws StudyException {
        writable("import the allocation list");
        flush();
        try {
            AllocationStatus status = reader.allocationStatus();
            if (status.size() > 0) {
                throw new TrialDataException(source + ": the study has an allocation list already (" + status.size()
                        + " lines): an import does not replace it");
            }
            storeAllocationList(allocations, source, null);
            Map<Integer, Allocation> bySeq = new HashMap<>();
            for (Allocation a : allocations) {
                bySeq.put(a.seq(), a);
            }
            List<String> problems = new ArrayList<>();
            List<Object[]> reveal = new ArrayList<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT id, arm_code, allocation_seq, stratum FROM trial_subject WHERE allocation_seq IS NOT NULL ORDER BY allocation_seq")) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String arm = rs.getString(2);
                    int seq = rs.getInt(3);
                    String stratum = rs.getString(4);
                    Allocation a = bySeq.get(seq);
                    if (a == null) {
                        problems.add("subject " + id + " has allocation seq " + seq + ", which the list does not have");
                    } else if (!a.arm().equals(arm)) {
                        problems.add("subject " + id + " is in arm " + arm + " but line " + seq + " of the list says " + a.arm());
                    } else if (a.stratum() != null && !a.stratum().equals(stratum)) {
                        problems.add("subject " + id + " is in stratum " + stratum + " but line " + seq + " of the list says " + a.stratum());
                    } else {
                        reveal.add(new Object[] {id, a});
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new TrialDataException(source + ": " + problems.get(0)
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""), problems);
            }
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = c.prepareStatement("UPDATE trial_allocation SET subject_id = ?, revealed_at = ? WHERE seq = ?")) {
                for (Object[] r : reveal) {
                    ps.setString(1, (String) r[0]);
                    ps.setTimestamp(2, now);
                    ps.setInt(3, ((Allocation) r[1]).seq());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (Object[] r : reveal) {
                Allocation a = (Allocation) r[1];
                log("reveal", "allocation", Integer.toString(a.seq()), "arm", null, a.arm(), source + ": subject " + r[0]);
            }
            if (locked) {
                putSetting(TrialReader.ALLOCATION_LOCKED, "true");
                log("lock", "allocation_list", null, "locked", "false", "true", source);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    // ------------------------------------------------------------------ bulk loads

    /**
     * Adds a whole new subject with its baseline variables and answers (an import). Rows are written
     * in large batches; one audit row names the subject and the source. Arms, visits and variables
     * must be defined first; everything is validated.
     *
     * @param record the subject record (the subject must not exist)
     * @param source where it came from, e.g. "import of trial.csv row 12"
     * @throws StudyException when locked or anything is invalid
     */
    public void importSubject(SubjectRecord record, String source) throws StudyException {
        importRows(record.subject(), record.baseline().size(), record.answerCount(), record.observations(), source,
                () -> checkData(record.subject().id(), record.baseline(), record.answers(), source));
    }

    /**
     * Imports a subject whose answer sets an {@link AnswerChecker} has checked: as
     * {@link #importSubject(SubjectRecord, String)}, without validating and scoring the answer sets again
     * (one checked against another catalog's instrument is validated again).
     *
     * @param record the subject and its checked data
     * @param source where it came from (e.g. "import of trial.csv line 12"), for the audit trail
     * @throws StudyException when locked, the subject exists, or anything is invalid
     * @since 0.1
     */
    public void importSubject(CheckedSubject record, String source) throws StudyException {
        importRows(record.subject(), record.baseline().size(), record.answerCount(), record.observations(), source,
                () -> checkChecked(record.subject().id(), record.baseline(), record.answers(), source));
    }

    /** Checks a subject's data and gives the rows to queue (tagged arrays, as {@link #checkData} gives them). */
    @FunctionalInterface
    private interface RowCheck {
        List<Object[]> rows() throws StudyException, SQLException;
    }

    private void importRows(Subject s, int variables, int answers, List<Observation> observations, String source, RowCheck check)
            throws StudyException {
        writable("import subject " + s.id());
        problem(Ids.subjectProblem(s.id()));
        try {
            if (!subjectIds().add(s.id())) {
                throw new TrialDataException("subject " + s.id() + " already exists (" + source + ")");
            }
            if (s.armCode() != null && !arms().contains(s.armCode())) {
                subjectIds.remove(s.id());
                throw new TrialDataException("subject " + s.id() + ": unknown arm '" + s.armCode() + "' (arms: "
                        + String.join(", ", arms()) + ")");
            }
            List<Object[]> rows = check.rows();
            rows.addAll(checkObservations(s.id(), observations, source));
            bulkBuffers();
            subjectRows.add(s.id(), s.armCode(), s.status().code(), s.allocationSeq(), s.stratum(),
                    s.enrolledOn() == null ? null : java.sql.Date.valueOf(s.enrolledOn()), s.simulated());
            queue(rows);
            createdHere.add(s.id());
            log("import", "subject", s.id(), null, null, describe(s) + "; " + variables + " variables; "
                    + answers + " answers" + (observations.isEmpty() ? ""
                            : "; " + observations.size() + " observations of repeated or per-visit forms"), source);
            flushIfFull();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Records in the audit trail a value an import refused and the user accepted to leave out, so the
     * trail says what of the source did not arrive and why.
     *
     * @param record the record (subject) id as the file names it
     * @param field the field or column
     * @param value the refused value
     * @param reason why it was refused, with the file and line
     * @throws StudyException on a database error
     */
    public void logRefusedImportValue(String record, String field, String value, String reason) throws StudyException {
        try {
            log("import-refused", "subject", record == null ? "" : record, field, value, null, reason);
            flushIfFull();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Adds the baseline variables and answers of an enrolled subject that has none yet (e.g. the
     * demo, after enrolment). Rows are written in large batches; one audit row names the subject and
     * the source.
     *
     * @param subjectId an existing subject without data
     * @param baseline variable name to value
     * @param answers visit to instrument to item to value
     * @param source where the data came from
     * @throws StudyException when locked, the subject has data already or anything is invalid
     */
    public void addSubjectData(String subjectId, Map<String, VariableValue> baseline,
            Map<String, Map<String, Map<String, Double>>> answers, String source) throws StudyException {
        writable("add data of subject " + subjectId);
        try {
            if (!createdHere.contains(subjectId)) {
                flush();
                requireSubject(subjectId);
                try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM trial_baseline WHERE subject_id = ?) "
                        + "+ (SELECT COUNT(*) FROM trial_answer_set WHERE subject_id = ?)")) {
                    ps.setString(1, subjectId);
                    ps.setString(2, subjectId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            throw new TrialDataException("subject " + subjectId + " has data already: change single values instead");
                        }
                    }
                }
            }
            List<Object[]> rows = checkData(subjectId, baseline, answers, source);
            bulkBuffers();
            queue(rows);
            int n = 0;
            for (Map<String, Map<String, Double>> m : answers.values()) {
                for (Map<String, Double> items : m.values()) {
                    n += items.size();
                }
            }
            log("insert", "subject_data", subjectId, null, null, baseline.size() + " variables; " + n + " answers", source);
            flushIfFull();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Checks a subject's data and returns the rows to queue: tagged arrays {table, values...}. */
    private List<Object[]> checkData(String subjectId, Map<String, VariableValue> baseline,
            Map<String, Map<String, Map<String, Double>>> answers, String source) throws StudyException, SQLException {
        List<Object[]> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        checkBaseline(subjectId, baseline, rows, problems);
        for (Map.Entry<String, Map<String, Map<String, Double>>> v : answers.entrySet()) {
            String visitId = v.getKey();
            if (!visitIds().contains(visitId)) {
                problems.add("unknown visit '" + visitId + "'");
                continue;
            }
            boolean any = false;
            for (Map.Entry<String, Map<String, Double>> i : v.getValue().entrySet()) {
                Optional<Instrument> inst = catalog.find(i.getKey());
                if (inst.isEmpty()) {
                    problems.add("unknown instrument '" + i.getKey() + "' at visit " + visitId);
                    continue;
                }
                try {
                    Map<String, Double> valid = AnswerCheck.validate(inst.get(), i.getValue());
                    if (!valid.isEmpty()) {
                        rows.add(withTag("a", answerSetRow(subjectId, visitId, i.getKey(), valid)));
                        any = true;
                    }
                } catch (InvalidAnswerException e) {
                    for (AnswerProblem p : e.problems()) {
                        problems.add("visit " + visitId + " " + i.getKey() + ": " + p.describe());
                    }
                }
            }
            if (any) {
                rows.add(0, new Object[] {"visit", subjectId, visitId});
            }
        }
        return settled(subjectId, source, rows, problems);
    }

    /**
     * Checks a subject's data whose answer sets are checked already and returns the rows to queue, in the
     * order {@link #checkData} gives them: the answer sets are not validated again unless they were
     * checked against another instrument than this editor's catalog holds.
     */
    private List<Object[]> checkChecked(String subjectId, Map<String, VariableValue> baseline, List<CheckedAnswers> answers,
            String source) throws StudyException, SQLException {
        List<Object[]> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        checkBaseline(subjectId, baseline, rows, problems);
        // per visit in order of first mention: whether it has an answer row (then it gets a visit row)
        Map<String, Boolean> visits = new LinkedHashMap<>();
        for (CheckedAnswers a : answers) {
            String visitId = a.visitId();
            Boolean any = visits.get(visitId);
            if (any == null) {
                if (!visitIds().contains(visitId)) {
                    visits.put(visitId, Boolean.FALSE);
                    problems.add("unknown visit '" + visitId + "'");
                    continue;
                }
                visits.put(visitId, Boolean.FALSE);
            } else if (!visitIds().contains(visitId)) {
                continue;
            }
            Optional<Instrument> inst = catalog.find(a.instrumentId());
            if (inst.isEmpty()) {
                problems.add("unknown instrument '" + a.instrumentId() + "' at visit " + visitId);
                continue;
            }
            Object[] row;
            if (inst.get() == a.instrument()) {
                row = a.size() == 0 ? null : new Object[] {subjectId, visitId, a.instrumentId(), a.itemIdArray(), a.boxedValues()};
            } else {
                try {
                    Map<String, Double> valid = AnswerCheck.validate(inst.get(), a.asMap());
                    row = valid.isEmpty() ? null : answerSetRow(subjectId, visitId, a.instrumentId(), valid);
                } catch (InvalidAnswerException e) {
                    for (AnswerProblem p : e.problems()) {
                        problems.add("visit " + visitId + " " + a.instrumentId() + ": " + p.describe());
                    }
                    continue;
                }
            }
            if (row != null) {
                rows.add(withTag("a", row));
                visits.put(visitId, Boolean.TRUE);
            }
        }
        visits.forEach((visitId, any) -> {
            if (any) {
                rows.add(0, new Object[] {"visit", subjectId, visitId});
            }
        });
        return settled(subjectId, source, rows, problems);
    }

    /** Checks the baseline values against their definitions, adding the row or the problems. */
    private void checkBaseline(String subjectId, Map<String, VariableValue> baseline, List<Object[]> rows, List<String> problems)
            throws SQLException {
        Map<String, VariableValue> checked = new LinkedHashMap<>();
        for (Map.Entry<String, VariableValue> e : baseline.entrySet()) {
            VariableDefinition d = variables().get(e.getKey());
            if (d == null) {
                problems.add("variable " + e.getKey() + " is not defined");
                continue;
            }
            String p = d.problemWith(e.getValue());
            if (p != null) {
                problems.add("variable " + e.getKey() + ": " + p);
                continue;
            }
            checked.put(e.getKey(), e.getValue());
        }
        if (!checked.isEmpty()) {
            rows.add(withTag("b", baselineRow(subjectId, checked)));
        }
    }

    /** The rows when there is no problem; else the subject is forgotten again and the problems thrown. */
    private List<Object[]> settled(String subjectId, String source, List<Object[]> rows, List<String> problems)
            throws TrialDataException {
        if (!problems.isEmpty()) {
            if (subjectIds != null && !createdHere.contains(subjectId)) {
                subjectIds.remove(subjectId);
            }
            throw new TrialDataException("subject " + subjectId + " (" + source + "): " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""), problems);
        }
        return rows;
    }

    /** Checks a subject's observations (one value per form, visit, instance and field) and returns the rows to queue. */
    private static List<Object[]> checkObservations(String subjectId, List<Observation> observations, String source)
            throws TrialDataException {
        List<Object[]> rows = new ArrayList<>();
        Set<String> slots = new HashSet<>();
        for (Observation o : observations) {
            String p = o.form().isBlank() || o.form().length() > 100 ? "form name empty or longer than 100 characters"
                    : o.field().isBlank() || o.field().length() > 100 ? "field name empty or longer than 100 characters"
                    : o.visit().length() > 50 ? "visit id longer than 50 characters"
                    : o.text().length() > 1000 ? "a value longer than 1000 characters"
                    : !slots.add(o.form() + "\u0000" + o.visit() + "\u0000" + o.instance() + "\u0000" + o.field())
                            ? "two values for one slot" : null;
            if (p != null) {
                throw new TrialDataException("subject " + subjectId + ": observation " + o.form() + "/" + o.visit() + "/"
                        + o.instance() + "/" + o.field() + ": " + p + " (" + source + ")");
            }
            rows.add(new Object[] {"o", subjectId, o.form(), o.visit(), o.instance(), o.field(), o.number(), o.text()});
        }
        return rows;
    }

    private static Object[] withTag(String tag, Object[] row) {
        Object[] out = new Object[row.length + 1];
        out[0] = tag;
        System.arraycopy(row, 0, out, 1, row.length);
        return out;
    }

    private void queue(List<Object[]> rows) {
        for (Object[] r : rows) {
            switch ((String) r[0]) {
                case "visit" -> visitRows.add(r[1], r[2], null, false);
                case "b" -> baselineRows.add(r[1], r[2], r[3], r[4]);
                case "o" -> observationRows.add(r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
                default -> answerSetRows.add(r[1], r[2], r[3], r[4], r[5]);
            }
        }
    }

    private void bulkBuffers() {
        if (subjectRows == null) {
            subjectRows = new UnnestBuffer(c, "trial_subject", new String[] {"id", "arm_code", "status", "allocation_seq",
                "stratum", "enrolled_on", "simulated"}, new String[] {"VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "VARCHAR",
                "DATE", "BOOLEAN"}, BULK_CHUNK * 2);
            visitRows = new UnnestBuffer(c, "trial_visit", new String[] {"subject_id", "visit_id", "visit_date", "locked"},
                    new String[] {"VARCHAR", "VARCHAR", "DATE", "BOOLEAN"}, BULK_CHUNK * 2);
            baselineRows = new WideRowBuffer(c, "trial_baseline", baselineColumns());
            answerSetRows = new WideRowBuffer(c, "trial_answer_set", answerSetColumns());
            observationRows = new UnnestBuffer(c, "trial_observation", new String[] {"subject_id", "form", "visit_id", "instance",
                "field", "num_value", "text_value"}, new String[] {"VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "VARCHAR",
                "DOUBLE PRECISION", "VARCHAR"}, BULK_CHUNK * 2);
        }
    }

    private void flushIfFull() throws SQLException {
        if (subjectRows.size() >= BULK_CHUNK || visitRows.size() >= BULK_CHUNK || baselineRows.size() >= BULK_CHUNK
                || answerSetRows.size() >= BULK_CHUNK || observationRows.size() >= BULK_CHUNK) {
            flushBulk();
        }
    }

    private void flushBulk() throws SQLException {
        if (subjectRows != null) {
            subjectRows.flush();
            visitRows.flush();
            baselineRows.flush();
            answerSetRows.flush();
            observationRows.flush();
        }
        audit.flush();
    }

    /**
     * Writes everything queued by bulk loads (done automatically before other operations and at the
     * end of the edit).
     *
     * @throws StudyException on a database error
     */
    public void flush() throws StudyException {
        try {
            flushBulk();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    void close() {
        try {
            audit.close();
        } catch (SQLException e) {
            // the transaction outcome decides; nothing to add
        }
    }

    // ------------------------------------------------------------------ helpers

    private void writable(String what) throws TrialDataException {
        if (datasetLocked) {
            throw new TrialDataException("the dataset is locked: cannot " + what);
        }
    }

    private static void problem(String p) throws TrialDataException {
        if (p != null) {
            throw new TrialDataException(p);
        }
    }

    private static void requireReason(String reason, String what) throws TrialDataException {
        if (reason == null || reason.isBlank()) {
            throw new TrialDataException("a reason is required to " + what);
        }
    }

    private Subject requireSubject(String subjectId) throws SQLException, TrialDataException {
        return reader.subject(subjectId).orElseThrow(() -> new TrialDataException("unknown subject '" + subjectId + "'"));
    }

    private void requireArm(String code) throws StudyException {
        try {
            if (!arms().contains(code)) {
                throw new TrialDataException("unknown arm '" + code + "' (arms: " + String.join(", ", arms()) + ")");
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void requireVisit(String visitId) throws StudyException {
        try {
            if (!visitIds().contains(visitId)) {
                throw new TrialDataException("unknown visit '" + visitId + "' (visits: " + String.join(", ", visitIds()) + ")");
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private Instrument requireInstrument(String instrumentId) throws TrialDataException {
        return catalog.find(instrumentId).orElseThrow(() -> new TrialDataException("unknown instrument '" + instrumentId
                + "' (installed: " + catalog.ids() + ")"));
    }

    private static TrialDataException invalid(String where, InvalidAnswerException e) {
        List<String> problems = e.problems().stream().map(AnswerProblem::describe).toList();
        return new TrialDataException(where + ": invalid answers (" + problems.size()
                + (problems.size() == 1 ? " problem): " : " problems): ") + String.join("; ", problems), problems);
    }

    private Set<String> arms() throws SQLException {
        if (armCodes == null) {
            armCodes = new LinkedHashSet<>();
            for (Arm a : reader.arms()) {
                armCodes.add(a.code());
            }
        }
        return armCodes;
    }

    private Set<String> visitIds() throws SQLException {
        if (visitIds == null) {
            visitIds = new LinkedHashSet<>();
            for (VisitDefinition v : reader.visitDefinitions()) {
                visitIds.add(v.id());
            }
        }
        return visitIds;
    }

    private Map<String, VariableDefinition> variables() throws SQLException {
        if (variables == null) {
            variables = new TreeMap<>();
            for (VariableDefinition d : reader.variableDefinitions()) {
                variables.put(d.name(), d);
            }
        }
        return variables;
    }

    private Set<String> subjectIds() throws SQLException {
        if (subjectIds == null) {
            subjectIds = new HashSet<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM trial_subject")) {
                while (rs.next()) {
                    subjectIds.add(rs.getString(1));
                }
            }
        }
        return subjectIds;
    }

    private void insertSubject(Subject s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_subject(id, arm_code, status, allocation_seq, stratum, "
                + "enrolled_on, simulated) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, s.id());
            ps.setString(2, s.armCode());
            ps.setString(3, s.status().code());
            ps.setObject(4, s.allocationSeq());
            ps.setString(5, s.stratum());
            ps.setObject(6, s.enrolledOn());
            ps.setBoolean(7, s.simulated());
            ps.executeUpdate();
        }
    }

    private void insertVisit(String subjectId, String visitId, LocalDate date) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_visit(subject_id, visit_id, visit_date, locked) VALUES (?,?,?,FALSE)")) {
            ps.setString(1, subjectId);
            ps.setString(2, visitId);
            ps.setObject(3, date);
            ps.executeUpdate();
        }
    }

    private void putSetting(String name, String value) throws SQLException {
        if (value == null) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM trial_setting WHERE name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO trial_setting(name, setting_value) KEY(name) VALUES (?,?)")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    private static String describe(Subject s) {
        return "arm=" + (s.armCode() == null ? "" : s.armCode()) + "; status=" + s.status().code()
                + (s.allocationSeq() == null ? "" : "; seq=" + s.allocationSeq())
                + (s.stratum() == null ? "" : "; stratum=" + s.stratum())
                + (s.enrolledOn() == null ? "" : "; enrolled_on=" + s.enrolledOn())
                + (s.simulated() ? "; SIMULATED" : "");
    }

    private void log(String action, String entity, String entityId, String field, String oldValue, String newValue,
            String reason) throws SQLException {
        audit.add(AuditEntry.of(actor, action, entity, entityId, field, oldValue, newValue,
                reason == null || reason.isBlank() ? null : reason));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static StudyException failed(SQLException e) {
        return new StudyException("trial data: database error: " + e.getMessage(), e);
    }
}
