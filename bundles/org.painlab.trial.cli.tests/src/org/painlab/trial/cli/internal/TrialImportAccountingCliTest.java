package org.painlab.trial.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;

/**
 * {@code trial import --json} accounts for every source value (CLI.md), on success and on failure, and
 * {@code --accept-refusals} imports the rest of a partly refused file. Runs on REDCap's own exports of
 * the shared reference data (-Dpainlab.reference).
 */
class TrialImportAccountingCliTest {
    @TempDir
    Path tmp;

    private static Path redcap(String name) {
        String ref = System.getProperty("painlab.reference");
        if (ref == null || ref.isBlank()) {
            throw new IllegalStateException("System property 'painlab.reference' is not set (the folder holding exchange/redcap)");
        }
        Path p = Path.of(ref, "exchange", "redcap", name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("reference file not found: " + p);
        }
        return p;
    }

    private Path newStudy(String name) {
        Path dir = tmp.resolve(name);
        assertEquals(0, Painlab.run("study", "create", dir.toString()).exitCode());
        return dir;
    }

    @Test
    void aFlatProjectArrivesWhole() {
        Path dir = newStudy("flat");
        // no --format: a .csv with REDCap's data dictionary beside it is a REDCap export
        Painlab.Result r = Painlab.run("trial", "import", dir.toString(), redcap("redcap_clinical-trial-1.csv").toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        assertEquals("redcap", m.get("format"));
        assertEquals(5500, ((Number) m.get("values_read")).intValue());
        assertEquals(5500, ((Number) m.get("values_imported")).intValue());
        assertEquals(List.of(), m.get("refused"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusedValuesStopTheImportUntilAcceptedAndAreAudited() {
        Path dir = newStudy("arms");
        String file = redcap("redcap_arm-multiple.csv").toString();
        Painlab.Result refused = Painlab.run("trial", "import", dir.toString(), file, "--json");
        assertEquals(1, refused.exitCode());
        Map<String, Object> m = refused.json();
        assertEquals(Boolean.FALSE, m.get("imported"));
        long read = ((Number) m.get("values_read")).longValue();
        long imported = ((Number) m.get("values_imported")).longValue();
        List<Map<String, Object>> list = (List<Map<String, Object>>) m.get("refused");
        assertFalse(list.isEmpty());
        assertEquals(read, imported + list.size(), "every value is imported or refused");
        Map<String, Object> first = list.get(0);
        for (String key : List.of("record", "field", "line", "reason")) {
            assertTrue(first.containsKey(key), key + " in " + first);
        }
        assertTrue(refused.err().contains("--accept-refusals"), refused.err());
        assertEquals(0, ((Number) Painlab.run("study", "info", dir.toString(), "--json").json().get("subjects")).intValue(),
                "nothing was imported");

        long auditBefore = ((Number) Painlab.run("study", "info", dir.toString(), "--json").json().get("audit_rows")).longValue();
        Painlab.Result accepted = Painlab.run("trial", "import", dir.toString(), file, "--accept-refusals", "--json");
        assertEquals(0, accepted.exitCode(), accepted.err());
        Map<String, Object> a = accepted.json();
        assertEquals(read, ((Number) a.get("values_read")).longValue());
        assertEquals(list.size(), ((List<?>) a.get("refused")).size());
        long auditAfter = ((Number) Painlab.run("study", "info", dir.toString(), "--json").json().get("audit_rows")).longValue();
        assertTrue(auditAfter - auditBefore >= list.size(), "each accepted refusal is in the audit trail");
    }

    @Test
    @SuppressWarnings("unchecked")
    void repeatedFormsArriveAsObservationsAndGoBackOutToRedcap() throws Exception {
        Path dir = newStudy("repeating");
        Painlab.Result r = Painlab.run("trial", "import", dir.toString(), redcap("redcap_repeating-instruments.csv").toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        assertEquals(List.of(), m.get("refused"), "repeat rows are neither refused nor conflicts");
        assertEquals(m.get("values_read"), m.get("values_imported"));
        assertEquals(12, ((Number) ((Map<String, Object>) m.get("added")).get("observations")).intValue(),
                "date, systolic and diastolic of four bp instances");
        assertEquals(12, ((Number) Painlab.run("study", "info", dir.toString(), "--json").json().get("observations")).intValue(),
                "study info counts the observations");
        Path out = tmp.resolve("again.csv");
        Painlab.Result export = Painlab.run("trial", "export", dir.toString(), out.toString(), "--format", "redcap");
        assertEquals(0, export.exitCode(), export.err());
        String data = Files.readString(out);
        assertTrue(data.lines().findFirst().orElseThrow().contains("redcap_repeat_instrument,redcap_repeat_instance"), data);
        assertTrue(data.contains(",bp,3,"), "the third bp instance of record 1 is a repeat row: " + data);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMappingFileRoutesWholeFormsOfAnOdmExtract() throws Exception {
        Path odm = redcap("redcap_clinical-trial-1.csv").getParent().getParent().resolve("odm").resolve("openclinica_nsclc_extract.xml");
        Path plainDir = newStudy("oc-plain");
        Map<String, Object> plain = Painlab.run("trial", "import", plainDir.toString(), odm.toString(), "--accept-refusals", "--json").json();
        long plainRead = ((Number) plain.get("values_read")).longValue();

        Path mapping = tmp.resolve("nsclc-forms.json");
        Files.writeString(mapping, """
                {"forms": {"F_VERIFICATION_V20": "ignore", "F_AGENTADMINIS_V10": "visit:treatment",
                           "F_ELIGIBILITY_V10": "form"}}
                """);
        Path dir = newStudy("oc-forms");
        Painlab.Result r = Painlab.run("trial", "import", dir.toString(), odm.toString(), "--mapping", mapping.toString(),
                "--accept-refusals", "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        long read = ((Number) m.get("values_read")).longValue();
        assertEquals(plainRead - 36, read, "the 36 values of the ignored verification form are not read");
        assertEquals(read, ((Number) m.get("values_imported")).longValue() + ((Number) m.get("refused_total")).longValue());
        assertTrue(((List<String>) m.get("notes")).contains("form F_VERIFICATION_V20 ignored by the mapping (forms) (36 values, not counted"
                + " as read)"), m.get("notes").toString());
        long observations = ((Number) ((Map<String, Object>) m.get("added")).get("observations")).longValue();
        long plainObservations = ((Number) ((Map<String, Object>) plain.get("added")).get("observations")).longValue();
        assertEquals(plainObservations + 153, observations, "the 153 eligibility values (one event) are kept as their own form");

        Path bad = tmp.resolve("bad-forms.json");
        Files.writeString(bad, """
                {"forms": {"F_NO_SUCH_FORM": "baseline"}}
                """);
        Painlab.Result rejected = Painlab.run("trial", "import", newStudy("oc-bad").toString(), odm.toString(), "--mapping", bad.toString(),
                "--accept-refusals", "--json");
        assertEquals(1, rejected.exitCode());
        List<Map<String, Object>> problems = (List<Map<String, Object>>) rejected.json().get("problems");
        assertTrue(problems.stream().anyMatch(p -> "bad-forms.json".equals(p.get("file")) && "forms.F_NO_SUCH_FORM".equals(p.get("field"))),
                problems.toString());
    }
}
