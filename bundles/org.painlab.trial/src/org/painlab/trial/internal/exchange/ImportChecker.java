package org.painlab.trial.internal.exchange;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.painlab.core.StudyException;
import org.painlab.core.importer.ImportProblem;
import org.painlab.core.importer.ImportReport;
import org.painlab.core.importer.RefusedValue;
import org.painlab.trial.instrument.AnswerProblem;
import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.instrument.InvalidAnswerException;
import org.painlab.trial.instrument.Item;
import org.painlab.trial.store.AnswerChecker;
import org.painlab.trial.store.CheckedAnswers;
import org.painlab.trial.store.CheckedSubject;
import org.painlab.trial.store.Ids;
import org.painlab.trial.store.Numbers;
import org.painlab.trial.store.Observation;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.SubjectStatus;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.VariableDefinition;
import org.painlab.trial.store.VariableType;
import org.painlab.trial.store.VariableValue;

/**
 * Validates what a {@link SubjectSource} reads and collects every problem with its row, column and
 * rule. It knows the study's design ({@link StudyState}) and resolves column names, visits,
 * instruments and items.
 *
 * <p>Design taken from the file: when the study has no arms yet, the arms found in the file (or its
 * metadata) are defined; likewise visits; a baseline variable that the study does not define is
 * defined with the type that fits all its values (integer, number, date, else text), or as the file's
 * metadata says. When the study already has arms or visits, an unknown one is a problem. An import
 * only adds subjects: a subject id that exists in the study is a problem.
 */
public final class ImportChecker {
    /** At most this many problems are listed; the rest are counted. */
    static final int MAX_PROBLEMS = 100_000;

    /** Receives each subject that was read (the record is null when the subject has problems). */
    @FunctionalInterface
    public interface Consumer {
        /**
         * Receives a subject.
         *
         * @param record the validated record, or null when the subject has problems
         * @param raw the subject as read
         * @param untyped the first pass's baseline values the record lacks (null when it lacks none)
         * @throws StudyException when writing it fails
         */
        void accept(CheckedSubject record, RawSubject raw, Untyped untyped) throws StudyException;
    }

    /**
     * Baseline values of one subject that the first pass cannot type yet: the study does not define
     * their variables, and the whole file decides their types ({@link #plan()}). The first pass's record
     * holds the typed values only; with these the subject's baseline is complete, in file order.
     *
     * @param order the name of every baseline value that passed its checks, typed or not, in file order
     * @param texts the untyped values (as read, stripped), in the order their names have in {@code order}
     */
    public record Untyped(List<String> order, List<String> texts) {
    }

    /** Where an answer cell's names resolve to: visit, instrument and item ids. */
    private record Slot(String visit, String instrument, String item) {
    }

    /** An answer cell's names as read, before they are resolved. */
    private record Named(String instrument, String visit, String item) {
    }

    /** A resolved answer cell: the instrument and the slot. */
    private record Resolved(Instrument instrument, Slot slot) {
    }

    /** What a wide column name means. */
    public record WideKey(Kind kind, String name, String visit, String instrument, String item) {
        /** Column kinds. */
        public enum Kind {
            /** A subject field (subject_id, arm, ...). */
            FIELD,
            /** A baseline variable. */
            VARIABLE,
            /** An item answer. */
            ANSWER
        }

        /** @return the canonical target name */
        public String target() {
            return kind == Kind.ANSWER ? instrument + "." + visit + "." + item : name;
        }
    }

    private final String fileName;
    private final InstrumentCatalog catalog;
    private final StudyState state;
    private final Consumer consumer;
    private final boolean secondPass;
    // answer sets are validated once, and complete ones share their instrument's item id array
    private final AnswerChecker answerChecker = new AnswerChecker();
    // names that resolved without a problem: a wide file names the same few hundred slots in every row
    private final Map<Named, Resolved> resolved = new HashMap<>();

