package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.painlab.core.StudyException;
import org.painlab.core.importer.ImportLimits;
import org.painlab.trial.exchange.ColumnMapping;
import org.painlab.trial.exchange.FormRoute;
import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.VariableDefinition;

/**
 * A REDCap export: the data CSV ("raw" values, one row per record and event) and the project's data
 * dictionary.
 *
 * <p>How fields are read: the first field of the dictionary is the record id (the subject id). A
 * field whose form is an installed instrument (form name = instrument id, e.g. {@code odi}) holds that
 * instrument's item: the field name without the {@code <form>_} prefix is the item id
 * ({@code odi_pain_intensity} → item {@code pain_intensity}). Fields of other forms named like a
 * subject field ({@code arm}, {@code status}, ...) are subject fields; the rest are baseline
 * variables, defined from the dictionary (type from the field type and validation, range from
 * validation min/max, codes from the choices, unit from a field note "unit: ..."). A checkbox field
 * becomes one integer variable per option, named like REDCap's column {@code <field>___<code>}, 1
 * ticked and 0 not ticked. Text validations are read as REDCap writes them (comma decimals, dates and
 * datetimes in every order, see {@link RedcapValues}); a text field without validation stays text.
 *
 * <p>Events: {@code redcap_event_name} gives the visit, the event name without its {@code _arm_N}
 * suffix ({@code month3_arm_1} → {@code month3}), or as recoded by the mapping's {@code visit}
 * values; the suffix gives the subject's arm {@code N} (recoded by the mapping's {@code arm} values)
 * unless a field gives the arm. {@code redcap_data_access_group} gives the subject's stratum (site).
 * A mapping may instead send a field to {@code <instrument>.<item>}, a subject field or a variable
 * name.
 *
 * <p>Accounting: every non-empty cell outside the record id column is a value that is imported or
 * refused with its reason, except REDCap's bookkeeping of forms (form status {@code <form>_complete},
 * survey timestamps, survey identifier) and columns the mapping ignores, which are named in the
 * report's notes. Calculated fields of other forms are imported as REDCap gives them and checked
 * against a recomputation where the formula is arithmetic ({@link CalcFormula}; a difference is a
 * note, not a refusal); calculated fields of instrument forms (the workbench computes scores), file
 * and signature fields (the export holds only a file name) and {@code sql} fields are refused;
 * descriptive fields have no data and are noted.
 *
 * <p>Repeated and per-event forms: the data are read once before anything else to find the forms
 * (not instruments) with values on rows of a repeating instrument or event
 * ({@code redcap_repeat_instrument} / {@code redcap_repeat_instance}) or at two or more events (arm
 * suffix taken off). Their fields are observations: one value per record, form, visit and instance
 * (0 on a plain row), kept apart from the subject's one value per variable, so a form filled at
 * every visit is no conflict. Two different values for one observation slot still are.
 */
public final class RedcapSource implements SubjectSource {
    private static final Pattern ARM_SUFFIX = Pattern.compile("_arm_(\\d+)$");
    private static final String DAG = "redcap_data_access_group";
    /** The field that gives an event's visit date (in the form {@link #VISIT_FORM}). */
    static final String VISIT_DATE = "visit_date";
    /** The form of {@link #VISIT_DATE}. */
    static final String VISIT_FORM = "visit_info";
    /** Whether the dictionary has the visit date field: then it is read as the visits' dates, not a variable. */
    private boolean visitDates;

    private final Path file;
    private final Path dictionaryFile;
    private final ColumnMapping mapping;
    private final ImportLimits limits;
    private final SourceMetadata metadata = new SourceMetadata();

    /**
     * Creates the source.
     *
     * @param file the data CSV
     * @param dictionary the data dictionary CSV
     * @param mapping the column mapping
     */
    public RedcapSource(Path file, Path dictionary, ColumnMapping mapping) {
        this(file, dictionary, mapping, null);
    }

    /**
     * Creates the source with size limits (for the data file and the dictionary).
     *
     * @param file the data CSV
     * @param dictionary the data dictionary CSV
     * @param mapping the column mapping
     * @param limits the size limits (null: {@link ImportLimits#defaults()})
     */
    public RedcapSource(Path file, Path dictionary, ColumnMapping mapping, ImportLimits limits) {
        this.file = file;
        this.dictionaryFile = dictionary;
        this.mapping = mapping;
        this.limits = limits == null ? ImportLimits.defaults() : limits;
    }

