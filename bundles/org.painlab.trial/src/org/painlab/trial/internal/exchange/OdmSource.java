package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.io.InputStream;
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

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.painlab.core.StudyException;
import org.painlab.trial.exchange.ColumnMapping;
import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.store.Numbers;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.VariableDefinition;
import org.painlab.trial.store.VariableType;

/**
 * Reads CDISC ODM 1.3 XML (Snapshot files; the element names are matched without regard to the
 * namespace) with the JDK's StAX reader, streaming one {@code SubjectData} at a time. DTDs and
 * external entities are refused.
 *
 * <p>Forms: {@code F.SUBJECT} holds subject fields, {@code F.BASELINE} baseline variables, and a form
 * whose OID without {@code F.} (or whose Name) is an installed instrument id holds that instrument's
 * items, each named by its ItemDef's Name. Events: the visit is the StudyEventOID without {@code SE.}
 * (recoded by the mapping's {@code visit} values); the enrolment event holds no answers. The metadata
 * define arms (the CodeList of {@code I.SUBJECT.arm}), visits (events with instrument forms, in
 * Protocol order, named by the StudyEventDef Name) and baseline variables ({@code I.BASELINE.*}
 * ItemDefs: DataType, RangeCheck GE/LE, CodeList, MeasurementUnit). A column mapping may send any
 * ItemOID to a subject field, a variable name or {@code <instrument>.<item>}.
 */
public final class OdmSource implements SubjectSource {
    private final Path file;
    private final ColumnMapping mapping;
    private final SourceMetadata metadata = new SourceMetadata();

    private record ItemDef(String oid, String name, String dataType, String question, Double min, Double max, String codeList,
            String unit) {
    }

    /**
     * Creates the source.
     *
     * @param file the XML file
     * @param mapping the column mapping (item OIDs to targets; visit and instrument recodes)
     */
    public OdmSource(Path file, ColumnMapping mapping) {
        this.file = file;
        this.mapping = mapping;
    }

    @Override
    public String fileName() {
        return file.getFileName().toString();
    }

    @Override
    public SourceMetadata metadata() {
        return metadata;
    }