    private final List<ImportProblem> problems = new ArrayList<>();
    private long droppedProblems;
    private final Map<String, Long> seenSubjects = new HashMap<>();
    private final Map<Integer, Long> seenSeqs = new HashMap<>();
    // design found in the file (first pass)
    private final Map<String, String> newArms = new LinkedHashMap<>();
    private final Map<String, String> newVisits = new LinkedHashMap<>();
    private final Map<String, VariableDefinition> metadataVariables = new LinkedHashMap<>();
    private final Map<String, Inference> inferred = new LinkedHashMap<>();
    private final Set<String> observedSchedule = new LinkedHashSet<>();
    private long subjects;
    private long variableValues;
    private long answerValues;
    private long observationValues;
    // the mapping per form (for the preview): source column to form, form to its targets and counts
    private final Map<String, String> columnForms = new HashMap<>();
    private final Map<String, Set<String>> formTargets = new LinkedHashMap<>();
    private final Map<String, long[]> formValues = new HashMap<>();
    // accounting
    private long valuesRead;
    private long valuesImported;
    private final List<RefusedValue> refused = new ArrayList<>();
    /** Longest text a stored variable value holds (an element of trial_baseline.text_values). */
    private static final int MAX_TEXT = 1000;
    private final List<ImportProblem> refusalProblems = new ArrayList<>();
    private final Set<String> notes = new LinkedHashSet<>();
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    /** At most this many warnings are listed; the rest are counted. */
    static final int MAX_WARNINGS = 100;
    private final List<ImportProblem> warnings = new ArrayList<>();
    private long droppedWarnings;

    ImportChecker(String fileName, InstrumentCatalog catalog, StudyState state, Consumer consumer, boolean secondPass) {
        this.fileName = fileName;
        this.catalog = catalog;
        this.state = state;
        this.consumer = consumer;
        this.secondPass = secondPass;
    }

    /**
     * A checker for the first pass (validation).
     *
     * @param fileName the file name
     * @param catalog the instruments
     * @param state the study's design
     * @param consumer receives the subjects
     * @return the checker
     */
    public static ImportChecker firstPass(String fileName, InstrumentCatalog catalog, StudyState state, Consumer consumer) {
        return new ImportChecker(fileName, catalog, state, consumer, false);
    }

    /**
     * A checker for the second pass (writing), with the design found in the first pass added.
     *
     * @param consumer receives the validated subjects
     * @return the checker
     */
    public ImportChecker secondPass(Consumer consumer) {
        return new ImportChecker(fileName, catalog, state.with(plan()), consumer, true);
    }

    // ------------------------------------------------------------------ problems

    /**
     * Records a problem.
     *
     * @param loc where
     * @param rule what is wrong
     */
    public void problem(Loc loc, String rule) {
        problem(fileOf(loc), loc, rule);
    }

    /** The file a location is in: its own when it names one (a table beside the imported file), else the imported file. */
    private String fileOf(Loc loc) {
        return loc.file() != null ? loc.file() : fileName;
    }

    /**
     * Records a problem of another file of the import (e.g. the REDCap data dictionary).
     *
     * @param file the file's name
     * @param loc where
     * @param rule what is wrong
     */
    public void problem(String file, Loc loc, String rule) {
        if (org.painlab.core.importer.ImportLimits.isLimitMessage(rule)) {
            // a limit passed says why the rest of the file was not read: first, and never dropped
            problems.add(0, new ImportProblem(file, loc.row(), loc.column(), rule));
        } else if (problems.size() < MAX_PROBLEMS) {
            problems.add(new ImportProblem(file, loc.row(), loc.column(), rule));
        } else {
            droppedProblems++;
        }
    }

    /**
     * Every problem found (plus a last one counting those not listed).
     *
     * @return the problems in the order found
     */
    public List<ImportProblem> problems() {
        if (droppedProblems == 0) {
            return List.copyOf(problems);
        }
        List<ImportProblem> out = new ArrayList<>(problems);
        out.add(new ImportProblem(fileName, 0, "", droppedProblems + " further problems not listed (first "
                + MAX_PROBLEMS + " shown)"));
        return out;
    }

    /**
     * Whether any problem was found.
     *
     * @return true when there are problems
     */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /**
     * The file name.
     *
     * @return the name used in problems
     */
    public String fileName() {
        return fileName;
    }

    // ------------------------------------------------------------------ metadata

    /**
     * Takes the design a file carries: arms and visits (only when the study has none), and variable
     * definitions the study lacks.
     *
     * @param meta the metadata
     */
    public void metadata(SourceMetadata meta) {
        if (secondPass) {
            return;
        }
        if (state.arms.isEmpty()) {
            meta.arms.forEach((code, name) -> {
                if (Ids.armProblem(code) == null) {
                    newArms.putIfAbsent(code, name);
                }
            });
        }
        if (state.visits.isEmpty()) {
            meta.visits.forEach((id, label) -> {
                if (Ids.visitProblem(id) == null) {
                    newVisits.putIfAbsent(id, label);
                }
            });
        }
        meta.variables.forEach((name, d) -> {
            if (!state.variables.containsKey(name) && !TrialStore.SUBJECT_FIELDS.contains(name)) {
                metadataVariables.putIfAbsent(name, d);
            }
        });
    }

