package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.painlab.core.StudyException;
import org.painlab.trial.exchange.ColumnMapping;
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
 * validation min/max, codes from the choices, unit from a field note "unit: ..."). The
 * {@code redcap_event_name} gives the visit: the event name without its {@code _arm_N} suffix
 * ({@code month3_arm_1} → {@code month3}), or as recoded by the mapping's {@code visit} values. A
 * mapping may instead send a field to {@code <instrument>.<item>}, a subject field or a variable name.
 * Form-status ({@code <form>_complete}), timestamp, survey and data-access-group columns are ignored;
 * descriptive, calculated and file fields are skipped (derived or not data); checkbox fields and
 * repeating instruments are refused.
 */
public final class RedcapSource implements SubjectSource {
    private static final Pattern ARM_SUFFIX = Pattern.compile("_arm_\\d+$");
    private static final Set<String> IGNORED = Set.of("redcap_data_access_group", "redcap_survey_identifier");

    private final Path file;
    private final Path dictionaryFile;
    private final ColumnMapping mapping;
    private final SourceMetadata metadata = new SourceMetadata();

    /**
     * Creates the source.
     *
     * @param file the data CSV
     * @param dictionary the data dictionary CSV
     * @param mapping the column mapping
     */
    public RedcapSource(Path file, Path dictionary, ColumnMapping mapping) {
        this.file = file;
        this.dictionaryFile = dictionary;
        this.mapping = mapping;
    }

