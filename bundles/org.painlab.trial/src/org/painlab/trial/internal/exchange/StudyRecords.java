package org.painlab.trial.internal.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.painlab.core.StudyException;
import org.painlab.trial.randomization.Allocation;
import org.painlab.trial.store.AllocationStatus;
import org.painlab.trial.store.Locks;
import org.painlab.trial.store.ScreeningEntry;
import org.painlab.trial.store.SubjectVisit;
import org.painlab.trial.store.TrialEditor;
import org.painlab.trial.store.TrialStore;

/**
 * What a study holds beside its subjects' values and a round trip must keep: the dates and locks of
 * the subjects' visits, the screening log with its eligibility checklists, the allocation list as far
 * as it is revealed, and whether the list and the dataset are locked. Exports write it (each format as
 * far as it can); imports read it back and write it after the subjects, audited, in the same
 * transaction.
 *
 * <p>Lines of the allocation list not yet revealed at enrolment are never exported: an export must not
 * break allocation concealment.
 */
public final class StudyRecords {
    /** A screening-log line with its checklist (criterion to met) and where it was read. */
    public record Screening(ScreeningEntry entry, Map<String, Boolean> eligibility, String where) {
    }

    /** Visits with a date or a lock, by subject then visit order. */
    public final List<SubjectVisit> visits = new ArrayList<>();
    /**
     * Import: visit dates and locks another system wrote for its events (OpenClinica's StartDate and
     * status), kept only for events that are visits of subjects of the import.
     */
    final List<SubjectVisit> optionalVisits = new ArrayList<>();
    /** The screening log. */
    public final List<Screening> screening = new ArrayList<>();
    /** The revealed lines of the allocation list, by seq. */
    public final List<Allocation> allocations = new ArrayList<>();
    /** Whether the allocation list is locked. */
    public boolean allocationListLocked;
    /** Whether the dataset is locked. */
    public boolean datasetLocked;
    /** Export: lines of the allocation list left out because they are not revealed. */
    int concealed;
    /** Import: the files or sheets the records came from, for the report. */
    final List<String> readFrom = new ArrayList<>();

    /**
     * Reads a study's records for an export.
     *
     * @param store the store
     * @return the records
     * @throws StudyException on a database error
     */
    public static StudyRecords of(TrialStore store) throws StudyException {
        StudyRecords r = new StudyRecords();
        r.visits.addAll(store.datedOrLockedVisits());
        for (ScreeningEntry e : store.screeningLog()) {
            r.screening.add(new Screening(e, store.eligibility(e.id()), null));
        }
        r.allocations.addAll(store.revealedAllocations());
        AllocationStatus status = store.allocationStatus();
        r.concealed = status.size() - r.allocations.size();
        Locks locks = store.locks();
        r.allocationListLocked = locks.allocationListLocked() && status.size() > 0;
        r.datasetLocked = locks.datasetLocked();
        return r;
    }

    /**
     * Whether there is nothing to carry.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return visits.isEmpty() && optionalVisits.isEmpty() && screening.isEmpty() && allocations.isEmpty() && !allocationListLocked && !datasetLocked;
    }

    /**
     * The visits of each subject, for formats that write them inside the subject.
     *
     * @return subject id to visit id to visit
     */
    Map<String, Map<String, SubjectVisit>> visitsBySubject() {
        Map<String, Map<String, SubjectVisit>> out = new LinkedHashMap<>();
        for (SubjectVisit v : visits) {
            out.computeIfAbsent(v.subjectId(), k -> new LinkedHashMap<>()).put(v.visitId(), v);
        }
        return out;
    }

    /**
     * Writes the records after the imported subjects, in the import's transaction: visit dates and
     * locks, the screening log, the allocation list (then its lock), and last the dataset lock. Each
     * is audited with the source.
     *
     * @param e the editor of the import
     * @param file the imported file's name
     * @throws StudyException when a record does not fit the study (the transaction then rolls back)
     */
    void apply(TrialEditor e, String file) throws StudyException {
        String from = readFrom.isEmpty() ? file : String.join(", ", readFrom);
        if (!optionalVisits.isEmpty()) {
            e.importVisits(optionalVisits, "import of " + file + " (the event dates and locks it gives)");
        }
        if (!visits.isEmpty()) {
            e.importVisits(visits, "import of " + file + " (visit dates and locks from " + from + ")");
        }
        for (Screening s : screening) {
            e.importScreening(s.entry(), s.eligibility(), "import of " + file + " (screening log, " + s.where() + ")");
        }
        if (!allocations.isEmpty()) {
            e.importAllocationList(allocations, allocationListLocked, "import of " + file + " (allocation list from " + from + ")");
        }
        if (datasetLocked) {
            e.lockDataset("import of " + file + ": the exported dataset was locked");
        }
    }

    /**
     * Keeps only the optional (other systems') visit records of the given subjects and visits, with a
     * note saying how many were left out.
     *
     * @param subjects the subjects of the import
     * @param visitIds the visits of the study after the import
     * @param checker receives the note
     */
    void keepOptional(Set<String> subjects, Set<String> visitIds, ImportChecker checker) {
        int before = optionalVisits.size();
        optionalVisits.removeIf(v -> !subjects.contains(v.subjectId()) || !visitIds.contains(v.visitId()));
        if (optionalVisits.size() < before) {
            checker.note((before - optionalVisits.size()) + " event dates or locks of events that are not visits of the import "
                    + "were not imported");
        }
    }

    /**
     * What was added, for the import summary (keys added to the subject counts).
     *
     * @param added the summary's counts to add to
     */
    void count(Map<String, Long> added) {
        added.put("visit_dates", visits.stream().filter(v -> v.visitDate() != null).count()
                + optionalVisits.stream().filter(v -> v.visitDate() != null).count());
        added.put("visit_locks", visits.stream().filter(SubjectVisit::locked).count()
                + optionalVisits.stream().filter(SubjectVisit::locked).count());
        added.put("screening_entries", (long) screening.size());
        added.put("allocation_lines", (long) allocations.size());
    }

    /**
     * A one-line description for the report's notes.
     *
     * @return e.g. "12 visit dates, 3 visit locks, 40 screening entries, 20 allocation lines"
     */
    String describe() {
        Map<String, Long> m = new LinkedHashMap<>();
        count(m);
        List<String> parts = new ArrayList<>();
        m.forEach((k, n) -> parts.add(n + " " + k.replace('_', ' ')));
        if (allocationListLocked) {
            parts.add("allocation list locked");
        }
        if (datasetLocked) {
            parts.add("dataset locked");
        }
        return String.join(", ", parts);
    }
}