    // ------------------------------------------------------------------ resolution

    /**
     * Classifies a wide column name (after mapping) and checks its parts, reporting problems at
     * {@code loc}.
     *
     * @param name the target name
     * @param loc the header cell
     * @return the key, or null when the column cannot be used
     */
    public WideKey wideKey(String name, Loc loc) {
        if (TrialStore.SUBJECT_FIELDS.contains(name)) {
            return new WideKey(WideKey.Kind.FIELD, name, null, null, null);
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length == 1) {
            if (!VariableDefinition.isValidName(name)) {
                problem(loc, "not a valid column name '" + name + "': a variable name is a letter, then letters, digits or '_'; "
                        + "answers are <instrument>.<visit>.<item>; map other names with a column mapping");
                return null;
            }
            return new WideKey(WideKey.Kind.VARIABLE, name, null, null, null);
        }
        if (parts.length > 3) {
            problem(loc, "not a valid column name '" + name + "': answers are <instrument>.<visit>.<item>");
            return null;
        }
        Instrument inst = resolveInstrument(parts[0], loc);
        String visit = resolveVisit(parts[1], loc);
        if (inst == null || visit == null) {
            return null;
        }
        String item = resolveItem(inst, parts.length == 3 ? parts[2] : null, visit, loc);
        if (item == null) {
            return null;
        }
        return new WideKey(WideKey.Kind.ANSWER, null, visit, inst.id(), item);
    }

    /**
     * Resolves a visit id (defining it when the study has no visits).
     *
     * @param visit the visit id
     * @param loc where it was read
     * @return the id, or null after reporting a problem
     */
    public String resolveVisit(String visit, Loc loc) {
        String v = visit == null ? "" : visit.strip();
        if (state.visits.contains(v) || newVisits.containsKey(v)) {
            return v;
        }
        if (v.isEmpty()) {
            problem(loc, "empty visit");
            return null;
        }
        if (state.visits.isEmpty() && !secondPass) {
            String p = Ids.visitProblem(v);
            if (p != null) {
                problem(loc, p);
                return null;
            }
            newVisits.put(v, v);
            return v;
        }
        problem(loc, "unknown visit '" + v + "' (visits of the study: " + String.join(", ", state.visits) + ")");
        return null;
    }

    /**
     * Resolves an instrument id.
     *
     * @param instrument the id
     * @param loc where it was read
     * @return the instrument, or null after reporting a problem
     */
    public Instrument resolveInstrument(String instrument, Loc loc) {
        String i = instrument == null ? "" : instrument.strip();
        Optional<Instrument> found = catalog.find(i);
        if (found.isEmpty()) {
            found = catalog.find(i.toLowerCase(Locale.ROOT));
        }
        if (found.isEmpty()) {
            problem(loc, "unknown instrument '" + i + "' (installed: " + catalog.ids() + ")");
            return null;
        }
        return found.get();
    }

    /**
     * Looks an instrument up without reporting anything.
     *
     * @param id the id (case-insensitive)
     * @return the instrument, or null
     */
    public Instrument catalogFind(String id) {
        if (id == null) {
            return null;
        }
        return catalog.find(id.strip()).or(() -> catalog.find(id.strip().toLowerCase(Locale.ROOT))).orElse(null);
    }

    /**
     * Resolves an item of an instrument; an empty item names the only item of a single-item instrument.
     *
     * @param inst the instrument
     * @param item the item id, or null/empty
     * @param visit the visit (for the message)
     * @param loc where it was read
     * @return the item id, or null after reporting a problem
     */
    public String resolveItem(Instrument inst, String item, String visit, Loc loc) {
        String i = item == null ? "" : item.strip();
        if (i.isEmpty()) {
            if (inst.items().size() == 1) {
                return inst.items().get(0).id();
            }
            problem(loc, inst.id() + " has " + inst.items().size() + " items: name one, e.g. " + inst.id() + "." + visit + "."
                    + inst.items().get(0).id() + " (scores are computed, not imported)");
            return null;
        }
        if (inst.item(i).isPresent()) {
            return i;
        }
        List<String> ids = new ArrayList<>();
        for (Item it : inst.items()) {
            ids.add(it.id());
        }
        String list = ids.size() > 12 ? String.join(", ", ids.subList(0, 4)) + ", ..., " + ids.get(ids.size() - 1)
                : String.join(", ", ids);
        problem(loc, "unknown item '" + i + "' of " + inst.id() + " (items: " + list + ")");
        return null;
    }

    // ------------------------------------------------------------------ subjects

