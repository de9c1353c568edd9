package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportReport;
import org.painlab.core.importer.ImportSummary;
import org.painlab.core.importer.RefusedValue;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.SubjectRecord;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;
import org.painlab.trial.store.VariableValue;

/**
 * Every REDCap export of the shared reference data ({@code exchange/redcap} under the folder named by
 * {@code -Dpainlab.reference}) imports, and an independent count of its non-empty values equals the
 * values imported plus refused. A missing property or folder fails the test, never skips it.
 */
class RedcapReferenceTest {
    /** Files whose values the workbench cannot all carry yet: they import only with accepted refusals. */
    private static final Map<String, String> NEEDS_ACCEPT = Map.of(
            "redcap_arm-multiple.csv", "every record is in three arms",
            "redcap_longitudinal.csv", "a file upload field: the export holds only the file's name");
    private static final Map<String, String> REPORT = new TreeMap<>();

    @TempDir
    Path tmp;

    static Path folder() {
        String ref = System.getProperty("painlab.reference");
        if (ref == null || ref.isBlank()) {
            throw new IllegalStateException("System property 'painlab.reference' is not set: run the tests with"
                    + " -Dpainlab.reference=/work/shared/reference (the folder holding exchange/redcap)");
        }
        Path dir = Path.of(ref, "exchange", "redcap");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("reference folder not found: " + dir.toAbsolutePath()
                    + " (from -Dpainlab.reference=" + ref + ")");
        }
        return dir;
    }

    static List<Path> dataFiles() throws IOException {
        try (Stream<Path> s = Files.list(folder())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".csv")
                    && !p.getFileName().toString().contains("_DataDictionary")).sorted().toList();
        }
    }

    @AfterAll
    static void printReport() {
        StringBuilder sb = new StringBuilder("REDCap reference imports:\n");
        REPORT.forEach((f, r) -> sb.append(f).append(": ").append(r).append('\n'));
        System.out.println(sb);
    }

    @Test
    void everyReferenceFileImportsAndEveryValueIsAccountedFor() throws Exception {
        List<Path> files = dataFiles();
        assertEquals(8, files.size(), "the eight REDCap projects of the reference data: " + files);
        for (Path data : files) {
            String name = data.getFileName().toString();
            long independent = countValues(data, dictionaryForms(folder().resolve(name.replace(".csv", "_DataDictionary.csv"))));
            Study study = TrialTestStudies.create(tmp.resolve(name));
            try {
                TrialExchange exchange = new TrialExchange(new TrialStore(study, InstrumentCatalog.installed()));
                ImportOptions options = ImportOptions.forFile(data);
                assertEquals(ExchangeFormat.REDCAP, options.format(), name + ": a REDCap export by the dictionary beside it");
                ImportSummary summary;
                if (NEEDS_ACCEPT.containsKey(name)) {
                    ImportException e = assertThrows(ImportException.class, () -> exchange.importFile(data, options, null), name);
                    ImportReport rejected = e.report();
                    assertFalse(rejected.refused().isEmpty(), name);
                    assertEquals(independent, rejected.valuesImported() + rejected.refused().size(), name + " (rejected)");
                    assertEquals(0, study.read(c -> new AuditLog(c).entries(0, 100_000)).stream()
                            .filter(a -> a.action().equals("import")).count(), name + ": nothing was written");
                    long auditBefore = study.read(c -> new AuditLog(c).size());
                    summary = exchange.importFile(data, options.withAcceptRefusals(true), null);
                    List<AuditEntry> audit = study.read(c -> new AuditLog(c).entries(auditBefore, 1_000_000));
                    assertEquals(summary.report().refused().size(), audit.stream().filter(a -> a.action().equals("import-refused")).count(),
                            name + ": one audit row per accepted refusal");
                } else {
                    summary = exchange.importFile(data, options, null);
                    assertEquals(List.of(), summary.report().refused(), name);
                }
                ImportReport r = summary.report();
                long observed = countObservationValues(data, folder().resolve(name.replace(".csv", "_DataDictionary.csv")));
                assertEquals(observed, summary.added().get("observations"), name + ": values of repeated and per-event forms");
                if (!name.equals("redcap_arm-multiple.csv")) {
                    assertEquals(List.of(), r.refused().stream().filter(v -> v.reason().startsWith("conflict")).toList(),
                            name + ": per-event and repeated values are no conflicts");
                }
                if (name.equals("redcap_longitudinal.csv")) {
                    assertEquals(1, r.refused().size(), name + ": only the file upload field's value is refused: " + r.refused());
                }
                if (name.equals("redcap_repeating-instruments.csv") || name.equals("redcap_longitudinal.csv")) {
                    assertTrue(observed > 0, name + " has repeated or per-event values");
                }
                assertEquals(independent, r.valuesRead(), name + ": values read");
                assertEquals(independent, r.valuesImported() + r.refused().size(), name + ": imported + refused");
                assertTrue(r.balanced(), name);
                assertTrue(summary.added().get("subjects") > 0, name);
                Map<String, Long> reasons = r.refused().stream().collect(Collectors.groupingBy(
                        v -> v.reason().startsWith("conflict") ? "conflict: two values for " + v.field()
                                : v.reason().replaceAll("\\(redcap_repeat_instrument.*\\)", "").replaceAll("'[^']*'", "'…'"),
                        TreeMap::new, Collectors.counting()));
                REPORT.put(name, "read " + r.valuesRead() + ", imported " + r.valuesImported() + " (observations " + observed + ")"
                        + ", refused " + r.refused().size()
                        + (reasons.isEmpty() ? "" : " " + reasons));
            } finally {
                study.close();
            }
        }
    }

    @Test
    void armsAccessGroupsCommaDecimalsAndCheckboxesArriveAsRedcapMeansThem() throws Exception {
        TrialStore dag = imported("redcap_dag.csv", false);
        assertEquals("daga", dag.subjectRecord("331-1").orElseThrow().subject().stratum());
        assertEquals("dagb", dag.subjectRecord("332-3").orElseThrow().subject().stratum());

        Path decimal = folder().resolve("redcap_decimal-comma-and-dot.csv");
        Study decStudy = TrialTestStudies.create(tmp.resolve("calc-check"));
        try {
            List<String> notes = new TrialExchange(new TrialStore(decStudy, InstrumentCatalog.installed()))
                    .importFile(decimal, ImportOptions.forFile(decimal), null).report().notes();
            for (String calc : List.of("bmi", "bmi_comma")) {
                assertTrue(notes.stream().anyMatch(n -> n.startsWith("calculated field " + calc + ": all 4 values agree")),
                        "REDCap's BMI recomputed from comma decimals agrees: " + notes);
            }
        } finally {
            decStudy.close();
        }
        TrialStore dec = imported("redcap_decimal-comma-and-dot.csv", false);
        SubjectRecord valdez = dec.subjectRecord("1").orElseThrow();
        assertEquals(VariableValue.of(1.54), valdez.baseline().get("height_comma"));
        assertEquals(VariableValue.of(52.3), valdez.baseline().get("weight_comma"));
        assertEquals(valdez.baseline().get("height_dot"), valdez.baseline().get("height_comma"));

        TrialStore survey = imported("redcap_survey.csv", false);
        assertEquals(VariableValue.of(1), survey.subjectRecord("1").orElseThrow().baseline().get("consent___1"));
        assertEquals(VariableValue.of(0), survey.subjectRecord("2").orElseThrow().baseline().get("consent___1"),
                "an unticked option is imported as 0, not ticked");
        assertEquals(Map.of("0", "not ticked", "1", "ticked"), survey.variableDefinitions().stream()
                .filter(d -> d.name().equals("consent___1")).findFirst().orElseThrow().choices());

        TrialStore types = imported("redcap_validation-types-1.csv", false);
        for (String option : List.of("f_checkbox___0", "f_checkbox___1", "f_checkbox___2")) {
            assertEquals(VariableValue.of(0), types.subjectRecord("1").orElseThrow().baseline().get(option), option);
        }

        TrialStore arms = imported("redcap_arm-multiple.csv", true);
        SubjectRecord r101 = arms.subjectRecord("101").orElseThrow();
        assertEquals(null, r101.subject().armCode(), "a record in three arms has no arm until the user resolves it");
        assertEquals(VariableValue.of("2020-05-01"), r101.baseline().get("birth_date"));
        assertEquals(List.of("1", "2", "3"), arms.arms().stream().map(a -> a.code()).toList());
    }

    @Test
    void aRecordInTwoArmsIsAConflictNamingBothValues() throws Exception {
        Path data = folder().resolve("redcap_arm-multiple.csv");
        Study study = TrialTestStudies.create(tmp.resolve("arms"));
        try {
            TrialExchange exchange = new TrialExchange(new TrialStore(study, InstrumentCatalog.installed()));
            ImportException e = assertThrows(ImportException.class,
                    () -> exchange.importFile(data, ImportOptions.forFile(data).withFormat(ExchangeFormat.REDCAP), null));
            RefusedValue first = e.report().refused().stream().filter(v -> v.record().equals("101")).findFirst().orElseThrow();
            assertEquals("redcap_event_name", first.field());
            assertTrue(first.reason().contains("'1'") && first.reason().contains("'2'") && first.reason().contains("conflict"),
                    first.reason());
            assertEquals(3, e.report().refused().stream().filter(v -> v.record().equals("101")).count());
        } finally {
            study.close();
        }
    }

    private TrialStore imported(String file, boolean accept) throws Exception {
        Path data = folder().resolve(file);
        Study study = TrialTestStudies.create(tmp.resolve("one-" + file));
        TrialStore store = new TrialStore(study, InstrumentCatalog.installed());
        new TrialExchange(store).importFile(data, ImportOptions.forFile(data).withFormat(ExchangeFormat.REDCAP)
                .withAcceptRefusals(accept), null);
        return store;
    }

    // ------------------------------------------------------------------ independent counter

    /**
     * The non-empty cells of a REDCap data CSV outside the record id (first) column, leaving out
     * REDCap's bookkeeping of forms: {@code <form>_complete}, {@code <form>_timestamp} and
     * {@code redcap_survey_identifier}.
     */
    static long countValues(Path data, Set<String> forms) throws IOException {
        List<List<String>> rows = parseCsv(Files.readString(data, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        long n = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            for (int i = 1; i < row.size(); i++) {
                String h = i < header.size() ? header.get(i).strip() : "";
                boolean bookkeeping = h.equals("redcap_survey_identifier")
                        || (h.endsWith("_complete") && forms.contains(h.substring(0, h.length() - "_complete".length())))
                        || (h.endsWith("_timestamp") && forms.contains(h.substring(0, h.length() - "_timestamp".length())));
                if (!bookkeeping && !row.get(i).isBlank()) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * The values a REDCap data CSV holds in repeated and per-event forms, counted from the files alone:
     * the fields (checkbox options included) of forms that are not installed instruments, that have
     * values on a row of a repeating instrument or event, or at two or more events once the
     * {@code _arm_N} suffix is taken off; file, sql and descriptive fields are left out.
     */
    static long countObservationValues(Path data, Path dictionary) throws IOException {
        Map<String, String> formOf = new java.util.HashMap<>();
        Set<String> instruments = Set.of("vas", "nrs", "odi", "joa", "sf36", "macnab", "complications");
        List<List<String>> dict = parseCsv(Files.readString(dictionary, StandardCharsets.UTF_8));
        String recordId = dict.get(1).get(0).strip();
        for (List<String> row : dict.subList(1, dict.size())) {
            String field = row.get(0).strip();
            String form = row.get(1).strip();
            String type = row.get(3).strip();
            if (field.equals(recordId) || Set.of("file", "sql", "descriptive").contains(type) || instruments.contains(form)) {
                continue;
            }
            formOf.put(field, form);
            if (type.equals("checkbox")) {
                for (String choice : row.get(5).split("\\|")) {
                    String code = choice.strip().split(",", 2)[0].strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_");
                    formOf.put(field + "___" + code, form);
                }
            }
        }
        List<List<String>> rows = parseCsv(Files.readString(data, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        int event = header.indexOf("redcap_event_name");
        int instance = header.indexOf("redcap_repeat_instance");
        Map<String, Set<String>> events = new java.util.HashMap<>();
        Set<String> repeated = new HashSet<>();
        Map<String, Long> values = new java.util.HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            String visit = event < 0 ? "" : row.get(event).replaceFirst("_arm_\\d+$", "");
            boolean repeat = instance >= 0 && instance < row.size() && !row.get(instance).isBlank();
            for (int i = 0; i < row.size() && i < header.size(); i++) {
                String form = formOf.get(header.get(i).strip());
                if (form == null || row.get(i).isBlank()) {
                    continue;
                }
                values.merge(form, 1L, Long::sum);
                if (repeat) {
                    repeated.add(form);
                } else if (!visit.isEmpty()) {
                    events.computeIfAbsent(form, f -> new HashSet<>()).add(visit);
                }
            }
        }
        long n = 0;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            if (repeated.contains(e.getKey()) || events.getOrDefault(e.getKey(), Set.of()).size() > 1) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** The "Form Name" (second) column of a data dictionary. */
    static Set<String> dictionaryForms(Path dictionary) throws IOException {
        Set<String> forms = new HashSet<>();
        List<List<String>> rows = parseCsv(Files.readString(dictionary, StandardCharsets.UTF_8));
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() > 1) {
                forms.add(row.get(1).strip());
            }
        }
        return forms;
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                if (!(row.size() == 1 && row.get(0).isEmpty())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