    /**
     * Where the dictionary is looked for when none is named: {@code <name>_DataDictionary.csv} beside
     * {@code <name>.csv}; for REDCap's download names ({@code <Project>_DATA_<date>.csv}) the
     * {@code <Project>_DataDictionary_<date>.csv} beside it whose date agrees best with the data's (the
     * newest when several agree as well).
     *
     * @param data the data file
     * @return the dictionary path (possibly not existing)
     */
    public static Path defaultDictionary(Path data) {
        Path abs = data.toAbsolutePath();
        String n = abs.getFileName().toString();
        String stem = n.toLowerCase(Locale.ROOT).endsWith(".csv") ? n.substring(0, n.length() - 4) : n;
        Path plain = abs.resolveSibling(stem + "_DataDictionary.csv");
        int k = stem.lastIndexOf("_DATA");
        if (Files.isRegularFile(plain) || k <= 0 || abs.getParent() == null) {
            return plain;
        }
        String project = stem.substring(0, k);
        String date = stem.substring(k + 5).replaceFirst("^_", "");
        String prefix = project + "_DataDictionary";
        Path best = null;
        int bestScore = -1;
        String bestName = "";
        try (Stream<Path> siblings = Files.list(abs.getParent())) {
            for (Path p : (Iterable<Path>) siblings::iterator) {
                String name = p.getFileName().toString();
                if (!name.startsWith(prefix) || !name.toLowerCase(Locale.ROOT).endsWith(".csv") || !Files.isRegularFile(p)) {
                    continue;
                }
                String rest = name.substring(prefix.length(), name.length() - 4).replaceFirst("^_", "");
                int score = 0;
                while (score < rest.length() && score < date.length() && rest.charAt(score) == date.charAt(score)) {
                    score++;
                }
                if (score > bestScore || (score == bestScore && name.compareTo(bestName) > 0)) {
                    best = p;
                    bestScore = score;
                    bestName = name;
                }
            }
        } catch (IOException e) {
            return plain;
        }
        return best == null ? plain : best;
    }

    @Override
    public String fileName() {
        return file.getFileName().toString();
    }

    @Override
    public SourceMetadata metadata() {
        return metadata;
    }

    /** What a data column holds. */
    private enum Kind {
        FIELD, VARIABLE, ANSWER, OBSERVATION, REFUSED, BAD
    }

    /**
     * What a data column holds: a subject field or variable (name), an answer (instrument, item), a
     * column whose values are refused (reason), or a column that cannot be used (an error, reason).
     */
    private record Role(Kind kind, String name, String instrument, String item, String validation, String reason) {
        /** A field of a repeated or per-event form: {@code instrument} holds the form. */
        static Role observation(String form, String field, String validation) {
            return new Role(Kind.OBSERVATION, field, form, null, validation == null ? "" : validation, null);
        }

        static Role of(Kind kind, String name) {
            return new Role(kind, name, null, null, "", null);
        }

        static Role refused(Kind kind, String reason) {
            return new Role(kind, null, null, null, "", reason);
        }

        Role withValidation(String v) {
            return new Role(kind, name, instrument, item, v == null ? "" : v, reason);
        }
    }