    /**
     * Validates a subject and passes it to the consumer. A value that breaks a rule of its field is
     * refused (the subject keeps its other values); two different values for one slot are a conflict
     * and both are refused; a problem with the subject itself (its id) is an error and every value of
     * the subject is refused with it.
     *
     * @param s the subject as read
     * @throws StudyException when the consumer's write fails
     */
    public void accept(RawSubject s) throws StudyException {
        String id = s.id().strip();
        String subjectError = Ids.subjectProblem(id);
        if (subjectError == null) {
            Long first = seenSubjects.putIfAbsent(id, s.idLoc().row());
            if (first != null) {
                subjectError = "duplicate subject " + id + " (first at line " + first + ")";
            } else if (state.subjectIds.contains(id)) {
                subjectError = "subject " + id + " already exists in the study (an import only adds subjects)";
            }
        }
        if (subjectError != null) {
            problem(s.idLoc(), subjectError);
        }
        List<Kept> kept = new ArrayList<>();

        String arm = null;
        SubjectStatus status = SubjectStatus.ENROLLED;
        Integer seq = null;
        String stratum = null;
        LocalDate enrolledOn = null;
        boolean simulated = false;
        for (Map.Entry<String, RawSubject.Cell> f : s.fields().entrySet()) {
            RawSubject.Cell cell = f.getValue();
            String v = cell.raw().strip();
            Loc loc = cell.loc();
            String rule = null;
            switch (f.getKey()) {
                case "arm" -> {
                    rule = armProblem(v);
                    arm = rule == null && !v.isEmpty() ? v : arm;
                }
                case "status" -> {
                    try {
                        status = SubjectStatus.of(v);
                    } catch (IllegalArgumentException e) {
                        rule = e.getMessage();
                    }
                }
                case "allocation_seq" -> {
                    try {
                        double d = Numbers.parseNumber(v);
                        if (d != Math.rint(d) || d < 1 || d > Integer.MAX_VALUE) {
                            throw new NumberFormatException();
                        }
                        int candidate = (int) d;
                        Long firstSeq = seenSeqs.putIfAbsent(candidate, loc.row());
                        if (firstSeq != null) {
                            rule = "allocation_seq " + candidate + " is used twice (first at line " + firstSeq + ")";
                        } else if (state.allocationSeqs.contains(candidate)) {
                            rule = "allocation_seq " + candidate + " is already used by a subject of the study";
                        } else {
                            seq = candidate;
                        }
                    } catch (NumberFormatException e) {
                        rule = "not a whole number 1 or more: '" + v + "'";
                    }
                }
                case "stratum" -> {
                    if (v.length() > 100) {
                        rule = "stratum longer than 100 characters";
                    } else {
                        stratum = v;
                    }
                }
                case "enrolled_on" -> {
                    try {
                        enrolledOn = LocalDate.parse(v);
                    } catch (DateTimeParseException e) {
                        rule = "not a date: '" + v + "' (expected yyyy-mm-dd)";
                    }
                }
                case "simulated" -> {
                    Boolean b = parseBoolean(v);
                    if (b == null) {
                        rule = "not true/false: '" + v + "'";
                    } else {
                        simulated = b;
                    }
                }
                default -> rule = "unknown subject field '" + f.getKey() + "'";
            }
            settle(id, cell, rule, kept);
        }

        Map<String, VariableValue> baseline = new LinkedHashMap<>();
        // first pass: the names of the values that passed in file order, and the values of untyped variables
        List<String> order = secondPass ? null : new ArrayList<>();
        List<String> untypedTexts = null;
        for (Map.Entry<String, RawSubject.Cell> e : s.variables().entrySet()) {
            String name = e.getKey();
            RawSubject.Cell cell = e.getValue();
            String v = cell.raw().strip();
            VariableDefinition d = definition(name);
            String rule = null;
            if (v.length() > MAX_TEXT) {
                // the store keeps at most MAX_TEXT characters a value: refuse it here, never fail the import in the database
                rule = "a value of " + v.length() + " characters: a variable holds at most " + MAX_TEXT;
            } else if (d != null) {
                try {
                    baseline.put(name, d.parse(v));
                } catch (IllegalArgumentException x) {
                    rule = x.getMessage();
                }
            } else if (!VariableDefinition.isValidName(name) || TrialStore.SUBJECT_FIELDS.contains(name)) {
                rule = "not a valid variable name '" + name + "'";
            } else if (!secondPass) {
                inferred.computeIfAbsent(name, k -> new Inference()).add(v);
                if (untypedTexts == null) {
                    untypedTexts = new ArrayList<>();
                }
                untypedTexts.add(v);
            } else {
                rule = "variable " + name + " is not defined";
            }
            if (rule == null && order != null) {
                order.add(name);
            }
            settle(id, cell, rule, kept);
        }

        Map<Slot, List<RawSubject.AnswerCell>> cellsByKey = new LinkedHashMap<>();
        Map<Slot, Double> valueByKey = new HashMap<>();
        Map<String, Instrument> instruments = new HashMap<>();
        Set<Slot> conflicts = new LinkedHashSet<>();
        for (RawSubject.AnswerCell a : s.answers()) {
            Named named = new Named(a.instrument(), a.visit(), a.item());
            Resolved r = resolved.get(named);
            if (r == null) {
                int before = problems.size();
                Instrument inst = resolveInstrument(a.instrument(), a.instrumentLoc());
                String visit = inst == null ? null : resolveVisit(a.visit(), a.visitLoc());
                String item = visit == null ? null : resolveItem(inst, a.item(), visit, a.itemLoc());
                if (item == null) {
                    ImportProblem why = problems.size() > before ? problems.remove(problems.size() - 1)
                            : new ImportProblem(fileName, a.valueLoc().row(), a.valueLoc().column(), "cannot be placed");
                    refuse(id, a.valueLoc(), a.raw(), why.rule(), new Loc(why.record(), why.field()));
                    continue;
                }
                // resolving again would give the same (a visit it defined is known from then on)
                r = new Resolved(inst, new Slot(visit, inst.id(), item));
                resolved.put(named, r);
            }
            Instrument inst = r.instrument();
            Slot key = r.slot();
            double value;
            try {
                value = Numbers.parseNumber(a.raw());
            } catch (NumberFormatException x) {
                refuse(id, a.valueLoc(), a.raw(), inst.id() + " item '" + key.item() + "': not a number: '" + a.raw() + "'");
                continue;
            }
            instruments.put(inst.id(), inst);
            cellsByKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(a);
            Double prev = valueByKey.putIfAbsent(key, value);
            if (prev != null && prev.doubleValue() != value) {
                conflicts.add(key);
            }
        }
        for (Slot key : conflicts) {
            List<RawSubject.AnswerCell> cells = cellsByKey.remove(key);
            StringBuilder both = new StringBuilder();
            for (RawSubject.AnswerCell c : cells) {
                both.append(both.isEmpty() ? "" : " and ").append("'").append(c.raw()).append("' (line ").append(c.valueLoc().row())
                        .append(")");
            }
            for (RawSubject.AnswerCell c : cells) {
                refuse(id, c.valueLoc(), c.raw(), "conflict: " + key.instrument() + "." + key.visit() + "." + key.item() + " of subject "
                        + id + " is given as " + both + "; two values for one answer are not imported");
            }
        }
        Map<String, Map<String, Map<String, Double>>> answers = new LinkedHashMap<>();
        for (Slot key : cellsByKey.keySet()) {
            answers.computeIfAbsent(key.visit(), x -> new LinkedHashMap<>()).computeIfAbsent(key.instrument(), x -> new LinkedHashMap<>())
                    .put(key.item(), valueByKey.get(key));
        }
        List<CheckedAnswers> checked = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<String, Double>>> v : answers.entrySet()) {
            for (Map.Entry<String, Map<String, Double>> i : v.getValue().entrySet()) {
                Instrument inst = instruments.get(i.getKey());
                Map<String, Double> items = i.getValue();
                while (!items.isEmpty()) {
                    try {
                        CheckedAnswers set = answerChecker.check(v.getKey(), inst, items);
                        if (set.size() > 0) {
                            checked.add(set);
                        }
                        break;
                    } catch (InvalidAnswerException x) {
                        boolean removed = false;
                        for (AnswerProblem p : x.problems()) {
                            List<RawSubject.AnswerCell> cells = cellsByKey.remove(new Slot(v.getKey(), inst.id(), p.itemId()));
                            if (cells != null) {
                                removed |= items.remove(p.itemId()) != null;
                                for (RawSubject.AnswerCell c : cells) {
                                    refuse(id, c.valueLoc(), c.raw(), inst.id() + " at " + v.getKey() + ": " + p.describe());
                                }
                            }
                        }
                        if (!removed) {
                            for (AnswerProblem p : x.problems()) {
                                problem(s.idLoc(), inst.id() + " at " + v.getKey() + ": " + p.describe());
                            }
                            subjectError = subjectError == null ? inst.id() + " at " + v.getKey() + " is invalid" : subjectError;
                            break;
                        }
                    }
                }
                if (arm != null && state.scheduleEmpty && !secondPass && !items.isEmpty()) {
                    observedSchedule.add(arm + "\u0000" + v.getKey() + "\u0000" + i.getKey());
                }
            }
        }
        for (List<RawSubject.AnswerCell> cells : cellsByKey.values()) {
            for (RawSubject.AnswerCell c : cells) {
                kept.add(new Kept(List.of(c.valueLoc()), c.raw()));
            }
        }

