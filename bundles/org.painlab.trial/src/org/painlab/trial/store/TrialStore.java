package org.painlab.trial.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.importer.ImportException;
import org.painlab.trial.randomization.Allocation;
import org.painlab.trial.randomization.AllocationList;

/**
 * The one door to a study's trial data (arms, visits, schedule, subjects, baseline variables,
 * answers, screening log, eligibility, allocation list, locks) in the study's H2 database.
 *
 * <p>Reads are plain methods. Every write runs in one {@link Study#transaction} through a
 * {@link TrialEditor} ({@link #edit} for several writes at once; the single-write methods here are
 * shortcuts) and appends audit rows to the study's audit trail: who (the {@code actor} passed in),
 * when, old value, new value and a reason (required for changing or deleting an existing value). See
 * {@link TrialEditor} for the rules (locks, concealment, validation).
 *
 * <p>A store holds no state besides the study and the instrument catalog; create one per use.
 *
 * @since 0.1
 */
public final class TrialStore {
    /** Setting: "true" when the data are simulated (demo). */
    public static final String SETTING_SIMULATED = "simulated";
    /** Setting: a study-level description of the trial data. */
    public static final String SETTING_DESCRIPTION = "description";
    /**
     * The subject fields (columns of exports besides variables and answers); variables cannot use these
     * names.
     */
    public static final List<String> SUBJECT_FIELDS = List.of("subject_id", "arm", "status", "allocation_seq", "stratum",
            "enrolled_on", "simulated");

    private final Study study;
    private final InstrumentCatalog catalog;

    /**
     * A store on a study with the installed instruments.
     *
     * @param study an open study
     */
    public TrialStore(Study study) {
        this(study, InstrumentCatalog.installed());
    }

    /**
     * A store on a study with the given instruments.
     *
     * @param study an open study
     * @param catalog the instruments answers are validated with
     */
    public TrialStore(Study study, InstrumentCatalog catalog) {
        this.study = study;
        this.catalog = catalog;
    }

    /**
     * The study.
     *
     * @return the study
     */
    public Study study() {
        return study;
    }

    /**
     * The instruments used for validation and scoring.
     *
     * @return the catalog
     */
    public InstrumentCatalog instruments() {
        return catalog;
    }

    /**
     * Runs several writes in one transaction: all commit together, or none when the work throws.
     *
     * @param actor who makes the changes (recorded in the audit trail)
     * @param work the writes
     * @param <T> the result type
     * @return the work's result
     * @throws StudyException when a write is refused (nothing is changed)
     */
    public <T> T edit(String actor, EditWork<T> work) throws StudyException {
        return study.transaction(c -> {
            TrialEditor e = new TrialEditor(c, actor, catalog);
            try {
                T result = work.run(e);
                e.flush();
                return result;
            } finally {
                e.close();
            }
        });
    }

    private <T> T read(ReadWork<T> work) throws StudyException {
        return study.read(c -> work.run(new TrialReader(c, catalog)));
    }

    @FunctionalInterface
    private interface ReadWork<T> {
        T run(TrialReader r) throws java.sql.SQLException, StudyException;
    }

    // ------------------------------------------------------------------ reads

    /**
     * The arms in display order.
     *
     * @return the arms
     * @throws StudyException on a database error
     */
    public List<Arm> arms() throws StudyException {
        return read(TrialReader::arms);
    }

    /**
     * The observations of repeated forms (REDCap repeating instruments and events, ODM repeat keys)
     * and of forms filled at several visits.
     *
     * @return subject id to its observations, in form, visit, instance and field order
     * @throws StudyException on a database error
     */
    public Map<String, List<Observation>> observations() throws StudyException {
        return read(TrialReader::observations);
    }

    /**
     * The observations of one form (see {@link #observations()}).
     *
     * @param form the form
     * @return subject id to its observations of the form, in visit, instance and field order
     * @throws StudyException on a database error
     */
    public Map<String, List<Observation>> observations(String form) throws StudyException {
        return read(r -> r.observations(form));
    }

    /**
     * The forms that have observations and how often each was filled, for choosing a form to show.
     *
     * @return form to its number of (subject, visit, instance) fillings, in form name order
     * @throws StudyException on a database error
     */
    public Map<String, Long> observationForms() throws StudyException {
        return read(TrialReader::observationForms);
    }

    /**
     * How many forms each subject filled as observations, each form, visit and instance counted once.
     *
     * @return subject id to its count; subjects without observations are absent
     * @throws StudyException on a database error
     */
    public Map<String, Long> observationCounts() throws StudyException {
        return read(TrialReader::observationCounts);
    }