    /**
     * Where the dictionary is looked for when none is named: {@code <data file name without .csv>_DataDictionary.csv}
     * beside the data file.
     *
     * @param data the data file
     * @return the dictionary path
     */
    public static Path defaultDictionary(Path data) {
        String n = data.getFileName().toString();
        String stem = n.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? n.substring(0, n.length() - 4) : n;
        return data.toAbsolutePath().resolveSibling(stem + "_DataDictionary.csv");
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
    private record Role(String kind, String name, String instrument, String item) {
    }

    @Override
    public boolean read(ImportChecker checker, long maxSubjects) throws IOException, StudyException {
        if (!Files.isRegularFile(dictionaryFile)) {
            checker.problem(new Loc(0, ""), "the REDCap data dictionary " + dictionaryFile.getFileName()
                    + " was not found beside the data file: name it with --dictionary");
            return true;
        }
        RedcapDictionary dict = RedcapDictionary.read(dictionaryFile, checker);
        if (dict.fields.isEmpty()) {
            return true;
        }
        String recordId = dict.fields.get(0).name();
        Map<String, Role> roles = new HashMap<>();
        Set<String> forms = new HashSet<>();
        for (RedcapDictionary.Field f : dict.fields) {
            forms.add(f.form());
            Loc dloc = new Loc(f.row(), "Variable / Field Name");
            if (f.name().equals(recordId)) {
                roles.put(f.name(), new Role("id", "subject_id", null, null));
                continue;
            }
            if (f.type().equals("checkbox")) {
                checker.problem(dict.fileName, dloc, "field " + f.name() + ": checkbox fields are not supported (use radio or yesno fields)");
                continue;
            }
            if (f.holdsNoData()) {
                continue;
            }
            Role role = role(f, checker, dict.fileName, dloc);
            if (role != null) {
                roles.put(f.name(), role);
                if (role.kind().equals("variable")) {
                    VariableDefinition d = f.variable(role.name());
                    metadata.variables.put(role.name(), d);
                } else if (role.kind().equals("field") && role.name().equals("arm")) {
                    f.choices().forEach(metadata.arms::put);
                }
            }
        }
        checker.metadata(metadata);

        Map<String, RawSubject> subjects = new LinkedHashMap<>();
        Map<String, String[]> firstValue = new HashMap<>();
        boolean complete = true;
        try (TableReader t = new CsvTableReader(file)) {
            String[] header = t.next();
            if (header == null) {
                checker.problem(new Loc(0, ""), "the data file is empty");
                return true;
            }
            long hr = t.row();
            int n = header.length;
            Role[] cols = new Role[n];
            String[] names = new String[n];
            int idCol = -1;
            int eventCol = -1;
            int repeatCol = -1;
            for (int i = 0; i < n; i++) {
                String h = TableSource.header(header, i);
                names[i] = h;
                if (h.isEmpty() || mapping.target(h).isEmpty()) {
                    continue;
                }
                if (h.equals(recordId)) {
                    idCol = i;
                } else if (h.equals("redcap_event_name")) {
                    eventCol = i;
                } else if (h.equals("redcap_repeat_instrument") || h.equals("redcap_repeat_instance")) {
                    repeatCol = i;
                } else if (IGNORED.contains(h) || (h.endsWith("_complete") && forms.contains(h.substring(0, h.length() - 9)))
                        || (h.endsWith("_timestamp") && forms.contains(h.substring(0, h.length() - 10)))) {
                    continue;
                } else if (roles.containsKey(h)) {
                    cols[i] = roles.get(h);
                } else if (h.contains("___") && roles.containsKey(h.substring(0, h.indexOf("___")))) {
                    continue;
                } else if (dict.fields.stream().anyMatch(f -> f.name().equals(h) || (h.contains("___")
                        && f.name().equals(h.substring(0, h.indexOf("___")))))) {
                    continue; // a field refused or skipped above
                } else {
                    checker.problem(new Loc(hr, h), "column " + h + " is not a field of the data dictionary "
                            + dict.fileName + " (ignore it in the column mapping)");
                }
            }
            if (idCol < 0) {
                checker.problem(new Loc(hr, recordId), "no column for the record id field " + recordId
                        + " (the first field of the data dictionary)");
                return true;
            }
            boolean answers = false;
            for (Role r : cols) {
                answers |= r != null && r.kind().equals("answer");
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
                String id = mapping.recode("subject_id", TableSource.cell(row, idCol));
                if (id.isEmpty()) {
                    checker.problem(new Loc(r, recordId), "empty record id");
                    continue;
                }
                if (repeatCol >= 0 && !TableSource.cell(row, repeatCol).isEmpty()) {
                    checker.problem(new Loc(r, names[repeatCol]), "repeating instruments are not supported");
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
                String event = eventCol < 0 ? "" : TableSource.cell(row, eventCol);
                String visit = visit(event);
                for (int i = 0; i < n; i++) {
                    Role role = cols[i];
                    if (role == null) {
                        continue;
                    }
                    String v = TableSource.cell(row, i);
                    if (v.isEmpty()) {
                        continue;
                    }
                    Loc loc = new Loc(r, names[i]);
                    if (role.kind().equals("answer")) {
                        if (visit.isEmpty()) {
                            checker.problem(new Loc(r, "redcap_event_name"), "empty event for an answer of " + names[i]);
                            continue;
                        }
                        v = mapping.recode(role.instrument() + "." + visit + "." + role.item(), v).strip();
                        if (!v.isEmpty()) {
                            s.answers().add(new RawSubject.AnswerCell(visit, new Loc(r, "redcap_event_name"), role.instrument(), loc,
                                    role.item(), loc, v, loc));
                        }
                        continue;
                    }
                    v = mapping.recode(role.name(), v).strip();
                    if (v.isEmpty()) {
                        continue;
                    }
                    String key = id + "\u0000" + role.name();
                    String[] first = firstValue.putIfAbsent(key, new String[] {v, Long.toString(r)});
                    if (first != null) {
                        if (!first[0].equals(v)) {
                            checker.problem(loc, role.name() + " of record " + id + " is '" + v + "' here but '" + first[0]
                                    + "' at record " + first[1] + " (a subject-level field must agree across events)");
                        }
                        continue;
                    }
                    (role.kind().equals("field") ? s.fields() : s.variables()).put(role.name(), new RawSubject.Cell(v, loc));
                }
            }
        } catch (TableFormatException e) {
            checker.problem(new Loc(e.row(), ""), e.getMessage());
            return true;
        }
        for (RawSubject s : subjects.values()) {
            checker.accept(s);
        }
        return complete;
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
                return t.equals("subject_id") ? null : new Role("field", t, null, null);
            }
            String[] parts = t.split("\\.", -1);
            if (parts.length == 2) {
                Instrument inst = checker.resolveInstrument(parts[0], dloc);
                if (inst == null) {
                    return null;
                }
                String item = checker.resolveItem(inst, parts[1], "<event>", dloc);
                return item == null ? null : new Role("answer", null, inst.id(), item);
            }
            if (parts.length == 1 && VariableDefinition.isValidName(t)) {
                return new Role("variable", t, null, null);
            }
            checker.problem(dictName, dloc, "mapping target '" + t + "' of field " + f.name()
                    + " is not a subject field, a variable name or <instrument>.<item>");
            return null;
        }
        String form = mapping.recode("instrument", f.form());
        Instrument inst = checker.catalogFind(form);
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
            return new Role("answer", null, inst.id(), item);
        }
        if (TrialStore.SUBJECT_FIELDS.contains(f.name())) {
            return new Role("field", f.name(), null, null);
        }
        if (!VariableDefinition.isValidName(f.name())) {
            checker.problem(dictName, dloc, "field name " + f.name() + " is not a valid variable name");
            return null;
        }
        return new Role("variable", f.name(), null, null);
    }
}