        List<Observation> observations = new ArrayList<>();
        for (RawSubject.ObservationCell o : s.observations()) {
            String raw = o.cell().raw().strip();
            String visit = "";
            String rule = null;
            if (!o.visit().isEmpty()) {
                int before = problems.size();
                visit = resolveVisit(o.visit(), o.visitLoc());
                if (visit == null) {
                    ImportProblem why = problems.size() > before ? problems.remove(problems.size() - 1) : null;
                    rule = why == null ? "visit '" + o.visit() + "' cannot be placed" : why.rule();
                }
            }
            if (rule == null && raw.length() > MAX_TEXT) {
                rule = "a value of " + raw.length() + " characters: a value holds at most " + MAX_TEXT;
            } else if (rule == null && (o.form().length() > 100 || o.field().length() > 100)) {
                rule = "form or field name longer than 100 characters";
            } else if (rule == null && o.definition() != null) {
                // the source defines the field (REDCap type and choices, ODM DataType and CodeList): checked like a variable
                try {
                    o.definition().parse(raw);
                } catch (IllegalArgumentException x) {
                    rule = x.getMessage();
                }
            }
            if (rule == null) {
                observations.add(Observation.of(o.form(), visit, o.instance(), o.field(), raw));
            }
            settle(id, o.cell(), rule, kept);
        }

