package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.painlab.trial.store.VariableType;
import org.painlab.trial.store.VariableValue;

/**
 * Every value read is imported or refused with its reason; refused values block the file unless
 * accepted, and accepted refusals are audited; two values for one slot are never last-wins.
 */
class ImportAccountingTest {
    private static final String DICT_HEADER = "\"Variable / Field Name\",\"Form Name\",\"Section Header\",\"Field Type\",\"Field Label\","
            + "\"Choices, Calculations, OR Slider Labels\",\"Field Note\",\"Text Validation Type OR Show Slider Number\","
            + "\"Text Validation Min\",\"Text Validation Max\"";

    @TempDir
    Path tmp;
    Study study;
    TrialStore store;
    TrialExchange exchange;

    @BeforeEach
    void setUp() throws Exception {
        study = TrialTestStudies.create(tmp.resolve("study"));
        store = new TrialStore(study, InstrumentCatalog.installed());
        exchange = new TrialExchange(store);
    }

    @AfterEach
    void tearDown() throws Exception {
        study.close();
    }

    private List<AuditEntry> refusalAudit() throws Exception {
        return study.read(c -> new AuditLog(c).entries(0, 100_000)).stream().filter(a -> a.action().equals("import-refused")).toList();
    }

    /**
     * Observations are checked like subject-level values against their field's dictionary entry: a
     * value outside the choices, or a word in an integer field, is refused naming file, line, field and
     * reason; the rest of the repeated form is imported, and the values still add up.
     */
    @Test
    void anObservationOutsideItsChoicesOrOfTheWrongTypeIsRefused() throws Exception {
        Path dict = tmp.resolve("bp_DataDictionary.csv");
        Files.writeString(dict, String.join("\n", DICT_HEADER,
                "record_id,visit,,text,Record,,,,,",
                "arm_pos,visit,,radio,Arm position,\"1, left | 2, right\",,,,",
                "systolic,visit,,text,Systolic,,,integer,,", ""));
        Path data = tmp.resolve("bp.csv");
        Files.writeString(data, String.join("\n",
                "record_id,redcap_repeat_instrument,redcap_repeat_instance,arm_pos,systolic",
                "1,visit,1,1,120",
                "1,visit,2,3,high",
                "1,visit,3,2,118", ""));
        ImportOptions options = ImportOptions.forFile(data).withFormat(ExchangeFormat.REDCAP);
        ImportException e = assertThrows(ImportException.class, () -> exchange.importFile(data, options, null));
        ImportReport r = e.report();
        assertEquals(r.valuesRead(), r.valuesImported() + r.refused().size(), "balanced");
        assertEquals(List.of("arm_pos", "systolic"), r.refused().stream().map(RefusedValue::field).toList());
        RefusedValue code = r.refused().get(0);
        assertEquals("bp.csv", code.file());
        assertEquals(3, code.line());
        assertEquals("1", code.record());
        assertTrue(code.reason().startsWith("not one of the codes: 3"), code.reason());
        assertTrue(r.refused().get(1).reason().startsWith("not a number: 'high'"), r.refused().get(1).reason());
        ImportSummary s = exchange.importFile(data, options.withAcceptRefusals(true), null);
        assertEquals(4, s.added().get("observations"), "the other four values of the repeated form");
    }