    @Override
    public boolean read(ImportChecker checker, long maxSubjects) throws IOException, StudyException {
        if (!Files.isRegularFile(dictionaryFile)) {
            checker.problem(new Loc(0, ""), "the REDCap data dictionary " + dictionaryFile.getFileName()
                    + " was not found beside the data file: name it with --dictionary");
            return true;
        }
        RedcapDictionary dict = RedcapDictionary.read(dictionaryFile, checker, limits);
        if (dict.fields.isEmpty()) {
            return true;
        }
        String recordId = dict.fields.get(0).name();
        Map<String, Role> roles = new HashMap<>();
        List<CalcCheck> calcs = new ArrayList<>();
        Set<String> forms = new HashSet<>();
        Set<String> dictionaryColumns = new HashSet<>();
        // columns of the forms the mapping ignores, to their form
        Map<String, String> ignoredColumns = new LinkedHashMap<>();
        for (RedcapDictionary.Field f : dict.fields) {
            forms.add(f.form());
            dictionaryColumns.add(f.name());
            Loc dloc = new Loc(f.row(), "Variable / Field Name");
            if (f.name().equals(recordId)) {
                continue;
            }
            if (f.name().equals(VISIT_DATE) && f.form().equals(VISIT_FORM) && !mapping.mentions(VISIT_DATE)) {
                visitDates = true;
                continue;
            }
            if (routed(f.form(), FormRoute.Kind.IGNORE) && !mapping.mentions(f.name())) {
                ignoredColumns.put(f.name(), f.form());
                if (f.type().equals("checkbox")) {
                    f.choices().keySet().forEach(code -> ignoredColumns.put(f.checkboxColumn(code), f.form()));
                }
                continue;
            }
            switch (f.type()) {
                case "descriptive" -> checker.note("descriptive field " + f.name() + " (form " + f.form() + ") skipped: text only, no data");
                case "sql" -> {
                    checker.note("sql field " + f.name() + " (form " + f.form() + ") skipped: its choices come from a database "
                            + "query of REDCap; any value it holds is refused");
                    roles.put(f.name(), Role.refused(Kind.REFUSED, "sql field " + f.name() + ": its choices are a database query "
                            + "of REDCap, not in the dictionary (map it to a variable to import its values)"));
                }
                case "file" -> roles.put(f.name(), Role.refused(Kind.REFUSED, ("signature".equals(f.validation()) ? "signature"
                        : "file upload") + " field " + f.name() + ": the export holds only the file's name, not the file"));
                case "checkbox" -> checkbox(f, checker, dict.fileName, dloc, roles, dictionaryColumns);
                case "calc" -> {
                    Role r = mapping.mentions(f.name()) ? role(f, checker, dict.fileName, dloc) : null;
                    if (r == null && !mapping.mentions(f.name())) {
                        Instrument inst = instrumentOf(f.form(), checker);
                        r = inst != null ? Role.refused(Kind.REFUSED, "calculated field " + f.name() + " of instrument form "
                                + f.form() + ": the workbench computes the instrument's scores itself")
                                : VariableDefinition.isValidName(f.name()) && !TrialStore.SUBJECT_FIELDS.contains(f.name())
                                        ? Role.of(Kind.VARIABLE, f.name()) : null;
                        if (r != null && r.kind() == Kind.VARIABLE) {
                            checker.note("calculated field " + f.name() + " imported as a plain variable (REDCap's formula is not kept)");
                        }
                    }
                    if (r != null) {
                        roles.put(f.name(), r);
                        if (r.kind() == Kind.VARIABLE || r.kind() == Kind.FIELD) {
                            calcs.add(CalcCheck.of(f, checker));
                        }
                    }
                }
                default -> {
                    Role role = role(f, checker, dict.fileName, dloc);
                    if (role != null) {
                        role = role.withValidation(f.validation());
                        roles.put(f.name(), role);
                        if (role.kind() == Kind.VARIABLE) {
                            metadata.variables.put(role.name(), f.variable(role.name()));
                        } else if (role.kind() == Kind.FIELD && role.name().equals("arm")) {
                            f.choices().forEach(metadata.arms::put);
                        }
                    }
                }
            }
        }
        Map<String, String> columnForms = new LinkedHashMap<>();
        for (RedcapDictionary.Field f : dict.fields) {
            columnForms.put(f.name(), f.form());
            if (f.type().equals("checkbox")) {
                f.choices().keySet().forEach(code -> columnForms.put(f.checkboxColumn(code), f.form()));
            }
        }
        Set<String> repeatingForms = new HashSet<>();
        // the definitions of fields that become observations: their values are checked against them
        Map<String, VariableDefinition> observationDefinitions = new HashMap<>();
        Set<String> observed = observedForms(columnForms, recordId, checker, repeatingForms);
        for (Map.Entry<String, Role> e : roles.entrySet()) {
            Role r = e.getValue();
            String form = columnForms.get(e.getKey());
            boolean kept = routed(form, FormRoute.Kind.FORM) || routed(form, FormRoute.Kind.VISIT);
            boolean observation = kept || (observed.contains(form) && !routed(form, FormRoute.Kind.BASELINE));
            if (r != null && r.kind() == Kind.VARIABLE && observation && !mapping.mentions(e.getKey())) {
                VariableDefinition d = metadata.variables.remove(r.name());
                if (d != null) {
                    observationDefinitions.put(e.getKey(), d);
                }
                e.setValue(Role.observation(form, e.getKey(), r.validation()));
            }
        }
        for (Map.Entry<String, String> c : columnForms.entrySet()) {
            if (!c.getKey().equals(recordId) && roles.containsKey(c.getKey())) {
                checker.formOfColumn(c.getKey(), c.getValue(), mapsTo(roles.get(c.getKey()), repeatingForms, fixedVisit(c.getValue())));
            } else if (ignoredColumns.containsKey(c.getKey())) {
                checker.formOfColumn(c.getKey(), c.getValue(), "ignored by the mapping");
            }
        }
        checkFormRoutes(checker, forms);
        for (String form : observed) {
            if (mapping.route(form).isPresent()) {
                continue;
            }
            checker.note("form " + form + " is repeated or filled at several events: its fields are imported as observations "
                    + "with their event and instance (not as one value per subject)");
        }
        checker.metadata(metadata);

        Map<String, RawSubject> subjects = new LinkedHashMap<>();
        Map<Integer, String> eventArms = new TreeMap<>();
        Map<String, String> firstEvent = new HashMap<>();
        boolean complete = true;
        try (TableReader t = new CsvTableReader(file, checker::warning, limits)) {
            String[] header = t.next();
            if (header == null) {
                checker.problem(new Loc(0, ""), "the data file is empty");
                return true;
            }
            long hr = t.row();
            int n = header.length;
            Role[] cols = new Role[n];
            // the visit the mapping's forms give a column's values, null: the row's event
            String[] fixedVisits = new String[n];
            boolean[] counted = new boolean[n];
            String[] skipWhy = new String[n];
            String[] names = new String[n];
            int idCol = -1;
            int eventCol = -1;
            List<Integer> repeatCols = new ArrayList<>();
            boolean armField = false;
            for (int i = 0; i < n; i++) {
                String h = TableSource.header(header, i);
                names[i] = h.isEmpty() ? TableSource.columnLabel(i) : h;
                counted[i] = true;
                if (h.isEmpty()) {
                    cols[i] = Role.refused(Kind.BAD, "a value in a column without a header");
                } else if (h.equals(recordId)) {
                    idCol = i;
                    counted[i] = false;
                } else if (mapping.target(h).isEmpty()) {
                    counted[i] = false;
                    skipWhy[i] = "column " + h + " ignored by the column mapping";
                } else if (h.equals("redcap_event_name")) {
                    eventCol = i;
                } else if (h.equals("redcap_repeat_instrument") || h.equals("redcap_repeat_instance")) {
                    repeatCols.add(i);
                } else if (visitDates && h.equals(VISIT_DATE)) {
                    counted[i] = false;
                    skipWhy[i] = "column " + VISIT_DATE + " (form " + VISIT_FORM + "): read as the date of each event's visit";
                } else if (h.equals(DAG)) {
                    cols[i] = dagRole(checker, new Loc(hr, h));
                } else if (h.equals("redcap_survey_identifier") || (h.endsWith("_complete") && forms.contains(h.substring(0, h.length() - 9)))
                        || (h.endsWith("_timestamp") && forms.contains(h.substring(0, h.length() - 10)))) {
                    counted[i] = false;
                    skipWhy[i] = "column " + h + ": REDCap's bookkeeping of forms (form status, survey timestamp or identifier) "
                            + "is not imported";
                } else if (ignoredColumns.containsKey(h)) {
                    counted[i] = false;
                    skipWhy[i] = "form " + ignoredColumns.get(h) + " ignored by the mapping (forms)";
                } else if (roles.containsKey(h) && roles.get(h) == null) {
                    counted[i] = false;
                    skipWhy[i] = "column " + h + " ignored by the column mapping";
                } else if (roles.containsKey(h)) {
                    cols[i] = roles.get(h);
                } else if (dictionaryColumns.contains(h)) {
                    cols[i] = Role.refused(Kind.BAD, "field " + h + " cannot be imported (see the problem reported for it "
                            + "in " + dict.fileName + ")");
                } else {
                    String rule = "column " + h + " is not a field of the data dictionary " + dict.fileName
                            + " (ignore it in the column mapping)";
                    checker.problem(new Loc(hr, h), rule);
                    cols[i] = Role.refused(Kind.BAD, rule);
                }
                armField |= cols[i] != null && cols[i].kind() == Kind.FIELD && "arm".equals(cols[i].name());
                fixedVisits[i] = columnForms.containsKey(h) ? fixedVisit(columnForms.get(h)) : null;
            }
            Map<String, Integer> columnIndex = new HashMap<>();
            for (int i = 0; i < n; i++) {
                columnIndex.putIfAbsent(names[i], i);
            }
            if (idCol < 0) {
                checker.problem(new Loc(hr, recordId), "no column for the record id field " + recordId
                        + " (the first field of the data dictionary)");
                return true;
            }
            boolean answers = false;
            for (int i = 0; i < n; i++) {
                answers |= cols[i] != null && cols[i].kind() == Kind.ANSWER && fixedVisits[i] == null;
            }
            if (eventCol < 0 && answers) {
                checker.problem(new Loc(hr, "redcap_event_name"), "no redcap_event_name column: instrument answers need "
                        + "the event (visit) they belong to; export a longitudinal project with its events");
                return true;
            }
            String[] row;
            while ((row = t.next()) != null) {
                if (TableSource.blank(row)) {
                    continue;
                }
                long r = t.row();
                List<Integer> present = new ArrayList<>();
                for (int i = 0; i < Math.max(n, row.length); i++) {
                    if (TableSource.cell(row, i).isEmpty()) {
                        continue;
                    }
                    if (i >= n || counted[i]) {
                        present.add(i);
                    } else if (skipWhy[i] != null) {
                        checker.skip(skipWhy[i]);
                    }
                }
                String id = mapping.recode("subject_id", TableSource.cell(row, idCol));
                if (id.isEmpty()) {
                    checker.problem(new Loc(r, recordId), "empty record id");
                    checker.countRead(present.size());
                    for (int i : present) {
                        checker.refuseQuietly("", new Loc(r, label(names, i)), TableSource.cell(row, i), "the row has no record id");
                    }
                    continue;
                }
                RawSubject s = subjects.get(id);
                if (s == null) {
                    if (maxSubjects >= 0 && subjects.size() >= maxSubjects) {
                        complete = false;
                        break;
                    }
                    s = new RawSubject(id, new Loc(r, recordId));
                    subjects.put(id, s);
                }
                checker.countRead(present.size());
                String repeat = repeat(row, repeatCols, names);
                int instance = 0;
                if (repeat != null) {
                    instance = instance(row, repeatCols, names);
                    if (instance <= 0) {
                        for (int i : present) {
                            checker.refuse(id, new Loc(r, label(names, i)), TableSource.cell(row, i), "a row of a repeating "
                                    + "instrument or event (" + repeat + ") without a valid redcap_repeat_instance (a whole number 1 or more)");
                        }
                        continue;
                    }
                }
                String event = eventCol < 0 ? "" : TableSource.cell(row, eventCol);
                String visit = visit(event);
                for (CalcCheck c : calcs) {
                    c.check(row, r, id, columnIndex, cols);
                }
                for (int i : present) {
                    String v = TableSource.cell(row, i);
                    Loc loc = new Loc(r, label(names, i));
                    if (i == eventCol) {
                        event(checker, s, event, loc, armField, eventArms);
                        continue;
                    }
                    if (repeatCols.contains(i)) {
                        // locates the row's values like the event does
                        s.keys().add(new RawSubject.Cell(v, loc));
                        continue;
                    }
                    Role role = i < n ? cols[i] : Role.refused(Kind.BAD, "a value in a column without a header");
                    if (role == null) {
                        checker.refuse(id, loc, v, "column " + names[i] + " cannot be placed");
                        continue;
                    }
                    switch (role.kind()) {
                        case BAD -> {
                            if (i >= n || names[i].startsWith("column ")) {
                                checker.problem(loc, "a value in a column without a header: '" + v + "'");
                            }
                            checker.refuseQuietly(id, loc, v, role.reason());
                        }
                        case REFUSED -> checker.refuse(id, loc, v, role.reason());
                        case OBSERVATION -> {
                            String x = RedcapValues.normalize(role.validation(), mapping.recode(role.name(), v).strip());
                            if (x.isEmpty()) {
                                checker.refuse(id, loc, v, "recoded to empty by the column mapping");
                                continue;
                            }
                            s.observe(new RawSubject.ObservationCell(role.instrument(), i < n && fixedVisits[i] != null ? fixedVisits[i] : visit,
                                    new Loc(r, "redcap_event_name"), instance,
                                    role.name(), new RawSubject.Cell(x, loc), observationDefinitions.get(names[i])), checker);
                        }
                        case ANSWER -> {
                            if (instance > 0) {
                                checker.refuse(id, loc, v, "an answer of instrument " + role.instrument() + " on a row of a repeating "
                                        + "instrument or event (" + repeat + "): an instrument holds one answer per visit");
                                continue;
                            }
                            String at = i < n && fixedVisits[i] != null ? fixedVisits[i] : visit;
                            if (at.isEmpty()) {
                                checker.refuse(id, loc, v, "no event on this row for an answer of " + names[i]);
                                continue;
                            }
                            String x = mapping.recode(role.instrument() + "." + at + "." + role.item(), v).strip();
                            if (x.isEmpty()) {
                                checker.refuse(id, loc, v, "recoded to empty by the column mapping");
                                continue;
                            }
                            s.answers().add(new RawSubject.AnswerCell(at, new Loc(r, "redcap_event_name"), role.instrument(), loc,
                                    role.item(), loc, x, loc));
                        }
                        case FIELD, VARIABLE -> {
                            String x = RedcapValues.normalize(role.validation(), mapping.recode(role.name(), v).strip());
                            if (x.isEmpty()) {
                                checker.refuse(id, loc, v, "recoded to empty by the column mapping");
                                continue;
                            }
                            String slot = id + "\u0000" + role.name();
                            if (!event.isEmpty()) {
                                firstEvent.putIfAbsent(slot, event);
                            }
                            String current = event;
                            s.put(role.kind() == Kind.FIELD ? s.fields() : s.variables(), role.name(), x, loc, checker,
                                    () -> current.isEmpty() ? "" : " (events " + firstEvent.get(slot) + " and " + current
                                            + ": a field of a form that is not an instrument holds one value per subject; per-event "
                                            + "values of such forms are not imported yet)");
                        }
                    }
                }
            }
        } catch (TableFormatException e) {
            checker.problem(e.loc(), e.getMessage());
            return true;
        }
        for (CalcCheck c : calcs) {
            c.report(checker);
        }
        if (!eventArms.isEmpty()) {
            eventArms.forEach((num, code) -> metadata.arms.putIfAbsent(code, "Arm " + num));
            checker.metadata(metadata);
        }
        for (RawSubject s : subjects.values()) {
            checker.accept(s);
        }
        return complete;
    }