        for (RawSubject.Cell k : s.keys()) {
            kept.add(new Kept(k.locs(), k.raw()));
        }
        CheckedSubject record = null;
        Untyped untyped = null;
        if (subjectError == null) {
            subjects++;
            variableValues += baseline.size();
            for (CheckedAnswers a : checked) {
                answerValues += a.size();
            }
            for (Kept k : kept) {
                valuesImported += k.locs().size();
                for (Loc l : k.locs()) {
                    tally(l.column(), 0);
                }
            }
            observationValues += observations.size();
            record = new CheckedSubject(new Subject(id, arm, status, seq, stratum, enrolledOn, simulated), baseline, checked,
                    observations);
            if (untypedTexts != null) {
                untyped = new Untyped(List.copyOf(order), List.copyOf(untypedTexts));
            }
        } else {
            for (Kept k : kept) {
                for (Loc loc : k.locs()) {
                    tally(loc.column(), 1);
                    refused.add(new RefusedValue(fileOf(loc), id, loc.row(), loc.column(), k.raw(),
                            "subject " + id + " not imported: " + subjectError));
                }
            }
        }
        consumer.accept(record, s, untyped);
    }

    /** A value that passed its checks and the source cells it stands for. */
    private record Kept(List<Loc> locs, String raw) {
    }

    /** Keeps a cell that passed (rule null) or refuses every source cell it stands for. */
    private void settle(String id, RawSubject.Cell cell, String rule, List<Kept> kept) {
        if (rule == null) {
            kept.add(new Kept(cell.locs(), cell.raw()));
            return;
        }
        for (Loc l : cell.locs()) {
            refuse(id, l, cell.raw(), rule);
        }
    }

    private String armProblem(String v) {
        if (v.isEmpty()) {
            return null;
        }
        if (state.arms.contains(v) || newArms.containsKey(v)) {
            return null;
        }
        if (state.arms.isEmpty() && !secondPass) {
            String p = Ids.armProblem(v);
            if (p == null) {
                newArms.put(v, v);
            }
            return p;
        }
        return "unknown arm '" + v + "' (arms of the study: " + String.join(", ", state.arms) + ")";
    }

    // ------------------------------------------------------------------ accounting

    /**
     * Counts non-empty source values read (every one must end imported or refused).
     *
     * @param n how many
     */
    public void countRead(long n) {
        valuesRead += n;
    }

    /**
     * Refuses one source value: it is not imported, listed in the report and, unless the user accepts
     * refusals, rejects the file.
     *
     * @param record the record (subject) id, or ""
     * @param loc where it was read
     * @param value the value as read
     * @param reason why
     */
    public void refuse(String record, Loc loc, String value, String reason) {
        refuse(record, loc, value, reason, loc);
    }

    /**
     * Refuses one source value whose problem lies in another cell of its row (e.g. the visit of an
     * answer in the long layout).
     *
     * @param record the record (subject) id, or ""
     * @param loc where the value was read
     * @param value the value as read
     * @param reason why
     * @param problemAt the cell the problem is reported at
     */
    public void refuse(String record, Loc loc, String value, String reason, Loc problemAt) {
        refused.add(new RefusedValue(fileOf(loc), record, loc.row(), loc.column(), value, reason));
        tally(loc.column(), 1);
        if (refusalProblems.size() < MAX_PROBLEMS) {
            refusalProblems.add(new ImportProblem(fileOf(problemAt), problemAt.row(), problemAt.column(), reason));
        }
    }

    /**
     * Refuses a value because an error elsewhere (a column or the file) makes it unusable; the error
     * itself is reported as a problem, so the value is listed only in the report.
     *
     * @param record the record id
     * @param loc where it was read
     * @param value the value
     * @param reason why
     */
    public void refuseQuietly(String record, Loc loc, String value, String reason) {
        refused.add(new RefusedValue(fileOf(loc), record, loc.row(), loc.column(), value, reason));
        tally(loc.column(), 1);
    }

    /**
     * Says which form a source column (a REDCap field, an ODM ItemOID) belongs to and what it becomes,
     * for the preview's mapping per form.
     *
     * @param column the column as values name it ({@link Loc#column()})
     * @param form the form as the file names it
     * @param mapsTo what the column's values become, e.g. "baseline (one value per subject)"
     */
    public void formOfColumn(String column, String form, String mapsTo) {
        if (secondPass || form == null || form.isEmpty()) {
            return;
        }
        columnForms.putIfAbsent(column, form);
        formTargets.computeIfAbsent(form, f -> new LinkedHashSet<>()).add(mapsTo);
    }

    private void tally(String column, int which) {
        String form = column == null ? null : columnForms.get(column);
        if (form != null && !secondPass) {
            formValues.computeIfAbsent(form, f -> new long[2])[which]++;
        }
    }

    /**
     * The mapping per form: each form the source named, what it maps to, and its values to import and
     * refused so far.
     *
     * @return the forms in order of first mention
     */
    public List<org.painlab.trial.exchange.ImportPreview.Form> formMapping() {
        List<org.painlab.trial.exchange.ImportPreview.Form> out = new ArrayList<>();
        formTargets.forEach((form, targets) -> {
            long[] n = formValues.getOrDefault(form, new long[2]);
            out.add(new org.painlab.trial.exchange.ImportPreview.Form(form, String.join("; ", targets), n[0], n[1]));
        });
        return out;
    }

    /**
     * Notes something imported that deserves a look (a cell that looks like a spreadsheet formula, a
     * workbook formula imported as its value); it does not stop the import and is listed in the
     * report's warnings (the first {@value #MAX_WARNINGS}, then a count).
     *
     * @param loc where
     * @param text what
     */
    public void warning(Loc loc, String text) {
        if (secondPass) {
            return;
        }
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(new ImportProblem(fileName, loc.row(), loc.column(), text));
        } else {
            droppedWarnings++;
        }
    }

    /**
     * Takes back values counted as read that a later transaction of the same file replaced or removed
     * (ODM Transactional files): they are left out on purpose, like {@link #skip(String)}.
     *
     * @param n how many values
     * @param why why, e.g. "value replaced by a later Update"
     */
    public void supersede(long n, String why) {
        valuesRead -= n;
        if (!secondPass) {
            skipped.merge(why, n, Long::sum);
        }
    }

    /**
     * Adds a note on something skipped on purpose (shown once).
     *
     * @param text the note
     */
    public void note(String text) {
        if (!secondPass) {
            notes.add(text);
        }
    }

    /**
     * Counts a non-empty source cell left out on purpose and not counted as a value (a column the
     * mapping ignores, REDCap's form bookkeeping); the report's notes give the count per reason.
     *
     * @param what why it was left out, e.g. "column x ignored by the column mapping"
     */
    public void skip(String what) {
        if (!secondPass) {
            skipped.merge(what, 1L, Long::sum);
        }
    }

    /**
     * The refusals as problems (for a rejected file and the preview).
     *
     * @return one problem per refused value, in the order found
     */
    public List<ImportProblem> refusalProblems() {
        return List.copyOf(refusalProblems);
    }

    /**
     * Whether any value was refused.
     *
     * @return true when values were refused
     */
    public boolean hasRefusals() {
        return !refused.isEmpty();
    }

    /**
     * The values refused.
     *
     * @return in the order found
     */
    public List<RefusedValue> refused() {
        return List.copyOf(refused);
    }

    /**
     * The accounting so far.
     *
     * @return values read, imported and refused, with the notes
     */
    public ImportReport report() {
        List<String> all = new ArrayList<>(notes);
        skipped.forEach((what, n) -> all.add(what + " (" + n + (n == 1 ? " value" : " values") + ", not counted as read)"));
        List<ImportProblem> w = new ArrayList<>();
        String created = newVariables();
        if (created != null) {
            w.add(new ImportProblem(fileName, 0, "", created));
        }
        w.addAll(warnings);
        if (droppedWarnings > 0) {
            w.add(new ImportProblem(fileName, 0, "", droppedWarnings + " further warnings not listed (first " + MAX_WARNINGS
                    + " shown)"));
        }
        return new ImportReport(valuesRead, valuesImported, refused, all, w);
    }

    /**
     * The variables this import defines because the study does not (a column or item the study does
     * not know becomes a variable): said in the report so that a misspelt column is seen, not silently
     * kept as a new variable.
     *
     * @return "N new variables: ..." or null when there are none
     */
    String newVariables() {
        if (secondPass) {
            return null;
        }
        Map<String, VariableDefinition> vars = plan().variables();
        if (vars.isEmpty()) {
            return null;
        }
        List<String> named = new ArrayList<>();
        for (VariableDefinition d : vars.values()) {
            if (named.size() == 10) {
                named.add("... " + (vars.size() - 10) + " more");
                break;
            }
            named.add(d.name() + " (" + d.type().name().toLowerCase(Locale.ROOT) + ")");
        }
        return vars.size() + (vars.size() == 1 ? " new variable: " : " new variables: ") + String.join(", ", named)
                + (state.variables.isEmpty() ? " (the study defined no variables; the import defines them)"
                        : " (not defined in the study: the import defines them; if a column is misspelt, rename or map it)");
    }

    private VariableDefinition definition(String name) {
        VariableDefinition d = state.variables.get(name);
        return d != null ? d : metadataVariables.get(name);
    }

    static Boolean parseBoolean(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y" -> Boolean.TRUE;
            case "false", "0", "no", "n" -> Boolean.FALSE;
            default -> null;
        };
    }

    // ------------------------------------------------------------------ results

    /**
     * The design to create before writing (first pass).
     *
     * @return the plan
     */
    public Plan plan() {
        Map<String, VariableDefinition> vars = new LinkedHashMap<>(metadataVariables);
        inferred.forEach((name, inf) -> vars.putIfAbsent(name, inf.definition(name)));
        List<String[]> schedule = new ArrayList<>();
        for (String s : observedSchedule) {
            schedule.add(s.split("\u0000", -1));
        }
        return new Plan(new LinkedHashMap<>(newArms), new LinkedHashMap<>(newVisits), vars, schedule);
    }

    /**
     * Number of valid subjects read.
     *
     * @return the count
     */
    public long subjects() {
        return subjects;
    }

    /**
     * Number of baseline values of the valid subjects.
     *
     * @return the count
     */
    public long variableValues() {
        return variableValues;
    }

    /**
     * Number of answers of the valid subjects.
     *
     * @return the count
     */
    public long answerValues() {
        return answerValues;
    }

    /**
     * Number of observations (values of repeated and per-visit forms) of the valid subjects.
     *
     * @return the count
     */
    public long observationValues() {
        return observationValues;
    }

    /**
     * Design found in the file, to create before the subjects.
     *
     * @param arms arm code to name
     * @param visits visit id to label, in order
     * @param variables variable definitions to create, in order
     * @param schedule observed {arm, visit, instrument} (only when the study has no schedule)
     */
    public record Plan(Map<String, String> arms, Map<String, String> visits, Map<String, VariableDefinition> variables,
            List<String[]> schedule) {
    }

    /** The narrowest type fitting every value of an undefined variable. */
    private static final class Inference {
        boolean numbers = true;
        boolean integers = true;
        boolean dates = true;

        void add(String v) {
            if (numbers) {
                if (Numbers.isNumber(v)) {
                    double d = Numbers.parseNumber(v);
                    integers &= d == Math.rint(d) && Math.abs(d) < 1e15;
                } else {
                    numbers = false;
                    integers = false;
                }
            }
            if (dates) {
                try {
                    LocalDate.parse(v);
                } catch (DateTimeParseException e) {
                    dates = false;
                }
            }
        }

        VariableDefinition definition(String name) {
            VariableType t = integers ? VariableType.INTEGER : numbers ? VariableType.NUMBER
                    : dates ? VariableType.DATE : VariableType.TEXT;
            return VariableDefinition.of(name, name, t, 0);
        }
    }
}