    /** An ODM observation (repeating item group) of the wrong DataType is refused, whatever its ItemOID looks like. */
    @Test
    void anOdmObservationOfTheWrongDataTypeIsRefused() throws Exception {
        Path file = tmp.resolve("lab.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" FileType="Snapshot" FileOID="x" CreationDateTime="2024-01-01T00:00:00" ODMVersion="1.3">
                  <Study OID="S_1"><GlobalVariables><StudyName>x</StudyName><StudyDescription>x</StudyDescription><ProtocolName>x</ProtocolName></GlobalVariables>
                    <MetaDataVersion OID="v1" Name="v1">
                      <FormDef OID="F.LAB" Name="lab" Repeating="No"><ItemGroupRef ItemGroupOID="IG.LAB" Mandatory="No"/></FormDef>
                      <ItemGroupDef OID="IG.LAB" Name="lab" Repeating="Yes"><ItemRef ItemOID="I.LAB.hb" Mandatory="No"/></ItemGroupDef>
                      <ItemDef OID="I.LAB.hb" Name="hb" DataType="float"/>
                    </MetaDataVersion></Study>
                  <ClinicalData StudyOID="S_1" MetaDataVersionOID="v1">
                    <SubjectData SubjectKey="A1"><FormData FormOID="F.LAB">
                      <ItemGroupData ItemGroupOID="IG.LAB" ItemGroupRepeatKey="1"><ItemData ItemOID="I.LAB.hb" Value="12.5"/></ItemGroupData>
                      <ItemGroupData ItemGroupOID="IG.LAB" ItemGroupRepeatKey="2"><ItemData ItemOID="I.LAB.hb" Value="n/a"/></ItemGroupData>
                    </FormData></SubjectData>
                  </ClinicalData>
                </ODM>
                """);
        ImportException e = assertThrows(ImportException.class, () -> exchange.importFile(file, ImportOptions.forFile(file), null));
        ImportReport r = e.report();
        assertEquals(2, r.valuesRead());
        assertEquals(1, r.valuesImported());
        RefusedValue v = r.refused().get(0);
        assertEquals("I.LAB.hb", v.field());
        assertEquals("A1", v.record());
        assertEquals("lab.xml", v.file());
        assertTrue(v.reason().startsWith("not a number: 'n/a'"), v.reason());
    }

    @Test
    void aFieldAtTwoEventsIsOneValuePerVisitAndTwoValuesForOneEventAreAConflictNotLastWins() throws Exception {
        Path dict = tmp.resolve("meds_DataDictionary.csv");
        Files.writeString(dict, String.join("\n", DICT_HEADER,
                "record_id,visit,,text,Record,,,,,",
                "weight,visit,,text,Weight,,,integer,0,300",
                "medication,visit,,text,Medication,,,,,", ""));
        Path data = tmp.resolve("meds.csv");
        Files.writeString(data, String.join("\n",
                "record_id,redcap_event_name,weight,medication,visit_complete",
                "1,day1_arm_1,145,asprin,2",
                "1,day2_arm_1,160,cialis,2",
                "2,day1_arm_1,80,,0",
                "2,day1_arm_1,81,,0", ""));
        ImportOptions options = ImportOptions.forFile(data).withFormat(ExchangeFormat.REDCAP);
        ImportException e = assertThrows(ImportException.class, () -> exchange.importFile(data, options, null));
        ImportReport r = e.report();
        assertEquals(10, r.valuesRead(), "4 event names, 6 values");
        assertEquals(List.of("weight", "weight"), r.refused().stream().map(RefusedValue::field).toList());
        RefusedValue second = r.refused().get(1);
        assertEquals("2", second.record());
        assertEquals(5, second.line());
        assertEquals("81", second.value());
        assertTrue(second.reason().contains("'80'") && second.reason().contains("'81'") && second.reason().startsWith("conflict"),
                second.reason());
        assertEquals(8, r.valuesImported());
        assertTrue(store.subjects().isEmpty(), "nothing is imported while refusals are not accepted");
        assertTrue(refusalAudit().isEmpty());

        ImportSummary s = exchange.importFile(data, options.withAcceptRefusals(true), null);
        assertTrue(s.report().balanced());
        assertEquals(4, s.added().get("observations"), "weight and medication of record 1 at day1 and day2");
        SubjectRecord one = store.subjectRecord("1").orElseThrow();
        assertNull(one.baseline().get("weight"), "a field at several events is no subject-level variable");
        assertEquals(List.of("day1:asprin", "day2:cialis"), one.observations().stream().filter(o -> o.field().equals("medication"))
                .map(o -> o.visit() + ":" + o.text()).toList(), "one value per visit, neither replaces the other");
        assertEquals(145.0, one.observations().stream().filter(o -> o.field().equals("weight") && o.visit().equals("day1"))
                .findFirst().orElseThrow().number());
        assertEquals("1", one.subject().armCode(), "the _arm_1 suffix is the subject's arm");
        assertTrue(store.subjectRecord("2").orElseThrow().observations().isEmpty(), "neither of two conflicting values is imported");
        List<AuditEntry> audit = refusalAudit();
        assertEquals(2, audit.size());
        assertEquals("2", audit.get(0).entityId());
        assertEquals("weight", audit.get(0).field());
        assertEquals("80", audit.get(0).oldValue());
        assertTrue(audit.get(0).reason().contains("meds.csv line 4") && audit.get(0).reason().contains("conflict"),
                audit.get(0).reason());
    }

    @Test
    void calculatedFieldsAreCheckedAgainstARecomputationWhereTheFormulaIsArithmetic() throws Exception {
        Path dict = tmp.resolve("calc_DataDictionary.csv");
        Files.writeString(dict, String.join("\n", DICT_HEADER,
                "record_id,body,,text,Record,,,,,",
                "weight,body,,text,Weight,,,number_comma_decimal,,",
                "height,body,,text,Height,,,number,,",
                "bmi,body,,calc,BMI,\"round(([weight])/(([height])^(2)),1)\",,,,",
                "total,body,,calc,Total,\"sum([weight],[height]) * 2 - 1\",,,,",
                "dob,body,,text,Born,,,date_ymd,,",
                "age,body,,calc,Age,\"rounddown(datediff([dob],'today','y'))\",,,,", ""));
        Path data = tmp.resolve("calc.csv");
        Files.writeString(data, String.join("\n",
                "record_id,weight,height,bmi,total,dob,age",
                "1,\"52,3\",1.54,22.1,106.68,2000-01-01,26",
                "2,\"92,3\",1.84,30.0,187.28,2001-01-01,25",
                "3,\"45,9\",,,,,", ""));
        ImportSummary s = exchange.importFile(data, ImportOptions.forFile(data).withFormat(ExchangeFormat.REDCAP), null);
        assertEquals(List.of(), s.report().refused(), "a calculated value is imported as REDCap gives it");
        List<String> notes = s.report().notes();
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("calculated field bmi: 1 of 2 values differ")
                && n.contains("record 2 line 3: 30.0 in the file, 27.3 recomputed")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("calculated field total: all 2 values agree")), notes.toString());
        assertEquals(1, notes.stream().filter(n -> n.startsWith("calculated field age") && n.contains("not checked")
                && n.contains("datediff")).count(), "a formula the workbench cannot recompute is noted once: " + notes);
        assertEquals(VariableValue.of(30.0), store.subjectRecord("2").orElseThrow().baseline().get("bmi"));
    }

    @Test
    void aTextTooLongForTheStoreIsRefusedNotADatabaseError() throws Exception {
        Path file = tmp.resolve("long.csv");
        String essay = "x".repeat(1500);
        Files.writeString(file, String.join("\n", "subject_id,arm,note", "S1,A,short", "S2,A," + essay, ""));
        ImportException e = assertThrows(ImportException.class, () -> exchange.importFile(file, ImportOptions.forFile(file), null));
        assertEquals(1, e.report().refused().size());
        RefusedValue r = e.report().refused().get(0);
        assertEquals("S2", r.record());
        assertEquals("note", r.field());
        assertTrue(r.reason().contains("1500 characters") && r.reason().contains("at most 1000"), r.reason());
        ImportSummary s = exchange.importFile(file, ImportOptions.forFile(file).withAcceptRefusals(true), null);
        assertEquals(2L, s.added().get("subjects"));
        assertTrue(s.report().balanced());
    }

    @Test
    void aRefusedCsvValueBlocksTheFileUntilAcceptedAndIsAudited() throws Exception {
        Path file = tmp.resolve("wide.csv");
        Files.writeString(file, String.join("\n", "subject_id,arm,age,note", "S1,A,45,ok", "S2,A,x,", "S3,,,", ""));
        ImportOptions strict = ImportOptions.forFile(file);
        assertEquals(ImportOptions.fromMap(file, Map.of("accept-refusals", "true"), ExchangeFormat.CSV), strict.withAcceptRefusals(true));
        // age is inferred as text when one value is no number: define it as an integer first
        store.edit("t", ed -> ed.defineVariable(org.painlab.trial.store.VariableDefinition.of("age", "Age", VariableType.INTEGER, 0)));
        ImportException e = assertThrows(ImportException.class, () -> exchange.importFile(file, strict, null));
        assertEquals(5, e.report().valuesRead());
        assertEquals(1, e.report().refused().size());
        assertEquals(new RefusedValue("wide.csv", "S2", 3, "age", "x", e.report().refused().get(0).reason()), e.report().refused().get(0));
        assertTrue(e.report().balanced());
        ImportSummary s = exchange.importFile(file, strict.withAcceptRefusals(true), null);
        assertEquals(3L, s.added().get("subjects"));
        assertEquals(4, s.report().valuesImported());
        assertEquals(1, refusalAudit().size());
        assertFalse(store.subjectRecord("S2").orElseThrow().baseline().containsKey("age"));
    }

    @Test
    void redcapDatesDatetimesCommaDecimalsAndIntegerTextAreReadAsRedcapMeansThem() throws Exception {
        Path dict = tmp.resolve("Pain_DataDictionary_2024-05-01.csv");
        Files.writeString(dict, String.join("\n", DICT_HEADER,
                "record_id,demographics,,text,Record,,,,,",
                "d_dmy,demographics,,text,D,,,date_dmy,,",
                "d_mdy,demographics,,text,D,,,date_mdy,,",
                "d_ymd,demographics,,text,D,,,date_ymd,,",
                "dt_dmy,demographics,,text,DT,,,datetime_dmy,,",
                "dt_mdy,demographics,,text,DT,,,datetime_mdy,,",
                "dt_ymd,demographics,,text,DT,,,datetime_ymd,,",
                "dts_dmy,demographics,,text,DTS,,,datetime_seconds_dmy,,",
                "dts_mdy,demographics,,text,DTS,,,datetime_seconds_mdy,,",
                "dts_ymd,demographics,,text,DTS,,,datetime_seconds_ymd,,",
                "height,demographics,,text,Height,,,number_comma_decimal,,",
                "weight,demographics,,text,Weight,,,number_2dp_comma_decimal,,",
                "zip,demographics,,text,Zip code,,,,,",
                "intro,demographics,,descriptive,Read this,,,,,",
                "lookup,demographics,,sql,Lookup,\"select value from x where y = 1\",,,,",
                "symptoms,demographics,,checkbox,Symptoms,\"1, Pain | 2, Numbness | A, Other\",,,,", ""));
        Files.writeString(tmp.resolve("Pain_DataDictionary_2023-01-01.csv"), DICT_HEADER + "\nother,x,,text,X,,,,,\n");
        Path data = tmp.resolve("Pain_DATA_2024-05-01_1230.csv");
        Files.writeString(data, String.join("\n",
                "record_id,redcap_data_access_group,d_dmy,d_mdy,d_ymd,dt_dmy,dt_mdy,dt_ymd,dts_dmy,dts_mdy,dts_ymd,height,weight,zip,"
                        + "lookup,symptoms___1,symptoms___2,symptoms___a,demographics_complete",
                "7,site_b,31-12-2020,12-31-2020,2020-12-31,31-12-2020 14:05,12-31-2020 14:05,2020-12-31 14:05,"
                        + "31-12-2020 14:05:09,12-31-2020 14:05:09,2020-12-31 14:05:09,\"1,54\",\"52,30\",00123,,1,0,1,2", ""));
        assertEquals(ExchangeFormat.REDCAP, ImportOptions.forFile(data).format(), "REDCap's download names are recognised");
        ImportSummary s = exchange.importFile(data, ImportOptions.forFile(data), null);
        assertEquals(16, s.report().valuesRead(), "the access group, 12 dates, times and numbers, 3 checkbox options");
        assertEquals(16, s.report().valuesImported());
        assertTrue(s.report().notes().stream().anyMatch(n -> n.contains("descriptive field intro")), s.report().notes().toString());
        assertTrue(s.report().notes().stream().anyMatch(n -> n.contains("sql field lookup")), s.report().notes().toString());
        SubjectRecord r = store.subjectRecord("7").orElseThrow();
        assertEquals("site_b", r.subject().stratum());
        for (String d : List.of("d_dmy", "d_mdy", "d_ymd")) {
            assertEquals(VariableValue.of("2020-12-31"), r.baseline().get(d), d);
        }
        for (String d : List.of("dt_dmy", "dt_mdy", "dt_ymd")) {
            assertEquals(VariableValue.of("2020-12-31 14:05"), r.baseline().get(d), d);
        }
        for (String d : List.of("dts_dmy", "dts_mdy", "dts_ymd")) {
            assertEquals(VariableValue.of("2020-12-31 14:05:09"), r.baseline().get(d), d);
        }
        assertEquals(VariableValue.of(1.54), r.baseline().get("height"));
        assertEquals(VariableValue.of(52.3), r.baseline().get("weight"));
        assertEquals(VariableValue.of("00123"), r.baseline().get("zip"), "digits in a text field stay text");
        assertEquals(VariableValue.of(1), r.baseline().get("symptoms___1"));
        assertEquals(VariableValue.of(0), r.baseline().get("symptoms___2"));
        assertEquals(VariableValue.of(1), r.baseline().get("symptoms___a"));
        assertEquals("Symptoms: Other", store.variableDefinitions().stream().filter(d -> d.name().equals("symptoms___a"))
                .findFirst().orElseThrow().label());

        // an sql field's value is refused, not dropped
        Files.writeString(data, Files.readString(data).replace("7,site_b", "8,site_b").replace("00123,,1", "00123,picked,1"));
        ImportException e = assertThrows(ImportException.class,
                () -> exchange.importFile(data, ImportOptions.forFile(data).withFormat(ExchangeFormat.REDCAP), null));
        assertEquals(List.of("lookup"), e.report().refused().stream().map(RefusedValue::field).toList());
    }
}
