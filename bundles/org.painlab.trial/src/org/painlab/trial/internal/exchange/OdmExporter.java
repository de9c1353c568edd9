package org.painlab.trial.internal.exchange;

import org.painlab.core.io.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.painlab.core.StudyException;
import org.painlab.trial.exchange.ExportSummary;
import org.painlab.trial.instrument.Item;
import org.painlab.trial.store.Numbers;
import org.painlab.trial.store.Observation;
import org.painlab.trial.store.Arm;
import org.painlab.trial.store.SubjectStatus;
import org.painlab.trial.store.SubjectVisit;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.VariableDefinition;
import org.painlab.trial.store.VariableValue;
import org.painlab.trial.store.VisitDefinition;

/**
 * Writes CDISC ODM 1.3.2 XML (a Snapshot file) with the JDK's StAX writer: {@code Study} with
 * {@code GlobalVariables}, {@code BasicDefinitions} (units) and one {@code MetaDataVersion}, then
 * {@code ClinicalData}.
 *
 * <p>Metadata: a {@code StudyEventDef} {@value #ENROLMENT} (forms {@code F.SUBJECT} with the subject
 * fields and {@code F.BASELINE} with the baseline variables) and one {@code StudyEventDef SE.<visit>}
 * per visit with the visit's instruments; one {@code FormDef F.<instrument>} and
 * {@code ItemGroupDef IG.<instrument>} per instrument; one {@code ItemDef I.<instrument>.<item>} per
 * item (DataType integer or float, {@code RangeCheck} GE min / LE max, a {@code CodeList} for coded
 * items); subject fields {@code I.SUBJECT.<field>}, variables {@code I.BASELINE.<name>}. Names: the
 * ItemDef Name is the item id or variable name. Observations of repeated and per-visit forms: a
 * {@code FormDef F.OBS.<form>} (Name the form, {@code Repeating="Yes"} when it has instances) named
 * by the events it was filled at, {@code ItemGroupDef IG.OBS.<form>}, {@code ItemDef I.OBS.<form>.<field>};
 * in the data one {@code FormData} per visit and instance ({@code FormRepeatKey}), observations
 * without a visit in the enrolment event. {@link OdmSource} reads it back.
 *
 * <p>Visit dates and locks, the screening log, the revealed allocation list and the locks go in
 * PainLab's vendor extension ({@link OdmRecords}).
 */
public final class OdmExporter {
    /** ODM namespace. */
    public static final String NS = "http://www.cdisc.org/ns/odm/v1.3";
    /** OID of the enrolment event holding the subject and baseline forms. */
    public static final String ENROLMENT = "SE.ENROLMENT";

    private OdmExporter() {
    }