    /**
     * The visit definitions in time order.
     *
     * @return the visits
     * @throws StudyException on a database error
     */
    public List<VisitDefinition> visitDefinitions() throws StudyException {
        return read(TrialReader::visitDefinitions);
    }

    /**
     * The schedule of assessments.
     *
     * @return the entries by arm, visit and order
     * @throws StudyException on a database error
     */
    public List<ScheduleEntry> schedule() throws StudyException {
        return read(TrialReader::schedule);
    }

    /**
     * The baseline variable definitions in display order.
     *
     * @return the definitions
     * @throws StudyException on a database error
     */
    public List<VariableDefinition> variableDefinitions() throws StudyException {
        return read(TrialReader::variableDefinitions);
    }

    /**
     * All subjects by id (for very large studies prefer {@link #grid()} or {@link #forEachSubjectRecord}).
     *
     * @return the subjects
     * @throws StudyException on a database error
     */
    public List<Subject> subjects() throws StudyException {
        return read(TrialReader::subjects);
    }

    /**
     * One subject.
     *
     * @param id the id
     * @return the subject, or empty
     * @throws StudyException on a database error
     */
    public Optional<Subject> subject(String id) throws StudyException {
        return read(r -> r.subject(id));
    }

    /**
     * Number of subjects.
     *
     * @return the count
     * @throws StudyException on a database error
     */
    public long subjectCount() throws StudyException {
        return read(TrialReader::subjectCount);
    }

    /**
     * The baseline variables of a subject in definition order.
     *
     * @param subjectId the subject
     * @return name to value
     * @throws StudyException on a database error
     */
    public Map<String, VariableValue> baseline(String subjectId) throws StudyException {
        return read(r -> r.baseline(subjectId));
    }

    /**
     * The answers of one instrument at one visit, in item order.
     *
     * @param subjectId the subject
     * @param visitId the visit
     * @param instrumentId the instrument
     * @return item id to value (empty when none)
     * @throws StudyException on a database error
     */
    public Map<String, Double> answers(String subjectId, String visitId, String instrumentId) throws StudyException {
        return read(r -> r.answers(subjectId, visitId, instrumentId));
    }

    /**
     * The visits a subject had.
     *
     * @param subjectId the subject
     * @return the visits in time order
     * @throws StudyException on a database error
     */
    public List<SubjectVisit> visits(String subjectId) throws StudyException {
        return read(r -> r.visits(subjectId));
    }

    /**
     * Every subject visit that has a date or is locked, for exports (one query for the whole study).
     *
     * @return the visits by subject, then visit order
     * @throws StudyException on a database error
     * @since 0.1
     */
    public List<SubjectVisit> datedOrLockedVisits() throws StudyException {
        return read(TrialReader::datedOrLockedVisits);
    }

    /**
     * Everything about one subject.
     *
     * @param subjectId the subject
     * @return the record, or empty
     * @throws StudyException on a database error
     */
    public Optional<SubjectRecord> subjectRecord(String subjectId) throws StudyException {
        return read(r -> r.subjectRecord(subjectId));
    }

    /**
     * Streams every subject's whole record, by id, a page at a time (for exports and analyses of
     * large studies).
     *
     * @param consumer receives each record
     * @throws StudyException on a database error
     */
    public void forEachSubjectRecord(Consumer<SubjectRecord> consumer) throws StudyException {
        String after = null;
        while (true) {
            String a = after;
            List<SubjectRecord> page = read(r -> r.subjectRecords(a, 1000));
            if (page.isEmpty()) {
                return;
            }
            page.forEach(consumer);
            after = page.get(page.size() - 1).subject().id();
        }
    }

    /**
     * The subject grid (baseline variables and scores per visit), for tables and analyses.
     *
     * @return the grid
     * @throws StudyException on a database error
     */
    public SubjectGrid grid() throws StudyException {
        return new SubjectGrid(study, catalog);
    }

    /**
     * The screening log.
     *
     * @return the entries by id
     * @throws StudyException on a database error
     */
    public List<ScreeningEntry> screeningLog() throws StudyException {
        return read(TrialReader::screeningLog);
    }

    /**
     * The eligibility checklist of a screened person.
     *
     * @param screeningId the screening id
     * @return criterion to met
     * @throws StudyException on a database error
     */
    public Map<String, Boolean> eligibility(String screeningId) throws StudyException {
        return read(r -> r.eligibility(screeningId));
    }