    /**
     * Checks a calculated field's values against a recomputation of its formula on the same row's
     * fields, when the formula is simple arithmetic ({@link CalcFormula}). A value that differs is
     * imported as REDCap gives it (REDCap computed it, perhaps before a field was corrected) and named
     * in the report's notes; a formula that cannot be recomputed is noted once as not checked.
     */
    private static final class CalcCheck {
        final RedcapDictionary.Field field;
        final CalcFormula formula;
        long checked;
        long differ;
        String first;

        private CalcCheck(RedcapDictionary.Field field, CalcFormula formula) {
            this.field = field;
            this.formula = formula;
        }

        static CalcCheck of(RedcapDictionary.Field f, ImportChecker checker) {
            try {
                return new CalcCheck(f, CalcFormula.parse(f.calculation()));
            } catch (CalcFormula.Unsupported e) {
                checker.note("calculated field " + f.name() + " (form " + f.form() + "): its formula " + f.calculation()
                        + " is not checked (the workbench recomputes only arithmetic on fields; it met " + e.getMessage()
                        + "); its values are imported as REDCap gives them");
                return new CalcCheck(f, null);
            }
        }

        void check(String[] row, long line, String record, Map<String, Integer> columnIndex, Role[] cols) {
            Integer at = columnIndex.get(field.name());
            if (formula == null || at == null) {
                return;
            }
            String given = RedcapValues.normalize("number", TableSource.cell(row, at).strip());
            if (given.isEmpty() || !org.painlab.trial.store.Numbers.isNumber(given)) {
                return;
            }
            Map<String, Double> values = new HashMap<>();
            for (String f : formula.fields()) {
                Integer k = columnIndex.get(f);
                if (k == null) {
                    return;
                }
                String validation = k < cols.length && cols[k] != null ? cols[k].validation() : "";
                String v = RedcapValues.normalize(validation, TableSource.cell(row, k).strip());
                if (v.isEmpty() || !org.painlab.trial.store.Numbers.isNumber(v)) {
                    // REDCap leaves a formula on an empty field empty: nothing to compare
                    return;
                }
                values.put(f, org.painlab.trial.store.Numbers.parseNumber(v));
            }
            double expected = formula.compute(values);
            double actual = org.painlab.trial.store.Numbers.parseNumber(given);
            checked++;
            if (Double.isNaN(expected) || Math.abs(expected - actual) > 1e-9 * Math.max(1, Math.abs(expected))) {
                differ++;
                if (first == null) {
                    first = "record " + record + " line " + line + ": " + TableSource.cell(row, at).strip() + " in the file, "
                            + org.painlab.trial.store.Numbers.format(expected) + " recomputed";
                }
            }
        }