    @Override
    public boolean read(ImportChecker checker, long maxSubjects) throws IOException, StudyException {
        Map<String, ItemDef> items = new LinkedHashMap<>();
        Map<String, Map<String, String>> codeLists = new HashMap<>();
        Map<String, String> units = new HashMap<>();
        Map<String, String> formNames = new HashMap<>();
        Map<String, String> eventNames = new LinkedHashMap<>();
        Map<String, List<String>> eventForms = new HashMap<>();
        List<String> protocol = new ArrayList<>();
        Map<String, Object> formRoles = new HashMap<>();
        Set<String> reportedForms = new HashSet<>();
        boolean metadataDone = false;
        boolean sawOdm = false;
        long count = 0;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = XlsxReader.factory().createXMLStreamReader(in, "UTF-8");
            String currentEvent = null;
            List<String> currentEventForms = null;
            String itemOid = null;
            String itemName = null;
            String itemType = null;
            String question = null;
            Double min = null;
            Double max = null;
            String codeListRef = null;
            String unitRef = null;
            Map<String, String> codeList = null;
            String codeListOid = null;
            String codedValue = null;
            String unitOid = null;
            String unitName = null;
            RawSubject subject = null;
            String event = null;
            String eventRefusal = null;
            String form = null;
            String comparator = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "ItemDef" -> {
                            if (itemOid != null) {
                                items.put(itemOid, new ItemDef(itemOid, itemName, itemType, question, min, max, codeListRef, unitRef));
                            }
                            itemOid = null;
                        }
                        case "CodeList" -> {
                            if (codeListOid != null) {
                                codeLists.put(codeListOid, codeList);
                            }
                            codeListOid = null;
                        }
                        case "MeasurementUnit" -> {
                            if (unitOid != null) {
                                units.put(unitOid, unitName);
                            }
                            unitOid = null;
                        }
                        case "StudyEventDef" -> {
                            if (currentEvent != null) {
                                eventForms.put(currentEvent, currentEventForms);
                            }
                            currentEvent = null;
                        }
                        case "SubjectData" -> {
                            if (subject != null) {
                                checker.accept(subject);
                                count++;
                                subject = null;
                                if (maxSubjects >= 0 && count >= maxSubjects) {
                                    return !hasMoreSubjects(r);
                                }
                            }
                        }
                        case "StudyEventData" -> {
                            event = null;
                            eventRefusal = null;
                        }
                        case "FormData" -> form = null;
                        default -> {
                        }
                    }
                    continue;
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                long line = r.getLocation().getLineNumber();
                String name = r.getLocalName();
                switch (name) {
                    case "ODM" -> sawOdm = true;
                    case "MeasurementUnit" -> {
                        unitOid = r.getAttributeValue(null, "OID");
                        unitName = r.getAttributeValue(null, "Name");
                    }
                    case "StudyEventRef" -> protocol.add(r.getAttributeValue(null, "StudyEventOID"));
                    case "StudyEventDef" -> {
                        currentEvent = r.getAttributeValue(null, "OID");
                        eventNames.put(currentEvent, r.getAttributeValue(null, "Name"));
                        currentEventForms = new ArrayList<>();
                    }
                    case "FormRef" -> {
                        if (currentEventForms != null) {
                            currentEventForms.add(r.getAttributeValue(null, "FormOID"));
                        }
                    }
                    case "FormDef" -> formNames.put(r.getAttributeValue(null, "OID"), r.getAttributeValue(null, "Name"));
                    case "ItemDef" -> {
                        itemOid = r.getAttributeValue(null, "OID");
                        itemName = r.getAttributeValue(null, "Name");
                        itemType = r.getAttributeValue(null, "DataType");
                        question = null;
                        min = null;
                        max = null;
                        codeListRef = null;
                        unitRef = null;
                    }
                    case "RangeCheck" -> comparator = r.getAttributeValue(null, "Comparator");
                    case "CheckValue" -> {
                        String v = r.getElementText().strip();
                        if (itemOid != null && comparator != null && Numbers.isNumber(v)) {
                            double d = Numbers.parseNumber(v);
                            if (comparator.equals("GE") || comparator.equals("GT")) {
                                min = d;
                            } else if (comparator.equals("LE") || comparator.equals("LT")) {
                                max = d;
                            }
                        }
                    }
                    case "CodeListRef" -> codeListRef = r.getAttributeValue(null, "CodeListOID");
                    case "MeasurementUnitRef" -> unitRef = r.getAttributeValue(null, "MeasurementUnitOID");
                    case "CodeList" -> {
                        codeListOid = r.getAttributeValue(null, "OID");
                        codeList = new LinkedHashMap<>();
                    }
                    case "CodeListItem" -> codedValue = r.getAttributeValue(null, "CodedValue");
                    case "TranslatedText" -> {
                        String text = r.getElementText();
                        if (codeListOid != null && codedValue != null) {
                            codeList.putIfAbsent(codedValue, text);
                        } else if (unitOid != null) {
                            unitName = text.isBlank() ? unitName : text.strip();
                        } else if (itemOid != null && question == null) {
                            question = text.strip();
                        }
                    }
                    case "ClinicalData" -> {
                        if (!metadataDone) {
                            metadataDone = true;
                            buildMetadata(checker, items, codeLists, units, eventNames, eventForms, protocol, formNames, formRoles);
                        }
                    }
                    case "SubjectData" -> {
                        String key = r.getAttributeValue(null, "SubjectKey");
                        Loc loc = new Loc(line, "SubjectKey");
                        if ("Remove".equals(r.getAttributeValue(null, "TransactionType"))) {
                            checker.problem(loc, "TransactionType Remove is not supported: an import only adds subjects");
                        }
                        subject = new RawSubject(mapping.recode("subject_id", key == null ? "" : key.strip()), loc);
                        if (key == null || key.isBlank()) {
                            checker.problem(loc, "SubjectData without SubjectKey");
                        }
                    }
                    case "StudyEventData" -> {
                        event = r.getAttributeValue(null, "StudyEventOID");
                        String repeat = r.getAttributeValue(null, "StudyEventRepeatKey");
                        if (repeat != null && !repeat.equals("1")) {
                            eventRefusal = "a repeated study event (" + event + ", StudyEventRepeatKey " + repeat
                                    + "): repeated observations are not imported yet";
                            event = null;
                        }
                    }
                    case "FormData" -> form = r.getAttributeValue(null, "FormOID");
                    default -> {
                        if (name.startsWith("ItemData")) {
                            String oid = r.getAttributeValue(null, "ItemOID");
                            String value = r.getAttributeValue(null, "Value");
                            boolean isNull = "Yes".equals(r.getAttributeValue(null, "IsNull"));
                            if (!name.equals("ItemData")) {
                                value = r.getElementText();
                            }
                            if (isNull || value == null || value.isBlank()) {
                                continue;
                            }
                            if (oid != null && mapping.mentions(oid) && mapping.target(oid).isEmpty()) {
                                checker.skip("item " + oid + " ignored by the column mapping");
                                continue;
                            }
                            checker.countRead(1);
                            Loc loc = new Loc(line, oid == null ? "" : oid);
                            String rec = subject == null ? "" : subject.id();
                            String v = value.strip();
                            if (oid == null) {
                                checker.refuse(rec, loc, v, "ItemData without ItemOID");
                            } else if (subject == null) {
                                checker.refuse(rec, loc, v, "ItemData outside a SubjectData");
                            } else if (event == null) {
                                checker.refuse(rec, loc, v, eventRefusal != null ? eventRefusal
                                        : "ItemData without a StudyEventData around it: forms directly under the subject are not "
                                                + "imported yet");
                            } else if (form == null) {
                                checker.refuse(rec, loc, v, "ItemData outside a FormData");
                            } else {
                                item(checker, subject, event, form, oid, v, loc, items, formNames, formRoles, reportedForms);
                            }
                        }
                    }
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            checker.problem(new Loc(line, ""), "not well-formed XML: " + e.getMessage().replaceAll("\\s+", " "));
            return true;
        }
        if (!sawOdm) {
            checker.problem(new Loc(1, ""), "not an ODM file (no ODM root element)");
        }
        if (!metadataDone) {
            checker.problem(new Loc(0, ""), "no ClinicalData in the file");
        }
        return true;
    }

    private static boolean hasMoreSubjects(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("SubjectData")) {
                return true;
            }
        }
        return false;
    }

    private void item(ImportChecker checker, RawSubject s, String event, String form, String oid, String value, Loc loc,
            Map<String, ItemDef> items, Map<String, String> formNames, Map<String, Object> formRoles, Set<String> reportedForms) {
        ItemDef def = items.get(oid);
        String itemName = def != null && def.name() != null ? def.name() : oid.substring(oid.lastIndexOf('.') + 1);
        String id = s.id();
        if (mapping.mentions(oid)) {
            var target = mapping.target(oid);
            String t = target.orElseThrow();
            String v = mapping.recode(t, value).strip();
            if (v.isEmpty()) {
                checker.refuse(id, loc, value, "recoded to empty by the column mapping");
                return;
            }
            if (TrialStore.SUBJECT_FIELDS.contains(t)) {
                if (t.equals("subject_id")) {
                    s.keys().add(new RawSubject.Cell(v, loc));
                } else {
                    s.put(s.fields(), t, v, loc, checker);
                }
                return;
            }
            String[] parts = t.split("\\.", -1);
            if (parts.length == 1) {
                s.put(s.variables(), t, v, loc, checker);
            } else if (parts.length == 2) {
                s.answers().add(RawSubject.AnswerCell.at(visit(event), parts[0], parts[1], v, loc));
            } else if (parts.length == 3) {
                s.answers().add(RawSubject.AnswerCell.at(parts[1], parts[0], parts[2], v, loc));
            } else {
                checker.refuse(id, loc, value, "mapping target '" + t + "' is not a subject field, a variable or <instrument>.<item>");
            }
            return;
        }
        Object role = formRoles.computeIfAbsent(form, f -> role(checker, f, formNames));
        if ("SUBJECT".equals(role)) {
            String v = mapping.recode(itemName, value).strip();
            if (!TrialStore.SUBJECT_FIELDS.contains(itemName)) {
                checker.refuse(id, loc, value, "item " + itemName + " of form " + form + " is not a subject field ("
                        + String.join(", ", TrialStore.SUBJECT_FIELDS) + ")");
            } else if (itemName.equals("subject_id")) {
                s.keys().add(new RawSubject.Cell(value, loc));
            } else if (v.isEmpty()) {
                checker.refuse(id, loc, value, "recoded to empty by the column mapping");
            } else {
                s.put(s.fields(), itemName, v, loc, checker);
            }
        } else if ("BASELINE".equals(role)) {
            String v = mapping.recode(itemName, value).strip();
            if (v.isEmpty()) {
                checker.refuse(id, loc, value, "recoded to empty by the column mapping");
            } else {
                s.put(s.variables(), itemName, v, loc, checker);
            }
        } else if (role instanceof Instrument inst) {
            String visit = visit(event);
            String v = mapping.recode(inst.id() + "." + visit + "." + itemName, value).strip();
            if (v.isEmpty()) {
                checker.refuse(id, loc, value, "recoded to empty by the column mapping");
            } else {
                s.answers().add(new RawSubject.AnswerCell(visit, new Loc(loc.row(), event), inst.id(), new Loc(loc.row(), form),
                        itemName, loc, v, loc));
            }
        } else {
            checker.refuse(id, loc, value, "form " + form + " is neither F.SUBJECT, F.BASELINE nor an installed "
                    + "instrument; map its item OIDs in the column mapping");
        }
    }

    private Object role(ImportChecker checker, String formOid, Map<String, String> formNames) {
        String id = formOid.startsWith("F.") ? formOid.substring(2) : formOid;
        if (id.equalsIgnoreCase("SUBJECT")) {
            return "SUBJECT";
        }
        if (id.equalsIgnoreCase("BASELINE")) {
            return "BASELINE";
        }
        Instrument inst = checker.catalogFind(mapping.recode("instrument", id));
        if (inst == null && formNames.get(formOid) != null) {
            inst = checker.catalogFind(mapping.recode("instrument", formNames.get(formOid)));
        }
        return inst == null ? "UNKNOWN" : inst;
    }

    private String visit(String eventOid) {
        String id = eventOid.startsWith("SE.") ? eventOid.substring(3) : eventOid;
        return mapping.recode("visit", id).strip();
    }

    private void buildMetadata(ImportChecker checker, Map<String, ItemDef> items, Map<String, Map<String, String>> codeLists,
            Map<String, String> units, Map<String, String> eventNames, Map<String, List<String>> eventForms, List<String> protocol,
            Map<String, String> formNames, Map<String, Object> formRoles) {
        ItemDef arm = items.get("I.SUBJECT.arm");
        if (arm != null && arm.codeList() != null && codeLists.containsKey(arm.codeList())) {
            metadata.arms.putAll(codeLists.get(arm.codeList()));
        }
        List<String> order = new ArrayList<>(protocol);
        for (String e : eventNames.keySet()) {
            if (!order.contains(e)) {
                order.add(e);
            }
        }
        for (String e : order) {
            boolean hasInstrument = false;
            for (String f : eventForms.getOrDefault(e, List.of())) {
                Object role = formRoles.computeIfAbsent(f, x -> role(checker, x, formNames));
                hasInstrument |= role instanceof Instrument;
            }
            if (hasInstrument) {
                String label = eventNames.get(e);
                metadata.visits.put(visit(e), label == null || label.isBlank() ? visit(e) : label);
            }
        }
        for (ItemDef d : items.values()) {
            if (!d.oid().startsWith("I.BASELINE.") || d.name() == null || !VariableDefinition.isValidName(d.name())) {
                continue;
            }
            VariableType t = switch (d.dataType() == null ? "text" : d.dataType().toLowerCase(Locale.ROOT)) {
                case "integer" -> VariableType.INTEGER;
                case "float", "double" -> VariableType.NUMBER;
                case "date" -> VariableType.DATE;
                default -> VariableType.TEXT;
            };
            Map<String, String> choices = d.codeList() == null ? Map.of() : codeLists.getOrDefault(d.codeList(), Map.of());
            if (t.numeric()) {
                Map<String, String> canonical = new LinkedHashMap<>();
                for (Map.Entry<String, String> c : choices.entrySet()) {
                    canonical.put(Numbers.isNumber(c.getKey()) ? Numbers.format(Numbers.parseNumber(c.getKey())) : c.getKey(), c.getValue());
                }
                choices = canonical;
            }
            try {
                metadata.variables.put(d.name(), new VariableDefinition(d.name(), d.question(), t,
                        d.unit() == null ? null : units.get(d.unit()), t.numeric() ? d.min() : null, t.numeric() ? d.max() : null,
                        choices, 0));
            } catch (IllegalArgumentException e) {
                checker.problem(new Loc(0, d.oid()), "ItemDef " + d.oid() + ": " + e.getMessage());
            }
        }
        checker.metadata(metadata);
    }
}