    /**
     * The allocation-list lines revealed so far (unrevealed lines stay concealed).
     *
     * @return the revealed allocations by seq
     * @throws StudyException on a database error
     */
    public List<Allocation> revealedAllocations() throws StudyException {
        return read(TrialReader::revealedAllocations);
    }

    /**
     * The state of the allocation list.
     *
     * @return size, revealed, locked, source, hash
     * @throws StudyException on a database error
     */
    public AllocationStatus allocationStatus() throws StudyException {
        return read(TrialReader::allocationStatus);
    }

    /**
     * The locks.
     *
     * @return dataset, allocation-list and visit locks
     * @throws StudyException on a database error
     */
    public Locks locks() throws StudyException {
        return read(TrialReader::locks);
    }

    /**
     * The trial settings (e.g. {@link #SETTING_SIMULATED}, {@link #SETTING_DESCRIPTION}).
     *
     * @return name to value
     * @throws StudyException on a database error
     */
    public Map<String, String> settings() throws StudyException {
        return read(TrialReader::settings);
    }

    /**
     * Whether the study's trial data are marked simulated.
     *
     * @return true when the setting {@link #SETTING_SIMULATED} is "true"
     * @throws StudyException on a database error
     */
    public boolean simulated() throws StudyException {
        return "true".equals(settings().get(SETTING_SIMULATED));
    }

    /**
     * The CONSORT counts from the data.
     *
     * @return the counts
     * @throws StudyException on a database error
     */
    public ConsortCounts consortCounts() throws StudyException {
        return read(TrialReader::consortCounts);
    }

    /**
     * The (visit, instrument) pairs to export or show, in visit and schedule order: the schedule plus
     * any pair found in the answers.
     *
     * @return pairs as {visitId, instrumentId}
     * @throws StudyException on a database error
     */
    public List<String[]> assessedPairs() throws StudyException {
        return read(TrialReader::assessedPairs);
    }

    // ------------------------------------------------------------------ single writes

    /**
     * Adds an arm (see {@link TrialEditor#addArm}).
     *
     * @param actor who
     * @param code code
     * @param name name
     * @param description description or null
     * @return the arm
     * @throws StudyException when refused
     */
    public Arm addArm(String actor, String code, String name, String description) throws StudyException {
        return edit(actor, e -> e.addArm(code, name, description));
    }

    /**
     * Adds a visit definition (see {@link TrialEditor#addVisit}).
     *
     * @param actor who
     * @param id id
     * @param label label
     * @param dayOffset planned day or null
     * @return the definition
     * @throws StudyException when refused
     */
    public VisitDefinition addVisit(String actor, String id, String label, Integer dayOffset) throws StudyException {
        return edit(actor, e -> e.addVisit(id, label, dayOffset));
    }

    /**
     * Schedules an instrument (see {@link TrialEditor#schedule}).
     *
     * @param actor who
     * @param armCode arm
     * @param visitId visit
     * @param instrumentId instrument
     * @throws StudyException when refused
     */
    public void schedule(String actor, String armCode, String visitId, String instrumentId) throws StudyException {
        edit(actor, e -> {
            e.schedule(armCode, visitId, instrumentId);
            return null;
        });
    }

    /**
     * Defines a baseline variable (see {@link TrialEditor#defineVariable}).
     *
     * @param actor who
     * @param definition the definition
     * @return the stored definition
     * @throws StudyException when refused
     */
    public VariableDefinition defineVariable(String actor, VariableDefinition definition) throws StudyException {
        return edit(actor, e -> e.defineVariable(definition));
    }

    /**
     * Sets a setting (see {@link TrialEditor#setSetting}).
     *
     * @param actor who
     * @param name name
     * @param value value or null
     * @param reason why (required when changing)
     * @throws StudyException when refused
     */
    public void setSetting(String actor, String name, String value, String reason) throws StudyException {
        edit(actor, e -> {
            e.setSetting(name, value, reason);
            return null;
        });
    }

    /**
     * Stores a generated allocation list (see {@link TrialEditor#storeAllocationList(AllocationList, String)}).
     *
     * @param actor who
     * @param list the list
     * @param reason why (required when replacing)
     * @throws StudyException when refused
     */
    public void storeAllocationList(String actor, AllocationList list, String reason) throws StudyException {
        edit(actor, e -> {
            e.storeAllocationList(list, reason);
            return null;
        });
    }