    /**
     * Writes the file.
     *
     * @param store the store
     * @param target the XML file
     * @return what was written
     * @throws StudyException when reading or writing fails
     */
    public static ExportSummary export(TrialStore store, Path target) throws StudyException {
        ExportModel model = new ExportModel(store);
        StudyRecords records = StudyRecords.of(store);
        long[] counts = new long[2];
        try {
            AtomicFiles.writeFile(target, tmp -> {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
                    Xml w = new Xml(x);
                    write(store, model, records, w, counts);
                    x.flush();
                    x.close();
                } catch (XMLStreamException e) {
                    throw new IOException(e.getMessage(), e);
                } catch (StudyException e) {
                    throw new IOException(e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            if (e.getCause() instanceof StudyException s) {
                throw s;
            }
            throw new StudyException(target + ": cannot be written (" + e.getMessage() + ")", e);
        }
        return new ExportSummary(List.of(target.toAbsolutePath()), counts[0], counts[1]);
    }

    private static void write(TrialStore store, ExportModel m, StudyRecords records, Xml w, long[] counts)
            throws XMLStreamException, StudyException {
        ObservationForms forms = ObservationForms.read(store);
        Map<String, Map<String, SubjectVisit>> visits = records.visitsBySubject();
        String studyOid = "ST." + store.study().manifest().id();
        w.x.writeStartDocument("UTF-8", "1.0");
        w.start("ODM");
        w.x.writeDefaultNamespace(NS);
        w.x.writeNamespace(OdmRecords.PREFIX, OdmRecords.NS);
        w.attr("FileType", "Snapshot");
        w.attr("FileOID", "PainLab." + store.study().manifest().id() + "." + System.currentTimeMillis());
        w.attr("CreationDateTime", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        w.attr("ODMVersion", "1.3.2");
        w.attr("Originator", "PainLab Workbench");
        w.attr("SourceSystem", "PainLab Workbench");
        if (m.simulated()) {
            w.x.writeComment(" SIMULATED DATA: " + m.settings.getOrDefault(TrialStore.SETTING_DESCRIPTION, "demo trial")
                    .replace("--", "-") + " ");
        }
        w.start("Study");
        w.attr("OID", studyOid);
        w.start("GlobalVariables");
        w.element("StudyName", store.study().name());
        String description = m.settings.getOrDefault(TrialStore.SETTING_DESCRIPTION, store.study().name());
        w.element("StudyDescription", (m.simulated() && !description.contains("SIMULATED") ? "SIMULATED DATA. " : "") + description);
        w.element("ProtocolName", store.study().name());
        w.end();
        Map<String, String> units = new LinkedHashMap<>();
        for (VariableDefinition d : m.variables) {
            if (d.unit() != null && !units.containsKey(d.unit())) {
                units.put(d.unit(), "MU." + (units.size() + 1));
            }
        }
        if (!units.isEmpty()) {
            w.start("BasicDefinitions");
            for (Map.Entry<String, String> u : units.entrySet()) {
                w.start("MeasurementUnit");
                w.attr("OID", u.getValue());
                w.attr("Name", u.getKey());
                w.start("Symbol");
                translated(w, u.getKey());
                w.end();
                w.end();
            }
            w.end();
        }
        metadata(m, forms, w, units);
        w.end(); // Study
        w.start("ClinicalData");
        w.attr("StudyOID", studyOid);
        w.attr("MetaDataVersionOID", "MDV.1");
        try {
            store.forEachSubjectRecord(r -> {
                try {
                    w.start("SubjectData");
                    w.attr("SubjectKey", r.subject().id());
                    w.start("StudyEventData");
                    w.attr("StudyEventOID", ENROLMENT);
                    w.start("FormData");
                    w.attr("FormOID", "F.SUBJECT");
                    w.start("ItemGroupData");
                    w.attr("ItemGroupOID", "IG.SUBJECT");
                    List<Object> fields = TabularExporter.subjectFields(r.subject());
                    for (int i = 1; i < fields.size(); i++) {
                        if (fields.get(i) != null) {
                            item(w, "I.SUBJECT." + TrialStore.SUBJECT_FIELDS.get(i), fields.get(i).toString());
                            counts[1]++;
                        }
                    }
                    w.end();
                    w.end();
                    if (!r.baseline().isEmpty()) {
                        w.start("FormData");
                        w.attr("FormOID", "F.BASELINE");
                        w.start("ItemGroupData");
                        w.attr("ItemGroupOID", "IG.BASELINE");
                        for (Map.Entry<String, VariableValue> e : r.baseline().entrySet()) {
                            item(w, "I.BASELINE." + e.getKey(), e.getValue().toString());
                            counts[1]++;
                        }
                        w.end();
                        w.end();
                    }
                    counts[1] += observations(w, r.observations(), "");
                    w.end(); // StudyEventData
                    Map<String, SubjectVisit> dated = new LinkedHashMap<>(visits.getOrDefault(r.subject().id(), Map.of()));
                    java.util.Set<String> shown = new java.util.LinkedHashSet<>();
                    for (VisitDefinition v : m.visits) {
                        boolean answered = r.answers().containsKey(v.id());
                        boolean observed = r.observations().stream().anyMatch(o -> o.visit().equals(v.id()));
                        if (answered || observed) {
                            shown.add(v.id());
                        }
                    }
                    for (String visit : shown) {
                        w.start("StudyEventData");
                        w.attr("StudyEventOID", "SE." + visit);
                        visitRecord(w, dated.remove(visit));
                        counts[1] += observations(w, r.observations(), visit);
                        Map<String, Map<String, Double>> answered = r.answers().getOrDefault(visit, Map.of());
                        Map.Entry<String, Map<String, Map<String, Double>>> v = Map.entry(visit, answered);
                        for (Map.Entry<String, Map<String, Double>> i : v.getValue().entrySet()) {
                            w.start("FormData");
                            w.attr("FormOID", "F." + i.getKey());
                            w.start("ItemGroupData");
                            w.attr("ItemGroupOID", "IG." + i.getKey());
                            for (Map.Entry<String, Double> a : i.getValue().entrySet()) {
                                item(w, "I." + i.getKey() + "." + a.getKey(), Numbers.format(a.getValue()));
                                counts[1]++;
                            }
                            w.end();
                            w.end();
                        }
                        w.end();
                    }
                    for (SubjectVisit v : dated.values()) {
                        w.start("StudyEventData");
                        w.attr("StudyEventOID", "SE." + v.visitId());
                        visitRecord(w, v);
                        w.end();
                    }
                    w.end(); // SubjectData
                    counts[0]++;
                } catch (XMLStreamException e) {
                    throw new UncheckedIOException(new IOException(e.getMessage(), e));
                }
            });
        } catch (UncheckedIOException e) {
            throw new XMLStreamException(e.getCause().getMessage(), e);
        }
        extension(records, w);
        w.end(); // ClinicalData
        w.end(); // ODM
        w.x.writeEndDocument();
        w.x.writeCharacters("\n");
    }

    /** Writes a subject's observations at one visit ("" = none): one FormData per form and instance; returns the count. */
    private static long observations(Xml w, List<Observation> observations, String visit) throws XMLStreamException {
        Map<String, Map<Integer, List<Observation>>> byForm = new LinkedHashMap<>();
        for (Observation o : observations) {
            if (o.visit().equals(visit)) {
                byForm.computeIfAbsent(o.form(), k -> new java.util.TreeMap<>()).computeIfAbsent(o.instance(), k -> new ArrayList<>()).add(o);
            }
        }
        long n = 0;
        for (Map.Entry<String, Map<Integer, List<Observation>>> f : byForm.entrySet()) {
            for (Map.Entry<Integer, List<Observation>> inst : f.getValue().entrySet()) {
                w.start("FormData");
                w.attr("FormOID", "F.OBS." + f.getKey());
                if (inst.getKey() > 0) {
                    w.attr("FormRepeatKey", Integer.toString(inst.getKey()));
                }
                w.start("ItemGroupData");
                w.attr("ItemGroupOID", "IG.OBS." + f.getKey());
                for (Observation o : inst.getValue()) {
                    item(w, "I.OBS." + f.getKey() + "." + o.field(), o.text());
                    n++;
                }
                w.end();
                w.end();
            }
        }
        return n;
    }

    /** The date and lock of a visit, as attributes of its StudyEventData in PainLab's extension. */
    private static void visitRecord(Xml w, SubjectVisit v) throws XMLStreamException {
        if (v == null) {
            return;
        }
        if (v.visitDate() != null) {
            w.attrExt("StartDate", v.visitDate().toString());
        }
        if (v.locked()) {
            w.attrExt("Locked", "Yes");
        }
    }

    /** The screening log, the revealed allocation list and the dataset lock (see {@link OdmRecords}). */
    private static void extension(StudyRecords r, Xml w) throws XMLStreamException {
        if (!r.screening.isEmpty()) {
            w.startExt("ScreeningLog");
            for (StudyRecords.Screening s : r.screening) {
                w.startExt("Screening");
                w.attr("ScreeningID", s.entry().id());
                if (s.entry().screenedOn() != null) {
                    w.attr("ScreenedOn", s.entry().screenedOn().toString());
                }
                if (s.entry().subjectId() != null) {
                    w.attr("SubjectKey", s.entry().subjectId());
                }
                w.attr("Excluded", s.entry().excluded() ? "Yes" : "No");
                if (s.entry().reason() != null) {
                    w.attr("Reason", s.entry().reason());
                }
                w.attr("Simulated", s.entry().simulated() ? "Yes" : "No");
                for (Map.Entry<String, Boolean> c : s.eligibility().entrySet()) {
                    w.emptyExt("Criterion");
                    w.attr("Name", c.getKey());
                    w.attr("Met", c.getValue() ? "Yes" : "No");
                }
                w.end();
            }
            w.end();
        }
        if (!r.allocations.isEmpty()) {
            w.startExt("AllocationList");
            w.attr("Locked", r.allocationListLocked ? "Yes" : "No");
            for (org.painlab.trial.randomization.Allocation a : r.allocations) {
                w.emptyExt("Allocation");
                w.attr("Seq", Integer.toString(a.seq()));
                w.attr("Arm", a.arm());
                if (a.block() != null) {
                    w.attr("Block", a.block().toString());
                }
                if (a.stratum() != null) {
                    w.attr("Stratum", a.stratum());
                }
            }
            w.end();
        }
        if (r.datasetLocked) {
            w.emptyExt("DatasetLock");
        }
    }

    private static void item(Xml w, String oid, String value) throws XMLStreamException {
        w.empty("ItemData");
        w.attr("ItemOID", oid);
        w.attr("Value", value);
    }

    private static void metadata(ExportModel m, ObservationForms forms, Xml w, Map<String, String> units) throws XMLStreamException {
        w.start("MetaDataVersion");
        w.attr("OID", "MDV.1");
        w.attr("Name", "PainLab trial data");
        w.start("Protocol");
        w.empty("StudyEventRef");
        w.attr("StudyEventOID", ENROLMENT);
        w.attr("OrderNumber", "1");
        w.attr("Mandatory", "Yes");
        int order = 2;
        for (VisitDefinition v : m.visits) {
            w.empty("StudyEventRef");
            w.attr("StudyEventOID", "SE." + v.id());
            w.attr("OrderNumber", Integer.toString(order++));
            w.attr("Mandatory", "No");
        }
        w.end();
        w.start("StudyEventDef");
        w.attr("OID", ENROLMENT);
        w.attr("Name", "Enrolment and baseline");
        w.attr("Repeating", "No");
        w.attr("Type", "Common");
        formRef(w, "F.SUBJECT", 1, "Yes");
        formRef(w, "F.BASELINE", 2, "No");
        int order0 = 3;
        for (String f : forms.formsAt("")) {
            formRef(w, "F.OBS." + f, order0++, "No");
        }
        w.end();
        for (VisitDefinition v : m.visits) {
            w.start("StudyEventDef");
            w.attr("OID", "SE." + v.id());
            w.attr("Name", v.label());
            w.attr("Repeating", "No");
            w.attr("Type", "Scheduled");
            int n = 1;
            for (String inst : m.visitInstruments.getOrDefault(v.id(), List.of())) {
                formRef(w, "F." + inst, n++, "No");
            }
            for (String f : forms.formsAt(v.id())) {
                formRef(w, "F.OBS." + f, n++, "No");
            }
            w.end();
        }
        formDef(w, "F.SUBJECT", "Subject", "IG.SUBJECT");
        formDef(w, "F.BASELINE", "Baseline variables", "IG.BASELINE");
        for (Map.Entry<String, String> inst : m.instrumentNames.entrySet()) {
            formDef(w, "F." + inst.getKey(), inst.getValue(), "IG." + inst.getKey());
        }
        for (String f : forms.fields().keySet()) {
            formDef(w, "F.OBS." + f, f, "IG.OBS." + f, forms.repeating(f));
        }
        List<String> subjectOids = new ArrayList<>();
        for (String f : TrialStore.SUBJECT_FIELDS.subList(1, TrialStore.SUBJECT_FIELDS.size())) {
            subjectOids.add("I.SUBJECT." + f);
        }
        itemGroup(w, "IG.SUBJECT", "Subject", subjectOids);
        List<String> baselineOids = new ArrayList<>();
        for (VariableDefinition d : m.variables) {
            baselineOids.add("I.BASELINE." + d.name());
        }
        itemGroup(w, "IG.BASELINE", "Baseline variables", baselineOids);
        for (Map.Entry<String, List<ExportModel.ExportItem>> inst : m.instruments.entrySet()) {
            List<String> oids = new ArrayList<>();
            for (ExportModel.ExportItem i : inst.getValue()) {
                oids.add("I." + inst.getKey() + "." + i.id());
            }
            itemGroup(w, "IG." + inst.getKey(), inst.getKey(), oids);
        }
        for (Map.Entry<String, List<String>> f : forms.fields().entrySet()) {
            List<String> oids = new ArrayList<>();
            for (String field : f.getValue()) {
                oids.add("I.OBS." + f.getKey() + "." + field);
            }
            itemGroup(w, "IG.OBS." + f.getKey(), f.getKey(), oids);
        }
        // ItemDefs: subject fields
        List<String[]> codeLists = new ArrayList<>();
        itemDef(w, "I.SUBJECT.arm", "arm", "text", "Arm", null, null, null, "CL.ARM");
        itemDef(w, "I.SUBJECT.status", "status", "text", "Status", null, null, null, "CL.STATUS");
        itemDef(w, "I.SUBJECT.allocation_seq", "allocation_seq", "integer", "Allocation sequence number", null, 1.0, null, null);
        itemDef(w, "I.SUBJECT.stratum", "stratum", "text", "Randomization stratum", null, null, null, null);
        itemDef(w, "I.SUBJECT.enrolled_on", "enrolled_on", "date", "Enrolment date", null, null, null, null);
        itemDef(w, "I.SUBJECT.simulated", "simulated", "boolean", "Simulated data", null, null, null, null);
        for (VariableDefinition d : m.variables) {
            String type = switch (d.type()) {
                case INTEGER -> "integer";
                case NUMBER -> "float";
                case DATE -> "date";
                case TEXT -> "text";
            };
            String cl = d.choices().isEmpty() ? null : "CL.BASELINE." + d.name();
            itemDef(w, "I.BASELINE." + d.name(), d.name(), type, d.label(), units.get(d.unit()), d.min(), d.max(), cl);
            if (cl != null) {
                codeLists.add(new String[] {cl, d.name(), type});
            }
        }
        for (Map.Entry<String, List<ExportModel.ExportItem>> inst : m.instruments.entrySet()) {
            for (ExportModel.ExportItem ei : inst.getValue()) {
                Item it = ei.item();
                String oid = "I." + inst.getKey() + "." + ei.id();
                if (it == null) {
                    itemDef(w, oid, ei.id(), "float", ei.id(), null, null, null, null);
                    continue;
                }
                boolean integer = it.step() == Math.rint(it.step()) && it.min() == Math.rint(it.min());
                String cl = it.choices().isEmpty() ? null : "CL." + inst.getKey() + "." + ei.id();
                itemDef(w, oid, ei.id(), integer ? "integer" : "float", it.label(), null, it.min(), it.max(), cl,
                        integer ? null : Math.max(0, java.math.BigDecimal.valueOf(it.step()).stripTrailingZeros().scale()));
            }
        }
        for (Map.Entry<String, List<String>> f : forms.fields().entrySet()) {
            for (String field : f.getValue()) {
                itemDef(w, "I.OBS." + f.getKey() + "." + field, field, forms.numeric(f.getKey(), field) ? "float" : "text", field,
                        null, null, null, null);
            }
        }
        // CodeLists
        Map<String, String> arms = new LinkedHashMap<>();
        for (Arm a : m.arms) {
            arms.put(a.code(), a.name());
        }
        codeList(w, "CL.ARM", "arm", "text", arms);
        Map<String, String> statuses = new LinkedHashMap<>();
        for (SubjectStatus s : SubjectStatus.values()) {
            statuses.put(s.code(), s.code().replace('_', ' '));
        }
        codeList(w, "CL.STATUS", "status", "text", statuses);
        for (VariableDefinition d : m.variables) {
            if (!d.choices().isEmpty()) {
                codeList(w, "CL.BASELINE." + d.name(), d.name(), d.type().numeric() ? (d.type() == org.painlab.trial.store.VariableType.INTEGER
                        ? "integer" : "float") : "text", d.choices());
            }
        }
        for (Map.Entry<String, List<ExportModel.ExportItem>> inst : m.instruments.entrySet()) {
            for (ExportModel.ExportItem ei : inst.getValue()) {
                Item it = ei.item();
                if (it != null && !it.choices().isEmpty()) {
                    Map<String, String> ch = new LinkedHashMap<>();
                    it.choices().forEach((k, v) -> ch.put(Numbers.format(k), v));
                    boolean integer = it.step() == Math.rint(it.step()) && it.min() == Math.rint(it.min());
                    codeList(w, "CL." + inst.getKey() + "." + ei.id(), inst.getKey() + "." + ei.id(), integer ? "integer" : "float", ch);
                }
            }
        }
        w.end(); // MetaDataVersion
    }

    private static void formRef(Xml w, String oid, int order, String mandatory) throws XMLStreamException {
        w.empty("FormRef");
        w.attr("FormOID", oid);
        w.attr("OrderNumber", Integer.toString(order));
        w.attr("Mandatory", mandatory);
    }

    private static void formDef(Xml w, String oid, String name, String group) throws XMLStreamException {
        formDef(w, oid, name, group, false);
    }

    private static void formDef(Xml w, String oid, String name, String group, boolean repeating) throws XMLStreamException {
        w.start("FormDef");
        w.attr("OID", oid);
        w.attr("Name", name);
        w.attr("Repeating", repeating ? "Yes" : "No");
        w.empty("ItemGroupRef");
        w.attr("ItemGroupOID", group);
        w.attr("Mandatory", "Yes");
        w.end();
    }

    private static void itemGroup(Xml w, String oid, String name, List<String> items) throws XMLStreamException {
        w.start("ItemGroupDef");
        w.attr("OID", oid);
        w.attr("Name", name);
        w.attr("Repeating", "No");
        int n = 1;
        for (String i : items) {
            w.empty("ItemRef");
            w.attr("ItemOID", i);
            w.attr("OrderNumber", Integer.toString(n++));
            w.attr("Mandatory", "No");
        }
        w.end();
    }

    private static void itemDef(Xml w, String oid, String name, String type, String question, String unitOid, Double min,
            Double max, String codeList) throws XMLStreamException {
        itemDef(w, oid, name, type, question, unitOid, min, max, codeList, null);
    }

    private static void itemDef(Xml w, String oid, String name, String type, String question, String unitOid, Double min,
            Double max, String codeList, Integer decimals) throws XMLStreamException {
        w.start("ItemDef");
        w.attr("OID", oid);
        w.attr("Name", name);
        w.attr("DataType", type);
        if (decimals != null) {
            w.attr("SignificantDigits", Integer.toString(decimals));
        }
        w.start("Question");
        translated(w, question);
        w.end();
        if (unitOid != null) {
            w.empty("MeasurementUnitRef");
            w.attr("MeasurementUnitOID", unitOid);
        }
        if (min != null) {
            rangeCheck(w, "GE", min);
        }
        if (max != null) {
            rangeCheck(w, "LE", max);
        }
        if (codeList != null) {
            w.empty("CodeListRef");
            w.attr("CodeListOID", codeList);
        }
        w.end();
    }

    private static void rangeCheck(Xml w, String comparator, double value) throws XMLStreamException {
        w.start("RangeCheck");
        w.attr("Comparator", comparator);
        w.attr("SoftHard", "Hard");
        w.element("CheckValue", Numbers.format(value));
        w.start("ErrorMessage");
        translated(w, (comparator.equals("GE") ? "must be at least " : "must be at most ") + Numbers.format(value));
        w.end();
        w.end();
    }

    private static void codeList(Xml w, String oid, String name, String type, Map<String, String> items) throws XMLStreamException {
        w.start("CodeList");
        w.attr("OID", oid);
        w.attr("Name", name);
        w.attr("DataType", type);
        for (Map.Entry<String, String> e : items.entrySet()) {
            w.start("CodeListItem");
            w.attr("CodedValue", e.getKey());
            w.start("Decode");
            translated(w, e.getValue());
            w.end();
            w.end();
        }
        w.end();
    }

    private static void translated(Xml w, String text) throws XMLStreamException {
        w.start("TranslatedText");
        w.x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
        w.x.writeCharacters(clean(text));
        w.end(true);
    }

    private static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** A StAX writer with indentation. */
    static final class Xml {
        final XMLStreamWriter x;
        private int depth;
        private boolean hadChild;

        Xml(XMLStreamWriter x) {
            this.x = x;
        }

        void start(String name) throws XMLStreamException {
            indent();
            x.writeStartElement(name);
            depth++;
            hadChild = false;
        }

        void empty(String name) throws XMLStreamException {
            indent();
            x.writeEmptyElement(name);
            hadChild = true;
        }

        void startExt(String name) throws XMLStreamException {
            indent();
            x.writeStartElement(OdmRecords.PREFIX, name, OdmRecords.NS);
            depth++;
            hadChild = false;
        }

        void emptyExt(String name) throws XMLStreamException {
            indent();
            x.writeEmptyElement(OdmRecords.PREFIX, name, OdmRecords.NS);
            hadChild = true;
        }

        void attrExt(String name, String value) throws XMLStreamException {
            x.writeAttribute(OdmRecords.PREFIX, OdmRecords.NS, name, clean(value));
        }

        void attr(String name, String value) throws XMLStreamException {
            x.writeAttribute(name, clean(value));
        }

        void element(String name, String text) throws XMLStreamException {
            start(name);
            x.writeCharacters(clean(text));
            end(true);
        }

        void end() throws XMLStreamException {
            end(false);
        }

        void end(boolean inline) throws XMLStreamException {
            depth--;
            if (!inline && hadChild) {
                indent();
            }
            x.writeEndElement();
            hadChild = true;
        }

        private void indent() throws XMLStreamException {
            x.writeCharacters("\n");
            for (int i = 0; i < depth; i++) {
                x.writeCharacters("  ");
            }
        }
    }
}