        void report(ImportChecker checker) {
            if (formula == null || checked == 0) {
                return;
            }
            if (differ == 0) {
                checker.note("calculated field " + field.name() + ": all " + checked + " values agree with a recomputation of "
                        + field.calculation());
            } else {
                checker.note("calculated field " + field.name() + ": " + differ + " of " + checked + " values differ from a "
                        + "recomputation of " + field.calculation() + " (first: " + first + "); imported as REDCap gives them");
            }
        }
    }

    private static String label(String[] names, int i) {
        return i < names.length ? names[i] : TableSource.columnLabel(i);
    }

    /** The refusal reason for a row of a repeating instrument or event, or null for a plain row. */
    private static String repeat(String[] row, List<Integer> repeatCols, String[] names) {
        StringBuilder sb = new StringBuilder();
        for (int c : repeatCols) {
            String v = TableSource.cell(row, c);
            if (!v.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(names[c]).append(" ").append(v);
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** The row's redcap_repeat_instance, or 0 when it is missing or not a whole number 1 or more. */
    private static int instance(String[] row, List<Integer> repeatCols, String[] names) {
        for (int c : repeatCols) {
            if (names[c].equals("redcap_repeat_instance")) {
                String v = TableSource.cell(row, c).strip();
                try {
                    double d = Double.parseDouble(v);
                    return d == Math.rint(d) && d >= 1 && d <= Integer.MAX_VALUE ? (int) d : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /**
     * The forms (not instruments) whose fields are observations: forms with values on rows of a
     * repeating instrument or event, and forms with values at two or more events (after the arm
     * suffix is taken off). Read from the data before anything else, so the file's design is known.
     */
    /** What a column's values become, for the preview's mapping per form. */
    private static String mapsTo(Role r, Set<String> repeatingForms, String fixedVisit) {
        if (r == null) {
            return "ignored by the column mapping";
        }
        return switch (r.kind()) {
            case FIELD -> "subject field " + r.name();
            case VARIABLE -> "baseline (one value per subject)";
            case ANSWER -> "instrument " + r.instrument() + (fixedVisit != null ? " at visit " + fixedVisit : " (answers per visit)");
            case OBSERVATION -> fixedVisit != null ? "own form at visit " + fixedVisit
                    + (repeatingForms.contains(r.instrument()) ? " (instances)" : "")
                    : repeatingForms.contains(r.instrument()) ? "own form, repeating (instances)" : "own form, per visit";
            case REFUSED, BAD -> "not imported (" + (r.reason() == null ? "refused" : r.reason().split(":")[0]) + ")";
        };
    }

    private Set<String> observedForms(Map<String, String> columnForms, String recordId, ImportChecker checker,
            Set<String> repeatingForms) throws IOException {
        Set<String> out = new java.util.LinkedHashSet<>();
        Map<String, Set<String>> visits = new HashMap<>();
        Map<String, Boolean> isInstrument = new HashMap<>();
        try (TableReader t = new CsvTableReader(file, limits)) {
            String[] header = t.next();
            if (header == null) {
                return out;
            }
            int eventCol = -1;
            int instrumentCol = -1;
            int instanceCol = -1;
            String[] forms = new String[header.length];
            for (int i = 0; i < header.length; i++) {
                String h = TableSource.header(header, i);
                switch (h) {
                    case "redcap_event_name" -> eventCol = i;
                    case "redcap_repeat_instrument" -> instrumentCol = i;
                    case "redcap_repeat_instance" -> instanceCol = i;
                    default -> {
                        String form = columnForms.get(h);
                        if (form != null && !h.equals(recordId) && !TrialStore.SUBJECT_FIELDS.contains(h)
                                && !isInstrument.computeIfAbsent(form, f -> instrumentOf(f, checker) != null)) {
                            forms[i] = form;
                        }
                    }
                }
            }
            String[] row;
            while ((row = t.next()) != null) {
                String visit = eventCol < 0 ? "" : visit(TableSource.cell(row, eventCol));
                boolean repeated = (instrumentCol >= 0 && !TableSource.cell(row, instrumentCol).isEmpty())
                        || (instanceCol >= 0 && !TableSource.cell(row, instanceCol).isEmpty());
                for (int i = 0; i < forms.length; i++) {
                    if (forms[i] == null || TableSource.cell(row, i).isEmpty()) {
                        continue;
                    }
                    if (repeated) {
                        out.add(forms[i]);
                        repeatingForms.add(forms[i]);
                    } else if (!visit.isEmpty() && visits.computeIfAbsent(forms[i], f -> new HashSet<>()).add(visit)
                            && visits.get(forms[i]).size() == 2) {
                        out.add(forms[i]);
                    }
                }
            }
        } catch (TableFormatException e) {
            // reported with its line when the rows are read
        }
        return out;
    }

    /**
     * The event cell: its {@code _arm_N} suffix is the subject's arm N (a conflict when a record is in
     * two arms), unless a field gives the arm; then the event only places the row's values.
     */
    private void event(ImportChecker checker, RawSubject s, String event, Loc loc, boolean armField, Map<Integer, String> eventArms) {
        Matcher m = ARM_SUFFIX.matcher(event);
        if (!m.find()) {
            s.keys().add(new RawSubject.Cell(event, loc));
            return;
        }
        int num = Integer.parseInt(m.group(1));
        String code = mapping.recode("arm", Integer.toString(num)).strip();
        if (armField) {
            if (num == 1) {
                s.keys().add(new RawSubject.Cell(event, loc));
            } else {
                checker.refuse(s.id(), loc, event, "record " + s.id() + " is in REDCap arm " + num + " but its arm comes from a "
                        + "field of the file; ignore that field in the column mapping to take the arm from the events");
            }
            return;
        }
        eventArms.putIfAbsent(num, code);
        s.put(s.fields(), "arm", code, loc, checker);
    }

    private Role dagRole(ImportChecker checker, Loc loc) {
        if (!mapping.mentions(DAG)) {
            return Role.of(Kind.FIELD, "stratum");
        }
        String t = mapping.target(DAG).orElse("");
        if (TrialStore.SUBJECT_FIELDS.contains(t) && !t.equals("subject_id")) {
            return Role.of(Kind.FIELD, t);
        }
        if (VariableDefinition.isValidName(t) && !t.contains(".")) {
            return Role.of(Kind.VARIABLE, t);
        }
        String rule = "mapping target '" + t + "' of " + DAG + " is not a subject field or a variable name";
        checker.problem(loc, rule);
        return Role.refused(Kind.BAD, rule);
    }

    private void checkbox(RedcapDictionary.Field f, ImportChecker checker, String dictName, Loc dloc, Map<String, Role> roles,
            Set<String> dictionaryColumns) {
        if (mapping.mentions(f.name()) && mapping.target(f.name()).isEmpty()) {
            for (String code : f.choices().keySet()) {
                roles.put(f.checkboxColumn(code), null);
                dictionaryColumns.add(f.checkboxColumn(code));
            }
            checker.note("checkbox field " + f.name() + " ignored by the column mapping");
            return;
        }
        if (f.choices().isEmpty()) {
            checker.problem(dictName, dloc, "checkbox field " + f.name() + " has no choices");
            return;
        }
        for (String code : f.choices().keySet()) {
            String col = f.checkboxColumn(code);
            dictionaryColumns.add(col);
            if (!VariableDefinition.isValidName(col)) {
                checker.problem(dictName, dloc, "checkbox field " + f.name() + ": option column " + col
                        + " is not a valid variable name (map it in the column mapping)");
                continue;
            }
            String name = col;
            if (mapping.mentions(col)) {
                String t = mapping.target(col).orElse("");
                if (t.isEmpty()) {
                    continue;
                }
                if (!VariableDefinition.isValidName(t)) {
                    checker.problem(dictName, dloc, "mapping target '" + t + "' of checkbox option " + col
                            + " is not a variable name (an option is a 0/1 variable)");
                    continue;
                }
                name = t;
            }
            roles.put(col, Role.of(Kind.VARIABLE, name));
            metadata.variables.put(name, f.checkboxOption(name, code));
        }
    }

    /**
     * The visit dates of the field {@code visit_date} of the form {@code visit_info}, one per record and
     * event (REDCap has no place for visit locks, the screening log or the allocation list in a data
     * export).
     */
    @Override
    public StudyRecords records(ImportChecker checker) throws IOException {
        StudyRecords r = new StudyRecords();
        if (!visitDates) {
            return r;
        }
        String name = fileName();
        try (TableReader t = new CsvTableReader(file, limits)) {
            String[] header = t.next();
            int eventCol = -1;
            int dateCol = -1;
            for (int i = 0; header != null && i < header.length; i++) {
                String h = TableSource.header(header, i);
                eventCol = h.equals("redcap_event_name") ? i : eventCol;
                dateCol = h.equals(VISIT_DATE) ? i : dateCol;
            }
            if (eventCol < 0 || dateCol < 0) {
                return r;
            }
            Set<String> seen = new HashSet<>();
            String[] row;
            while ((row = t.next()) != null) {
                String d = TableSource.cell(row, dateCol);
                if (d.isEmpty()) {
                    continue;
                }
                String subject = mapping.recode("subject_id", TableSource.cell(row, 0));
                String visit = visit(TableSource.cell(row, eventCol));
                java.time.LocalDate date;
                try {
                    date = java.time.LocalDate.parse(d);
                } catch (java.time.format.DateTimeParseException e) {
                    date = null;
                }
                if (date == null) {
                    checker.problem(new Loc(t.row(), VISIT_DATE), "not a date (yyyy-mm-dd): '" + d + "'");
                } else if (!seen.add(subject + "\u0000" + visit)) {
                    checker.problem(new Loc(t.row(), VISIT_DATE), "a second visit date for event " + visit + " of record " + subject);
                } else {
                    r.visits.add(new org.painlab.trial.store.SubjectVisit(subject, visit, date, false));
                }
            }
        }
        if (!r.isEmpty()) {
            r.readFrom.add(name);
            checker.note("study records read from " + name + ": " + r.describe());
        }
        return r;
    }

    /** Whether the mapping's forms give the form this routing. */
    private boolean routed(String form, FormRoute.Kind kind) {
        return mapping.route(form).filter(r -> r.kind() == kind).isPresent();
    }

    /** The visit the mapping's forms send a form's values to, or null: the event's. */
    private String fixedVisit(String form) {
        return mapping.route(form).filter(r -> r.kind() == FormRoute.Kind.VISIT).map(FormRoute::id).orElse(null);
    }

    /**
     * The instrument whose answers a form holds: the one the mapping routes it to, none when the
     * mapping sends it to the baseline, its own form or ignores it, else the installed instrument the
     * form (recoded by the mapping's instrument values) is named after.
     */
    private Instrument instrumentOf(String form, ImportChecker checker) {
        FormRoute r = mapping.route(form).orElse(null);
        if (r != null && r.kind() == FormRoute.Kind.INSTRUMENT) {
            return checker.catalogFind(r.id());
        }
        if (r != null && r.kind() != FormRoute.Kind.VISIT) {
            return null;
        }
        return checker.catalogFind(mapping.recode("instrument", form));
    }

    /** A form the mapping routes that the dictionary does not have, or an instrument that is not installed, is a problem of the mapping. */
    private void checkFormRoutes(ImportChecker checker, Set<String> forms) {
        for (Map.Entry<String, FormRoute> e : mapping.forms().entrySet()) {
            Loc at = new Loc(0, "forms." + e.getKey());
            if (!forms.contains(e.getKey())) {
                checker.problem(mapping.source(), at, "form " + e.getKey() + " is not a form (instrument) of the data dictionary "
                        + dictionaryFile.getFileName() + "; its forms: " + String.join(", ", new java.util.TreeSet<>(forms)));
            } else if (e.getValue().kind() == FormRoute.Kind.INSTRUMENT && checker.catalogFind(e.getValue().id()) == null) {
                checker.problem(mapping.source(), at, "form " + e.getKey() + ": no installed instrument '" + e.getValue().id() + "'");
            } else if (e.getValue().kind() == FormRoute.Kind.VISIT && org.painlab.trial.store.Ids.visitProblem(e.getValue().id()) != null) {
                checker.problem(mapping.source(), at, "form " + e.getKey() + ": " + org.painlab.trial.store.Ids.visitProblem(e.getValue().id()));
            }
        }
    }

    private String visit(String event) {
        String recoded = mapping.recode("visit", event);
        if (!recoded.equals(event)) {
            return recoded.strip();
        }
        return ARM_SUFFIX.matcher(event).replaceFirst("");
    }

    private Role role(RedcapDictionary.Field f, ImportChecker checker, String dictName, Loc dloc) {
        if (mapping.mentions(f.name())) {
            var target = mapping.target(f.name());
            if (target.isEmpty()) {
                return null;
            }
            String t = target.get();
            if (TrialStore.SUBJECT_FIELDS.contains(t)) {
                return t.equals("subject_id") ? null : Role.of(Kind.FIELD, t);
            }
            String[] parts = t.split("\\.", -1);
            if (parts.length == 2) {
                Instrument inst = checker.resolveInstrument(parts[0], dloc);
                if (inst == null) {
                    return null;
                }
                String item = checker.resolveItem(inst, parts[1], "<event>", dloc);
                return item == null ? null : new Role(Kind.ANSWER, null, inst.id(), item, "", null);
            }
            if (parts.length == 1 && VariableDefinition.isValidName(t)) {
                return Role.of(Kind.VARIABLE, t);
            }
            checker.problem(dictName, dloc, "mapping target '" + t + "' of field " + f.name()
                    + " is not a subject field, a variable name or <instrument>.<item>");
            return null;
        }
        String form = routed(f.form(), FormRoute.Kind.INSTRUMENT) ? mapping.route(f.form()).orElseThrow().id()
                : mapping.recode("instrument", f.form());
        Instrument inst = instrumentOf(f.form(), checker);
        if (inst != null) {
            String item = null;
            for (String prefix : new String[] {form + "_", f.form() + "_", inst.id() + "_"}) {
                if (f.name().startsWith(prefix) && inst.item(f.name().substring(prefix.length())).isPresent()) {
                    item = f.name().substring(prefix.length());
                    break;
                }
            }
            if (item == null && inst.item(f.name()).isPresent()) {
                item = f.name();
            }
            if (item == null) {
                checker.problem(dictName, dloc, "field " + f.name() + " of form " + f.form() + " is not an item of "
                        + inst.id() + " (expected " + inst.id() + "_<item>; map it in the column mapping)");
                return null;
            }
            return new Role(Kind.ANSWER, null, inst.id(), item, "", null);
        }
        if (TrialStore.SUBJECT_FIELDS.contains(f.name())) {
            return Role.of(Kind.FIELD, f.name());
        }
        if (!VariableDefinition.isValidName(f.name())) {
            checker.problem(dictName, dloc, "field name " + f.name() + " is not a valid variable name");
            return null;
        }
        return Role.of(Kind.VARIABLE, f.name());
    }
}