    /**
     * Stores an uploaded allocation list from CSV {@code seq,arm[,block,stratum]}.
     *
     * @param actor who
     * @param csv the file
     * @param reason why (required when replacing)
     * @throws ImportException listing every problem of the file (nothing stored)
     * @throws StudyException when refused
     */
    public void uploadAllocationList(String actor, Path csv, String reason) throws ImportException, StudyException {
        Set<String> arms = new LinkedHashSet<>();
        for (Arm a : arms()) {
            arms.add(a.code());
        }
        List<Allocation> list;
        try {
            list = AllocationCsv.read(csv, arms);
        } catch (IOException e) {
            throw new StudyException(csv + ": cannot be read (" + e.getMessage() + ")", e);
        }
        edit(actor, e -> {
            e.storeAllocationList(list, "uploaded: " + csv.getFileName(), reason);
            return null;
        });
    }

    /**
     * Locks the allocation list (see {@link TrialEditor#lockAllocationList}).
     *
     * @param actor who
     * @param reason why (optional)
     * @throws StudyException when refused
     */
    public void lockAllocationList(String actor, String reason) throws StudyException {
        edit(actor, e -> {
            e.lockAllocationList(reason);
            return null;
        });
    }

    /**
     * Enrols a subject, revealing its arm (see {@link TrialEditor#enroll}).
     *
     * @param actor who
     * @param subjectId new id
     * @param stratum stratum or null
     * @param enrolledOn date or null
     * @return the subject with its arm
     * @throws StudyException when refused
     */
    public Subject enroll(String actor, String subjectId, String stratum, LocalDate enrolledOn) throws StudyException {
        return edit(actor, e -> e.enroll(subjectId, stratum, enrolledOn, false));
    }

    /**
     * Changes a subject's status (see {@link TrialEditor#setStatus}).
     *
     * @param actor who
     * @param subjectId subject
     * @param status new status
     * @param reason why (required)
     * @throws StudyException when refused
     */
    public void setStatus(String actor, String subjectId, SubjectStatus status, String reason) throws StudyException {
        edit(actor, e -> {
            e.setStatus(subjectId, status, reason);
            return null;
        });
    }

    /**
     * Sets a baseline variable (see {@link TrialEditor#setVariable}).
     *
     * @param actor who
     * @param subjectId subject
     * @param name variable
     * @param value value
     * @param reason why (required when changing)
     * @throws StudyException when refused
     */
    public void setVariable(String actor, String subjectId, String name, VariableValue value, String reason)
            throws StudyException {
        edit(actor, e -> {
            e.setVariable(subjectId, name, value, reason);
            return null;
        });
    }

    /**
     * Deletes a baseline variable (see {@link TrialEditor#deleteVariable}).
     *
     * @param actor who
     * @param subjectId subject
     * @param name variable
     * @param reason why (required)
     * @throws StudyException when refused
     */
    public void deleteVariable(String actor, String subjectId, String name, String reason) throws StudyException {
        edit(actor, e -> {
            e.deleteVariable(subjectId, name, reason);
            return null;
        });
    }

    /**
     * Saves one instrument's answers at one visit (see {@link TrialEditor#saveAnswers}).
     *
     * @param actor who
     * @param subjectId subject
     * @param visitId visit
     * @param instrumentId instrument
     * @param answers the complete answer set
     * @param reason why (required when changing or deleting)
     * @throws StudyException when refused (invalid answers list every item problem)
     */
    public void saveAnswers(String actor, String subjectId, String visitId, String instrumentId, Map<String, Double> answers,
            String reason) throws StudyException {
        edit(actor, e -> {
            e.saveAnswers(subjectId, visitId, instrumentId, answers, reason);
            return null;
        });
    }

    /**
     * Locks a visit (see {@link TrialEditor#lockVisit}).
     *
     * @param actor who
     * @param subjectId subject
     * @param visitId visit
     * @param reason why (optional)
     * @throws StudyException when refused
     */
    public void lockVisit(String actor, String subjectId, String visitId, String reason) throws StudyException {
        edit(actor, e -> {
            e.lockVisit(subjectId, visitId, reason);
            return null;
        });
    }

    /**
     * Locks the whole dataset (see {@link TrialEditor#lockDataset}).
     *
     * @param actor who
     * @param reason why (optional)
     * @throws StudyException when refused
     */
    public void lockDataset(String actor, String reason) throws StudyException {
        edit(actor, e -> {
            e.lockDataset(reason);
            return null;
        });
    }
}
