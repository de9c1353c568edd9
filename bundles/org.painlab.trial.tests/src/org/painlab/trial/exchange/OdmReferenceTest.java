package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportReport;
import org.painlab.core.importer.RefusedValue;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;
import org.painlab.trial.store.VariableDefinition;
import org.painlab.trial.store.VariableType;
import org.painlab.trial.store.VariableValue;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every ODM file of the shared reference data (REDCap's four project exports and OpenClinica's
 * extract) imports, and an independent count of its ItemData (a DOM parse written here, not the
 * importer) equals the values imported plus refused. Only what the format cannot carry (nested repeats,
 * two different values for one slot) is refused.
 */
class OdmReferenceTest {
    private static final Map<String, String> REPORT = new TreeMap<>();

    @TempDir
    Path tmp;

    @AfterAll
    static void printReport() {
        StringBuilder sb = new StringBuilder("ODM reference imports:\n");
        REPORT.forEach((f, r) -> sb.append(f).append(": ").append(r).append('\n'));
        System.out.println(sb);
    }

    static List<Path> odmFiles() throws Exception {
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(RedcapReferenceTest.folder())) {
            s.filter(p -> p.getFileName().toString().endsWith(".odm.xml")).sorted().forEach(files::add);
        }
        files.add(RedcapReferenceTest.folder().getParent().resolve("odm").resolve("openclinica_nsclc_extract.xml"));
        return files;
    }

    @Test
    void everyReferenceOdmFileImportsAndAccountsForEachItemData() throws Exception {
        List<Path> files = odmFiles();
        assertEquals(5, files.size(), files.toString());
        for (Path odm : files) {
            String name = odm.getFileName().toString();
            long independent = countItemData(odm);
            assertTrue(independent > 0, name);
            Study study = TrialTestStudies.create(tmp.resolve(name));
            try {
                TrialExchange exchange = new TrialExchange(new TrialStore(study, InstrumentCatalog.installed()));
                ImportOptions options = ImportOptions.forFile(odm);
                assertEquals(ExchangeFormat.ODM, options.format(), name);
                ImportReport r;
                Map<String, Long> added;
                try {
                    var summary = exchange.importFile(odm, options, null);
                    r = summary.report();
                    added = summary.added();
                } catch (ImportException e) {
                    assertEquals(independent, e.report().valuesImported() + e.report().refused().size(), name + " (rejected)");
                    var summary = exchange.importFile(odm, options.withAcceptRefusals(true), null);
                    r = summary.report();
                    added = summary.added();
                }
                assertEquals(independent, r.valuesRead(), name + ": values read");
                long outside = countObservationsOutsideTheirCodeList(odm);
                if (name.startsWith("openclinica")) {
                    // 16 ItemData of the physical exam (values 2 and 99 where the CodeList has 1, 4, 999), counted by a Python script too
                    assertEquals(16, outside, name);
                }
                assertEquals(countObservationItemData(odm) - outside, added.get("observations"),
                        name + ": values of repeated and per-visit forms, but those outside their code list");
                assertEquals(outside, r.refused().stream().filter(v -> v.reason().startsWith("not one of the codes")).count(),
                        name + ": an observation outside its ItemDef's CodeList is refused like a variable's value");
                assertEquals(independent, r.valuesImported() + r.refused().size(), name + ": imported + refused");
                assertEquals(List.of(), r.refused().stream().filter(v -> v.reason().startsWith("conflict")).toList(),
                        name + ": items at several events and repeat keys are observations, no conflicts");
                for (RefusedValue v : r.refused()) {
                    // what the workbench cannot carry yet (repeats, files), two values for one slot, and a
                    // value outside its own ItemDef's CodeList (OpenClinica let one through)
                    assertTrue(v.reason().contains("repeated") || v.reason().startsWith("conflict")
                            || v.reason().contains("files are not imported") || v.reason().startsWith("not one of the codes"),
                            name + ": refused only where the format cannot carry the value: " + v);
                }
                Map<String, Long> reasons = r.refused().stream().collect(Collectors.groupingBy(
                        v -> v.reason().startsWith("conflict") ? "conflict: two values for " + v.field()
                                : v.reason().replaceAll("\\(.*\\)", "(…)"),
                        TreeMap::new, Collectors.counting()));
                REPORT.put(name, "read " + r.valuesRead() + ", imported " + r.valuesImported() + " (observations "
                        + added.get("observations") + "), refused " + r.refused().size()
                        + (reasons.isEmpty() ? "" : " " + reasons));
            } finally {
                study.close();
            }
        }
    }

    @Test
    void aRedcapClassicProjectImportsFromOdmWhatItsCsvExportImports() throws Exception {
        for (String project : List.of("redcap_clinical-trial-1", "redcap_validation-types-1")) {
            Path odm = RedcapReferenceTest.folder().resolve(project + "_project.odm.xml");
            Path csv = RedcapReferenceTest.folder().resolve(project + ".csv");
            Imported odmImport = importInto(tmp.resolve(project + "-odm"), odm, ImportOptions.forFile(odm));
            odmImport.study.close();
            ImportReport fromOdm = odmImport.report;
            Imported fromCsv = importInto(tmp.resolve(project + "-csv"), csv, ImportOptions.forFile(csv));
            assertEquals(List.of(), fromOdm.refused(), project);
            // REDCap's CSV export leaves calculated fields empty; its ODM carries their values
            long calculated = project.equals("redcap_validation-types-1") ? 1 : 0;
            assertEquals(fromCsv.report.valuesImported() + calculated, fromOdm.valuesImported(),
                    project + ": the values of the CSV export");
            fromCsv.study.close();
        }
        Path odm = RedcapReferenceTest.folder().resolve("redcap_clinical-trial-1_project.odm.xml");
        Imported i = importInto(tmp.resolve("ct-defs"), odm, ImportOptions.forFile(odm));
        TrialStore store = i.store;
        assertEquals(VariableValue.of(176.1), store.subjectRecord("1").orElseThrow().baseline().get("height"));
        VariableDefinition gender = definition(store, "gender");
        assertEquals(VariableType.INTEGER, gender.type(), "a radio field with numeric codes");
        assertTrue(gender.choices().size() >= 2, gender.toString());
        assertEquals(VariableType.DATE, definition(store, "dob").type());
        assertTrue(store.variableDefinitions().stream().noneMatch(d -> d.name().equals("record_id")
                || d.name().equals("demographics_complete")), "REDCap's bookkeeping is no variable");
        i.study.close();
    }

    @Test
    void openClinicaSubjectsAreNamedByTheirLabelAndItemDefsDefineTheVariables() throws Exception {
        Path odm = RedcapReferenceTest.folder().getParent().resolve("odm").resolve("openclinica_nsclc_extract.xml");
        Imported i = importInto(tmp.resolve("oc"), odm, ImportOptions.forFile(odm).withAcceptRefusals(true));
        try {
            assertTrue(i.store.subjectRecord("CAM101").isPresent(), "the StudySubjectID is the subject id");
            assertTrue(i.store.subjectRecord("SS_CAM101").isEmpty());
            assertTrue(i.report.notes().stream().anyMatch(n -> n.contains("CAM101") && n.contains("SS_CAM101")), i.report.notes().toString());
            VariableDefinition over18 = definition(i.store, "OVER_18");
            assertEquals(VariableType.INTEGER, over18.type());
            assertTrue(over18.label().contains("18 years of age"), over18.label());
            assertTrue(!over18.choices().isEmpty(), "the CodeList gives the choices");
            assertEquals(VariableValue.of(1), i.store.subjectRecord("CAM101").orElseThrow().baseline().get("OVER_18"));
        } finally {
            i.study.close();
        }
    }

    @Test
    void aColumnMappingStillRenamesAndIgnoresItemsBesideTheFormLevelDefault() throws Exception {
        Path odm = RedcapReferenceTest.folder().getParent().resolve("odm").resolve("openclinica_nsclc_extract.xml");
        ColumnMapping mapping = ColumnMapping.of(Map.of("I_ELIGI_OVER_18", "adult"), Map.of(), Set.of("I_VERIF_VERI_INIT"));
        Imported i = importInto(tmp.resolve("oc-mapped"), odm, ImportOptions.forFile(odm).withMapping(mapping).withAcceptRefusals(true));
        try {
            var baseline = i.store.subjectRecord("CAM101").orElseThrow().baseline();
            assertEquals(VariableValue.of(1), baseline.get("adult"), "a mapped ItemOID goes where the mapping says");
            assertEquals(null, baseline.get("OVER_18"));
            assertEquals(null, baseline.get("VERI_INIT"), "an ignored ItemOID is left out");
            assertEquals(VariableValue.of("2011-07-06"), baseline.get("VERI_DATE"), "the other items of the form still import");
            assertTrue(i.report.notes().stream().anyMatch(n -> n.contains("I_VERIF_VERI_INIT")), i.report.notes().toString());
            assertTrue(i.report.balanced());
        } finally {
            i.study.close();
        }
    }

    @Test
    void aTransactionalFileIsReadInOrderUpdateReplacesAndRemoveClears() throws Exception {
        Path odm = tmp.resolve("tx.xml");
        Files.writeString(odm, """
                <?xml version="1.0" encoding="UTF-8"?>
                <ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" FileType="Transactional" FileOID="t" ODMVersion="1.3.2">
                <Study OID="S"><MetaDataVersion OID="v1" Name="v1">
                  <FormDef OID="F_LAB" Name="Lab"><ItemGroupRef ItemGroupOID="IG_LAB" Mandatory="No"/></FormDef>
                  <ItemGroupDef OID="IG_LAB" Name="Lab"><ItemRef ItemOID="I_HB" Mandatory="No"/><ItemRef ItemOID="I_NOTE" Mandatory="No"/>
                    <ItemRef ItemOID="I_SMOKER" Mandatory="No"/></ItemGroupDef>
                  <ItemDef OID="I_HB" Name="hb" DataType="float"><Question><TranslatedText>Haemoglobin</TranslatedText></Question></ItemDef>
                  <ItemDef OID="I_NOTE" Name="note" DataType="text"/>
                  <ItemDef OID="I_SMOKER" Name="smoker" DataType="boolean"/>
                </MetaDataVersion></Study>
                <ClinicalData StudyOID="S" MetaDataVersionOID="v1">
                  <SubjectData SubjectKey="P1" TransactionType="Insert"><FormData FormOID="F_LAB"><ItemGroupData ItemGroupOID="IG_LAB">
                    <ItemData ItemOID="I_HB" Value="12.5"/><ItemData ItemOID="I_NOTE" Value="first"/><ItemData ItemOID="I_SMOKER" Value="true"/>
                  </ItemGroupData></FormData></SubjectData>
                  <SubjectData SubjectKey="P1" TransactionType="Update"><FormData FormOID="F_LAB"><ItemGroupData ItemGroupOID="IG_LAB">
                    <ItemData ItemOID="I_HB" Value="13.1"/><ItemData ItemOID="I_NOTE" TransactionType="Remove"/>
                  </ItemGroupData></FormData></SubjectData>
                  <SubjectData SubjectKey="P2" TransactionType="Insert"><FormData FormOID="F_LAB"><ItemGroupData ItemGroupOID="IG_LAB">
                    <ItemData ItemOID="I_HB" Value="11"/><ItemData ItemOID="I_HB" Value="14"/>
                  </ItemGroupData></FormData></SubjectData>
                </ClinicalData></ODM>
                """);
        Study study = TrialTestStudies.create(tmp.resolve("tx"));
        try {
            TrialStore store = new TrialStore(study, InstrumentCatalog.installed());
            TrialExchange exchange = new TrialExchange(store);
            ImportException e = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                    () -> exchange.importFile(odm, ImportOptions.forFile(odm), null));
            assertEquals(List.of("I_HB", "I_HB"), e.report().refused().stream().map(RefusedValue::field).toList(),
                    "two Inserts of one slot are a conflict, never last-wins");
            ImportReport r = exchange.importFile(odm, ImportOptions.forFile(odm).withAcceptRefusals(true), null).report();
            assertTrue(r.balanced());
            assertEquals(2, r.valuesImported(), "hb replaced by the Update, smoker; the note removed");
            assertEquals(VariableValue.of(13.1), store.subjectRecord("P1").orElseThrow().baseline().get("hb"));
            assertEquals(VariableValue.of(1), store.subjectRecord("P1").orElseThrow().baseline().get("smoker"));
            assertEquals(null, store.subjectRecord("P1").orElseThrow().baseline().get("note"));
            assertEquals("Haemoglobin", definition(store, "hb").label());
            assertEquals(VariableType.NUMBER, definition(store, "hb").type());
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("replaced by a later Update")), r.notes().toString());
        } finally {
            study.close();
        }
    }

    /**
     * REDCap's ODM carries a calculated field's formula ({@code redcap:Calculation}): its values are
     * recomputed like those of the REDCap CSV. The agreeing counts (bmi and bmi2: 3 of 3 each,
     * f_calculated "3+4": 1 of 1) were counted independently with a Python script over the same files.
     */
    @Test
    void calculatedFieldsOfRedcapOdmAreRecomputedAndAMismatchIsANote() throws Exception {
        Path longitudinal = RedcapReferenceTest.folder().resolve("redcap_longitudinal_project.odm.xml");
        Imported l = importInto(tmp.resolve("calc-l"), longitudinal, ImportOptions.forFile(longitudinal).withAcceptRefusals(true));
        l.study.close();
        assertTrue(l.report.notes().contains("calculated field bmi: all 3 values agree with a recomputation of "
                + "round(([weight]*10000)/(([height])^(2)),1)"), l.report.notes().toString());
        assertTrue(l.report.notes().stream().anyMatch(n -> n.startsWith("calculated field bmi2: all 3 values agree")),
                l.report.notes().toString());
        Path types = RedcapReferenceTest.folder().resolve("redcap_validation-types-1_project.odm.xml");
        Imported v = importInto(tmp.resolve("calc-v"), types, ImportOptions.forFile(types).withAcceptRefusals(true));
        v.study.close();
        assertTrue(v.report.notes().contains("calculated field f_calculated: all 1 values agree with a recomputation of 3+4"),
                v.report.notes().toString());

        // one bmi changed by hand: imported as given, named in a note
        String xml = Files.readString(longitudinal);
        String changed = xml.replace("<ItemData ItemOID=\"bmi\" Value=\"31.3\"/>", "<ItemData ItemOID=\"bmi\" Value=\"31.9\"/>");
        assertTrue(!changed.equals(xml), "the file has the value to change");
        Path copy = tmp.resolve("changed.odm.xml");
        Files.writeString(copy, changed);
        Imported c = importInto(tmp.resolve("calc-c"), copy, ImportOptions.forFile(copy).withAcceptRefusals(true));
        assertEquals(l.report.refused().size(), c.report.refused().size(), "a mismatch refuses nothing");
        assertEquals(l.report.valuesImported(), c.report.valuesImported());
        assertTrue(c.report.notes().stream().anyMatch(n -> n.startsWith("calculated field bmi: 1 of 3 values differ")
                && n.contains("31.9 in the file, 31.3 recomputed")), c.report.notes().toString());
        boolean kept = c.store.observations().values().stream().flatMap(List::stream)
                .anyMatch(o -> o.field().equals("bmi") && "31.9".equals(o.text()))
                || c.store.subjects().stream().anyMatch(s -> {
                    try {
                        VariableValue b = c.store.subjectRecord(s.id()).orElseThrow().baseline().get("bmi");
                        return b != null && b.isNumber() && b.number() == 31.9;
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
        c.study.close();
        assertTrue(kept, "the value is imported as REDCap gave it");
    }

    private record Imported(Study study, TrialStore store, ImportReport report) {
    }

    private static Imported importInto(Path dir, Path file, ImportOptions options) throws Exception {
        Study study = TrialTestStudies.create(dir);
        TrialStore store = new TrialStore(study, InstrumentCatalog.installed());
        return new Imported(study, store, new TrialExchange(store).importFile(file, options, null).report());
    }

    private static VariableDefinition definition(TrialStore store, String name) throws Exception {
        return store.variableDefinitions().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no variable " + name));
    }

    // ------------------------------------------------------------------ independent counter

    /**
     * Non-empty ItemData (the Value attribute, or the text of a typed ItemData element) not marked
     * IsNull, leaving out REDCap's bookkeeping as its CSV export does: the item named by the subject's
     * {@code redcap:RecordIdField} and {@code <form>_complete} of a {@code Form.<form>}.
     */
    static long countItemData(Path file) throws Exception {
        return count(file, false, false);
    }

    /**
     * The observation ItemData of {@link #countObservationItemData} whose value is none of the coded
     * values of the CodeList their ItemDef refers to (compared as numbers where both are numbers).
     */
    static long countObservationsOutsideTheirCodeList(Path file) throws Exception {
        return count(file, true, true);
    }

    /**
     * The ItemData of {@link #countItemData} that are observations: in a study event, form or item
     * group whose definition says {@code Repeating="Yes"} (or REDCap lists as a repeating instrument),
     * or with a repeat key other than 1, or in a form that two or more StudyEventDefs name (REDCap's
     * {@code _arm_N} taken off the event). The reference files use no installed instrument's form and
     * no {@code F.SUBJECT}/{@code F.BASELINE}.
     */
    static long countObservationItemData(Path file) throws Exception {
        return count(file, true, false);
    }

    private static long count(Path file, boolean observationsOnly, boolean outsideCodeListOnly) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        java.util.Set<String> repeating = new java.util.HashSet<>();
        Map<String, java.util.Set<String>> formEvents = new java.util.HashMap<>();
        Map<String, String> itemCodeList = new java.util.HashMap<>();
        Map<String, List<String>> codes = new java.util.HashMap<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String kind = e.getLocalName();
            if (kind.equals("CodeListRef") && ancestor(e, "ItemDef") != null) {
                itemCodeList.put(ancestor(e, "ItemDef").getAttribute("OID"), e.getAttribute("CodeListOID"));
            }
            if (kind.equals("CodeListItem")) {
                codes.computeIfAbsent(ancestor(e, "CodeList").getAttribute("OID"), k -> new ArrayList<>()).add(e.getAttribute("CodedValue"));
            }
            if ((kind.equals("StudyEventDef") || kind.equals("FormDef") || kind.equals("ItemGroupDef"))
                    && "Yes".equals(e.getAttribute("Repeating"))) {
                repeating.add(e.getAttribute("OID"));
            }
            if (kind.equals("RepeatingInstrument")) {
                repeating.add("Form." + e.getAttributeNS("https://projectredcap.org", "RepeatInstrument"));
            }
            if (kind.equals("FormRef") && ancestor(e, "StudyEventDef") != null) {
                String event = ancestor(e, "StudyEventDef").getAttribute("OID").replaceFirst("_arm_\\d+$", "");
                formEvents.computeIfAbsent(e.getAttribute("FormOID"), k -> new java.util.HashSet<>()).add(event);
            }
        }
        long n = 0;
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (!e.getLocalName().startsWith("ItemData") || "Yes".equals(e.getAttribute("IsNull"))) {
                continue;
            }
            String value = e.getLocalName().equals("ItemData") ? e.getAttribute("Value") : e.getTextContent();
            if (value.isBlank()) {
                continue;
            }
            String oid = e.getAttribute("ItemOID");
            String recordId = ancestor(e, "SubjectData").getAttributeNS("https://projectredcap.org", "RecordIdField");
            Element form = ancestor(e, "FormData");
            String formOid = form == null ? "" : form.getAttribute("FormOID");
            if (!recordId.isEmpty() && (oid.equals(recordId) || (formOid.startsWith("Form.")
                    && oid.equals(formOid.substring(5) + "_complete")))) {
                continue;
            }
            if (observationsOnly && !observation(e, repeating, formEvents)) {
                continue;
            }
            if (outsideCodeListOnly && (!itemCodeList.containsKey(oid)
                    || codes.getOrDefault(itemCodeList.get(oid), List.of()).stream().anyMatch(c -> sameCode(c, value.strip())))) {
                continue;
            }
            n++;
        }
        return n;
    }

    private static boolean observation(Element item, java.util.Set<String> repeating, Map<String, java.util.Set<String>> formEvents) {
        String[][] levels = {{"StudyEventData", "StudyEventOID", "StudyEventRepeatKey"}, {"FormData", "FormOID", "FormRepeatKey"},
            {"ItemGroupData", "ItemGroupOID", "ItemGroupRepeatKey"}};
        for (String[] l : levels) {
            Element e = ancestor(item, l[0]);
            if (e == null || !e.hasAttribute(l[2])) {
                continue;
            }
            if (repeating.contains(e.getAttribute(l[1])) || !e.getAttribute(l[2]).equals("1")) {
                return true;
            }
        }
        Element form = ancestor(item, "FormData");
        return form != null && formEvents.getOrDefault(form.getAttribute("FormOID"), java.util.Set.of()).size() > 1;
    }

    private static boolean sameCode(String code, String value) {
        if (code.equals(value)) {
            return true;
        }
        try {
            return Double.parseDouble(code) == Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Element ancestor(Element e, String localName) {
        for (Node p = e.getParentNode(); p instanceof Element pe; p = p.getParentNode()) {
            if (localName.equals(pe.getLocalName())) {
                return pe;
            }
        }
        return null;
    }
}
