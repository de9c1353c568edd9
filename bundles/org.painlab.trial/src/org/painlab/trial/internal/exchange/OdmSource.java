package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.painlab.core.StudyException;
import org.painlab.core.importer.ImportLimitException;
import org.painlab.core.importer.ImportLimits;
import org.painlab.core.importer.LimitedInputStream;
import org.painlab.core.io.SafeXml;
import org.painlab.trial.exchange.ColumnMapping;
import org.painlab.trial.exchange.FormRoute;
import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.store.Numbers;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.VariableDefinition;
import org.painlab.trial.store.VariableType;

/**
 * Reads CDISC ODM 1.3 XML as EDC systems write it (REDCap, OpenClinica: the root element is
 * {@code ODM} in the namespace {@value #ODM_NS}, any other root is refused; the elements below it are
 * matched by their local names) with the JDK's StAX reader, streaming one {@code SubjectData} at a
 * time (a Transactional file is read whole, in order). DTDs and external entities are refused.
 *
 * <p>A {@code FormData} may stand in a {@code StudyEventData} or directly under the subject (REDCap
 * classic projects). The subject id is OpenClinica's {@code StudySubjectID} when given (the SubjectKey
 * is kept in a note), else the SubjectKey. REDCap's bookkeeping (the record id item named by
 * {@code redcap:RecordIdField} and {@code <form>_complete}) is left out like in its CSV export.
 *
 * <p>Forms: {@code F.SUBJECT} holds subject fields, {@code F.BASELINE} baseline variables, and a form
 * whose OID without {@code F.} (or whose Name) is an installed instrument id holds that instrument's
 * items, each named by its ItemDef's Name. Events: the visit is the StudyEventOID without {@code SE.}
 * (recoded by the mapping's {@code visit} values); the enrolment event holds no answers. The metadata
 * define arms (the CodeList of {@code I.SUBJECT.arm}), visits (events with instrument forms, in
 * Protocol order, named by the StudyEventDef Name) and baseline variables ({@code I.BASELINE.*}
 * ItemDefs: DataType, RangeCheck GE/LE, CodeList, MeasurementUnit). A column mapping may send any
 * ItemOID to a subject field, a variable name or {@code <instrument>.<item>}; an ItemOID that the mapping
 * does not mention and the metadata do not define (no ItemDef) is refused, never made a variable; an
 * item of any other form that the mapping does not mention is a subject variable named by its ItemDef Name (or its OID when
 * the Name is no valid variable name or is shared), defined from its ItemDef.
 *
 * <p>Transactional files: Insert adds a value (a different value for a filled slot is a conflict),
 * Update and Upsert replace it, Remove clears it, Context values are left out.
 *
 * <p>Observations: an item of a form without a role (not subject, baseline or instrument) that the
 * mapping does not name is an observation (form, visit, instance, field) instead of a subject
 * variable when it stands in a repeated study event, form or item group (a definition marked
 * {@code Repeating="Yes"}, a REDCap repeating instrument, or a repeat key other than 1) or when its
 * form is named by two or more StudyEventDefs (REDCap arm suffixes taken off). A repeat inside a
 * repeat (two instance numbers) is refused.
 */
public final class OdmSource implements SubjectSource {
    /** The namespace of ODM 1.3 (1.3.0 to 1.3.2); a root element in any other is refused. */
    static final String ODM_NS = "http://www.cdisc.org/ns/odm/v1.3";
    /** The longest text the trial store holds in one value. */
    private static final int MAX_TEXT = 1000;
    private final Path file;
    private final ColumnMapping mapping;
    private final ImportLimits limits;
    private final SourceMetadata metadata = new SourceMetadata();
    /** ItemOID to the definition its values are checked against when they are observations (no range checks). */
    private final Map<String, VariableDefinition> observationDefinitions = new HashMap<>();
    /** FormOID to its Name, and to REDCap's form name, of the file read: the names a form mapping may use. */
    private final Map<String, String> formNames = new HashMap<>();
    private final Map<String, String> redcapForms = new HashMap<>();

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
        this(file, mapping, null);
    }

    /**
     * Creates the source with size limits: the file's bytes ({@link ImportLimits#maxBytes()}, counted as
     * read) and its subjects ({@link ImportLimits#maxRows()}). The length of one value is not limited:
     * REDCap exports file uploads as long base64 items, and the byte limit already bounds it.
     *
     * @param file the XML file
     * @param mapping the column mapping
     * @param limits the size limits (null: {@link ImportLimits#defaults()})
     */
    public OdmSource(Path file, ColumnMapping mapping, ImportLimits limits) {
        this.file = file;
        this.mapping = mapping;
        this.limits = limits == null ? ImportLimits.defaults() : limits;
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
        Map<String, String> formNames = this.formNames;
        formNames.clear();
        Map<String, String> eventNames = new LinkedHashMap<>();
        Map<String, List<String>> eventForms = new HashMap<>();
        List<String> protocol = new ArrayList<>();
        Map<String, Object> formRoles = new HashMap<>();
        Map<String, List<String>> formGroups = new HashMap<>();
        Map<String, List<String>> groupItems = new HashMap<>();
        Map<String, String> variableNames = new HashMap<>();
        Map<String, RawSubject> pending = new LinkedHashMap<>();
        boolean transactional = false;
        Map<String, String> redcapForms = this.redcapForms;
        redcapForms.clear();
        // definitions that repeat: "E:"/"F:"/"G:" + StudyEventDef/FormDef/ItemGroupDef OID, "R:" + REDCap form name
        java.util.Set<String> repeating = new java.util.HashSet<>();
        java.util.Set<String> perEventForms = new java.util.HashSet<>();
        int[] instances = new int[3];
        String[] redcapRecordId = new String[1];
        boolean metadataDone = false;
        boolean sawOdm = false;
        long count = 0;
        long size = Files.size(file);
        if (size > limits.maxBytes()) {
            checker.problem(new Loc(0, ""), new ImportLimitException("the file is " + ImportLimits.bytes(size) + ", larger than "
                    + ImportLimits.bytes(limits.maxBytes()), ImportLimits.MAX_BYTES, limits.maxBytes()).getMessage());
            return true;
        }
        long subjectsSeen = 0;
        OdmCalcCheck calc = new OdmCalcCheck();
        try (InputStream in = new LimitedInputStream(Files.newInputStream(file), limits.maxBytes(), "the file")) {
            XMLStreamReader r = SafeXml.open(in);
            String currentEvent = null;
            List<String> currentEventForms = null;
            List<String> currentFormGroups = null;
            List<String> currentGroupItems = null;
            boolean inQuestion = false;
            String recordIdField = null;
            String[] tx = new String[4];
            String formRefusal = null;
            String groupRefusal = null;
            String itemOid = null;
            String itemName = null;
            String itemType = null;
            String itemCalculation = null;
            String itemVariable = null;
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
                                calc.define(itemOid, itemVariable != null ? itemVariable : itemName != null ? itemName : itemOid,
                                        itemCalculation, checker);
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
                        case "Question" -> inQuestion = false;
                        case "FormDef" -> currentFormGroups = null;
                        case "ItemGroupDef" -> currentGroupItems = null;
                        case "SubjectData" -> {
                            tx[0] = null;
                            calc.endSubject(subject == null ? "" : subject.id());
                            if (subject != null && transactional) {
                                subject = null;
                            } else if (subject != null) {
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
                            tx[1] = null;
                            instances[0] = 0;
                        }
                        case "FormData" -> {
                            form = null;
                            formRefusal = null;
                            tx[2] = null;
                            instances[1] = 0;
                        }
                        case "ItemGroupData" -> {
                            groupRefusal = null;
                            tx[3] = null;
                            instances[2] = 0;
                        }
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
                if (!sawOdm) {
                    String ns = r.getNamespaceURI();
                    if (!name.equals("ODM") || !ODM_NS.equals(ns)) {
                        checker.problem(new Loc(line, ""), "not a CDISC ODM 1.3 file: the root element is <" + name + "> in "
                                + (ns == null || ns.isEmpty() ? "no namespace" : "the namespace " + ns) + " (expected <ODM> in the "
                                + "namespace " + ODM_NS + ", as REDCap and OpenClinica write it)");
                        return true;
                    }
                }
                switch (name) {
                    case "ODM" -> {
                        sawOdm = true;
                        transactional = "Transactional".equals(r.getAttributeValue(null, "FileType"));
                    }
                    case "Question" -> inQuestion = true;
                    case "MetaDataVersion" -> redcapRecordId[0] = r.getAttributeValue(null, "RecordIdField");
                    case "ItemGroupRef" -> {
                        if (currentFormGroups != null) {
                            currentFormGroups.add(r.getAttributeValue(null, "ItemGroupOID"));
                        }
                    }
                    case "ItemGroupDef" -> {
                        if ("Yes".equalsIgnoreCase(r.getAttributeValue(null, "Repeating"))) {
                            repeating.add("G:" + r.getAttributeValue(null, "OID"));
                        }
                        currentGroupItems = new ArrayList<>();
                        groupItems.put(r.getAttributeValue(null, "OID"), currentGroupItems);
                    }
                    case "ItemRef" -> {
                        if (currentGroupItems != null) {
                            currentGroupItems.add(r.getAttributeValue(null, "ItemOID"));
                        }
                    }
                    case "MeasurementUnit" -> {
                        unitOid = r.getAttributeValue(null, "OID");
                        unitName = r.getAttributeValue(null, "Name");
                    }
                    case "StudyEventRef" -> protocol.add(r.getAttributeValue(null, "StudyEventOID"));
                    case "RepeatingInstrument" -> {
                        if (r.getAttributeValue(null, "RepeatInstrument") != null) {
                            repeating.add("R:" + r.getAttributeValue(null, "RepeatInstrument"));
                        }
                    }
                    case "StudyEventDef" -> {
                        currentEvent = r.getAttributeValue(null, "OID");
                        if ("Yes".equalsIgnoreCase(r.getAttributeValue(null, "Repeating"))) {
                            repeating.add("E:" + currentEvent);
                        }
                        eventNames.put(currentEvent, r.getAttributeValue(null, "Name"));
                        currentEventForms = new ArrayList<>();
                    }
                    case "FormRef" -> {
                        if (currentEventForms != null) {
                            currentEventForms.add(r.getAttributeValue(null, "FormOID"));
                        }
                    }
                    case "FormDef" -> {
                        formNames.put(r.getAttributeValue(null, "OID"), r.getAttributeValue(null, "Name"));
                        if ("Yes".equalsIgnoreCase(r.getAttributeValue(null, "Repeating"))) {
                            repeating.add("F:" + r.getAttributeValue(null, "OID"));
                        }
                        if (r.getAttributeValue(null, "FormName") != null) {
                            redcapForms.put(r.getAttributeValue(null, "OID"), r.getAttributeValue(null, "FormName"));
                        }
                        currentFormGroups = new ArrayList<>();
                        formGroups.put(r.getAttributeValue(null, "OID"), currentFormGroups);
                    }
                    case "ItemDef" -> {
                        itemOid = r.getAttributeValue(null, "OID");
                        itemName = r.getAttributeValue(null, "Name");
                        itemType = r.getAttributeValue(null, "DataType");
                        itemCalculation = redcapAttribute(r, "Calculation");
                        itemVariable = redcapAttribute(r, "Variable");
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
                        } else if (itemOid != null && inQuestion && question == null) {
                            question = text.replaceAll("\\s+", " ").strip();
                        }
                    }
                    case "ClinicalData" -> {
                        if (!metadataDone) {
                            metadataDone = true;
                            perEventForms.addAll(perEventForms(eventForms));
                            checkFormRoutes(checker);
                            buildMetadata(checker, items, codeLists, units, eventNames, eventForms, protocol, formNames, formRoles,
                                    formGroups, groupItems, variableNames, redcapForms, redcapRecordId[0], repeating, perEventForms);
                        }
                    }
                    case "SubjectData" -> {
                        if (++subjectsSeen > limits.maxRows()) {
                            throw new ImportLimitException("the file has more than " + limits.maxRows() + " SubjectData",
                                    ImportLimits.MAX_ROWS, limits.maxRows());
                        }
                        String key = r.getAttributeValue(null, "SubjectKey");
                        String label = r.getAttributeValue(null, "StudySubjectID");
                        Loc loc = new Loc(line, "SubjectKey");
                        tx[0] = r.getAttributeValue(null, "TransactionType");
                        if ("Remove".equals(tx[0])) {
                            checker.problem(loc, "TransactionType Remove is not supported: an import only adds subjects");
                        }
                        recordIdField = r.getAttributeValue(null, "RecordIdField");
                        String id = key == null ? "" : key.strip();
                        if (label != null && !label.isBlank()) {
                            id = label.strip();
                            checker.note("subject " + id + ": OpenClinica SubjectKey " + key);
                        }
                        id = mapping.recode("subject_id", id);
                        subject = transactional ? pending.get(id) : null;
                        if (subject == null) {
                            subject = new RawSubject(id, loc);
                            if (transactional) {
                                pending.put(id, subject);
                            }
                        }
                        if (key == null || key.isBlank()) {
                            checker.problem(loc, "SubjectData without SubjectKey");
                        }
                    }
                    case "StudyEventData" -> {
                        event = r.getAttributeValue(null, "StudyEventOID");
                        tx[1] = r.getAttributeValue(null, "TransactionType");
                        String repeat = r.getAttributeValue(null, "StudyEventRepeatKey");
                        instances[0] = instance(repeat, repeating.contains("E:" + event));
                        if (instances[0] < 0) {
                            eventRefusal = "a repeated study event (" + event + ", StudyEventRepeatKey " + repeat
                                    + "): the repeat key is not a whole number 1 or more";
                            event = null;
                        }
                    }
                    case "FormData" -> {
                        form = r.getAttributeValue(null, "FormOID");
                        tx[2] = r.getAttributeValue(null, "TransactionType");
                        String repeat = r.getAttributeValue(null, "FormRepeatKey");
                        instances[1] = instance(repeat, repeating.contains("F:" + form)
                                || repeating.contains("R:" + redcapForms.getOrDefault(form, "")));
                        if (instances[1] < 0) {
                            formRefusal = "a repeated form (" + form + ", FormRepeatKey " + repeat
                                    + "): the repeat key is not a whole number 1 or more";
                        }
                    }
                    case "ItemGroupData" -> {
                        tx[3] = r.getAttributeValue(null, "TransactionType");
                        String repeat = r.getAttributeValue(null, "ItemGroupRepeatKey");
                        instances[2] = instance(repeat, repeating.contains("G:" + r.getAttributeValue(null, "ItemGroupOID")));
                        if (instances[2] < 0) {
                            groupRefusal = "a repeated item group (" + r.getAttributeValue(null, "ItemGroupOID")
                                    + ", ItemGroupRepeatKey " + repeat + "): the repeat key is not a whole number 1 or more";
                        } else if (java.util.Arrays.stream(instances).filter(k -> k > 0).count() > 1) {
                            groupRefusal = "a repeated item group (" + r.getAttributeValue(null, "ItemGroupOID") + ") inside a repeated "
                                    + "form or study event: an observation has one instance number, nested repeats are not imported";
                        }
                    }
                    default -> {
                        if (name.startsWith("ItemData")) {
                            String oid = r.getAttributeValue(null, "ItemOID");
                            String value = r.getAttributeValue(null, "Value");
                            boolean isNull = "Yes".equals(r.getAttributeValue(null, "IsNull"));
                            String itemTx = transactional ? transaction(r.getAttributeValue(null, "TransactionType"), tx) : "Insert";
                            if (!name.equals("ItemData")) {
                                value = r.getElementText();
                            }
                            boolean blank = isNull || value == null || value.isBlank();
                            if (oid != null && mapping.mentions(oid) && mapping.target(oid).isEmpty()) {
                                if (!blank) {
                                    checker.skip("item " + oid + " ignored by the column mapping");
                                }
                                continue;
                            }
                            if (oid != null && subject != null && form != null && redcapBookkeeping(oid, form, recordIdField, redcapForms)) {
                                if (!blank) {
                                    checker.skip("REDCap's record id and form status items (as in its CSV export)");
                                }
                                continue;
                            }
                            if (itemTx.equals("Remove") || itemTx.equals("Context")) {
                                int inst = Math.max(instances[0], Math.max(instances[1], instances[2]));
                                String obsForm = itemTx.equals("Remove") && oid != null && subject != null && form != null
                                        ? observationForm(oid, form, inst, perEventForms, formNames, formRoles, redcapForms, checker) : null;
                                if (obsForm != null) {
                                    subject.clearObservation(obsForm, fixedVisit(form) != null ? fixedVisit(form)
                                            : event == null ? "" : observationVisit(event), inst,
                                            observationField(oid, items), checker, "value removed by a later Remove of the same item");
                                } else if (itemTx.equals("Remove") && oid != null && subject != null && form != null && eventRefusal == null
                                        && formRefusal == null && groupRefusal == null) {
                                    clear(checker, subject, event, form, oid, items, formNames, formRoles, variableNames,
                                            "value removed by a later Remove of the same item");
                                }
                                if (!blank) {
                                    checker.skip(itemTx.equals("Remove") ? "values of Remove transactions"
                                            : "values of Context transactions (given for context, not changed)");
                                }
                                continue;
                            }
                            if (blank) {
                                continue;
                            }
                            if (oid != null && form != null && subject != null && !mapping.mentions(oid)
                                    && route(form).filter(x -> x.kind() == FormRoute.Kind.IGNORE).isPresent()) {
                                checker.formOfColumn(oid, form, "ignored by the mapping");
                                checker.skip("form " + form + " ignored by the mapping (forms)");
                                continue;
                            }
                            checker.countRead(1);
                            Loc loc = new Loc(line, oid == null ? "" : oid);
                            String rec = subject == null ? "" : subject.id();
                            if (oid != null && form != null && subject != null) {
                                int k = Math.max(instances[0], Math.max(instances[1], instances[2]));
                                checker.formOfColumn(oid, form, mapsTo(oid, form, observationForm(oid, form, Math.max(k, 0), perEventForms,
                                        formNames, formRoles, redcapForms, checker) != null, k > 0, formNames, formRoles, checker));
                            }
                            String v = value.strip();
                            if (oid == null) {
                                checker.refuse(rec, loc, v, "ItemData without ItemOID");
                            } else if (subject == null) {
                                checker.refuse(rec, loc, v, "ItemData outside a SubjectData");
                            } else if (name.endsWith("Binary")) {
                                checker.refuse(rec, loc, v.length() > 40 ? v.substring(0, 40) + "…" : v, "the content of a file ("
                                        + name + ", " + v.length() + " characters): files are not imported");
                            } else if (v.length() > MAX_TEXT) {
                                checker.refuse(rec, loc, v.substring(0, 40) + "…", "a value of " + v.length()
                                        + " characters: a value holds at most " + MAX_TEXT);
                            } else if (eventRefusal != null) {
                                checker.refuse(rec, loc, v, eventRefusal);
                            } else if (form == null) {
                                checker.refuse(rec, loc, v, "ItemData outside a FormData");
                            } else if (formRefusal != null || groupRefusal != null) {
                                checker.refuse(rec, loc, v, formRefusal != null ? formRefusal : groupRefusal);
                            } else {
                                int instance = Math.max(instances[0], Math.max(instances[1], instances[2]));
                                if (instances[1] < 0 || instances[2] < 0) {
                                    instance = 0;
                                }
                                String obsForm = observationForm(oid, form, instance, perEventForms, formNames, formRoles, redcapForms,
                                        checker);
                                if (calc.any()) {
                                    // REDCap computes a formula within one event and one instance
                                    calc.value((event == null ? "" : event) + "\u0000" + instances[0] + "\u0000" + instances[1], oid, v, line);
                                }
                                if (obsForm != null) {
                                    observation(checker, subject, event, form, obsForm, instance, oid, v, loc, items, itemTx);
                                } else {
                                    if (itemTx.equals("Update") || itemTx.equals("Upsert")) {
                                        clear(checker, subject, event, form, oid, items, formNames, formRoles, variableNames,
                                                "value replaced by a later Update or Upsert of the same item");
                                    }
                                    item(checker, subject, event, form, oid, v, loc, items, formNames, formRoles, variableNames);
                                }
                            }
                        }
                    }
                }
            }
            r.close();
            calc.report(checker);
            for (RawSubject p : pending.values()) {
                if (maxSubjects >= 0 && count >= maxSubjects) {
                    return false;
                }
                checker.accept(p);
                count++;
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
            ImportLimitException limit = limitCause(e);
            checker.problem(new Loc(line, ""), limit != null ? limit.getMessage() : "not well-formed XML: " + SafeXml.describe(e));
            return true;
        } catch (ImportLimitException e) {
            checker.problem(new Loc(0, ""), e.getMessage());
            return true;
        } catch (java.util.MissingResourceException e) {
            // the JDK's parser lacks the message of some errors (a NUL byte in a DTD: found by fuzzing)
            checker.problem(new Loc(0, ""), "not well-formed XML (" + e.getKey() + ")");
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

    /** What an item's values become, for the preview's mapping per form. */
    private String mapsTo(String oid, String form, boolean observation, boolean repeated, Map<String, String> formNames,
            Map<String, Object> formRoles, ImportChecker checker) {
        if (mapping.mentions(oid)) {
            return mapping.target(oid).map(t -> "as the column mapping says").orElse("ignored by the column mapping");
        }
        String fixed = fixedVisit(form);
        if (observation && fixed != null) {
            return "own form at visit " + fixed + (repeated ? " (instances)" : "");
        }
        if (observation) {
            return repeated ? "own form, repeating (instances)" : "own form, per visit";
        }
        Object role = formRoles.computeIfAbsent(form, f -> role(checker, f, formNames));
        if (role instanceof Instrument inst && fixed != null) {
            return "instrument " + inst.id() + " at visit " + fixed;
        }
        if ("SUBJECT".equals(role)) {
            return "subject fields";
        }
        if (role instanceof Instrument inst) {
            return "instrument " + inst.id() + " (answers per visit)";
        }
        return "baseline (one value per subject)";
    }

    /**
     * The instance a repeat key gives: 0 for no key, or key 1 of a definition that does not repeat; the
     * key for a repeating definition or a key other than 1; -1 for a key that is not a whole number 1 or more.
     */
    private static int instance(String key, boolean repeatingDef) {
        if (key == null || (key.strip().equals("1") && !repeatingDef)) {
            return 0;
        }
        try {
            long k = Long.parseLong(key.strip());
            return k >= 1 && k <= Integer.MAX_VALUE ? (int) k : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Forms filled at several visits: forms (not instruments) that two or more StudyEventDefs name, the
     * REDCap arm suffix of the event taken off (one event of two arms is one visit).
     */
    private static java.util.Set<String> perEventForms(Map<String, List<String>> eventForms) {
        Map<String, java.util.Set<String>> visits = new HashMap<>();
        eventForms.forEach((e, forms) -> {
            String v = e.replaceFirst("^(SE\\.|Event\\.)", "").replaceFirst("_arm_\\d+$", "");
            for (String f : forms) {
                visits.computeIfAbsent(f, k -> new java.util.HashSet<>()).add(v);
            }
        });
        java.util.Set<String> out = new java.util.HashSet<>();
        visits.forEach((f, v) -> {
            if (v.size() > 1) {
                out.add(f);
            }
        });
        return out;
    }

    /**
     * The observation form an item belongs to, or null when the item is no observation: an item the
     * mapping does not name, of a form that is not an instrument, subject or baseline form, that is
     * repeated (instance above 0) or filled at several visits.
     */
    private String observationForm(String oid, String form, int instance, java.util.Set<String> perEventForms,
            Map<String, String> formNames, Map<String, Object> formRoles, Map<String, String> redcapForms, ImportChecker checker) {
        if (mapping.mentions(oid)) {
            return null;
        }
        FormRoute route = route(form).orElse(null);
        boolean kept = route != null && (route.kind() == FormRoute.Kind.FORM || route.kind() == FormRoute.Kind.VISIT);
        if ((route != null && !kept) || (!kept && instance <= 0 && !perEventForms.contains(form))) {
            return null;
        }
        Object role = formRoles.computeIfAbsent(form, f -> role(checker, f, formNames));
        if (!"UNKNOWN".equals(role)) {
            return null;
        }
        String name = redcapForms.get(form);
        if (name == null) {
            name = formNames.get(form);
        }
        return name != null && name.matches("[A-Za-z][A-Za-z0-9_]{0,99}") ? name : form;
    }

    /** The visit of an observation: the event without {@code SE.}/{@code Event.} and REDCap's arm suffix, recoded. */
    private String observationVisit(String event) {
        if (event.equals(OdmExporter.ENROLMENT)) {
            // the workbench's own export writes observations without a visit in its enrolment event
            return "";
        }
        String id = event.replaceFirst("^(SE\\.|Event\\.)", "");
        if (event.startsWith("Event.")) {
            id = id.replaceFirst("_arm_\\d+$", "");
        }
        return mapping.recode("visit", id).strip();
    }

    /** The field of an observation: its ItemDef Name when usable, else the OID. */
    private static String observationField(String oid, Map<String, ItemDef> items) {
        ItemDef def = items.get(oid);
        String name = def == null ? null : def.name();
        return name != null && name.matches("[A-Za-z][A-Za-z0-9_]{0,99}") ? name : oid;
    }

    private void observation(ImportChecker checker, RawSubject s, String event, String formOid, String form, int instance, String oid,
            String value, Loc loc, Map<String, ItemDef> items, String itemTx) {
        String field = observationField(oid, items);
        String fixed = fixedVisit(formOid);
        String visit = fixed != null ? fixed : event == null ? "" : observationVisit(event);
        if (itemTx.equals("Update") || itemTx.equals("Upsert")) {
            s.clearObservation(form, visit, instance, field, checker, "value replaced by a later Update or Upsert of the same item");
        }
        String v = mapping.recode(field, booleanCode(items.get(oid), value)).strip();
        if (v.isEmpty()) {
            checker.refuse(s.id(), loc, value, "recoded to empty by the column mapping");
            return;
        }
        s.observe(new RawSubject.ObservationCell(form, visit, new Loc(loc.row(), event == null ? "" : event), instance, field,
                new RawSubject.Cell(v, loc), observationDefinitions.get(oid)), checker);
    }

    /** A REDCap attribute of the current element ({@code redcap:Calculation}), whatever namespace URI the version writes. */
    private static String redcapAttribute(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (localName.equals(r.getAttributeLocalName(i)) && ("redcap".equals(r.getAttributePrefix(i))
                    || String.valueOf(r.getAttributeNamespace(i)).contains("projectredcap"))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    /** The limit passed while the XML parser read, if that is why it failed (the parser may wrap it). */
    private static ImportLimitException limitCause(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof ImportLimitException l) {
                return l;
            }
        }
        return null;
    }

    private static boolean hasMoreSubjects(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("SubjectData")) {
                return true;
            }
        }
        return false;
    }

    /** The TransactionType in force for an ItemData: its own, else that of the innermost element around it. */
    private static String transaction(String own, String[] around) {
        String t = own;
        for (int i = around.length - 1; t == null && i >= 0; i--) {
            t = around[i];
        }
        return t == null ? "Insert" : t;
    }

    /** REDCap writes its record id and each form's status as items; its CSV export does not count them as data. */
    private static boolean redcapBookkeeping(String oid, String form, String recordIdField, Map<String, String> redcapForms) {
        if (recordIdField == null) {
            return false;
        }
        String formName = redcapForms.getOrDefault(form, form.startsWith("Form.") ? form.substring(5) : form);
        return oid.equals(recordIdField) || oid.equals(formName + "_complete");
    }

    /** Clears the slot an item fills (before an Update replaces it, or for a Remove). */
    private void clear(ImportChecker checker, RawSubject s, String event, String form, String oid, Map<String, ItemDef> items,
            Map<String, String> formNames, Map<String, Object> formRoles, Map<String, String> variableNames, String why) {
        ItemDef def = items.get(oid);
        String itemName = def != null && def.name() != null ? def.name() : oid.substring(oid.lastIndexOf('.') + 1);
        if (mapping.mentions(oid)) {
            String t = mapping.target(oid).orElse("");
            String[] parts = t.split("\\.", -1);
            if (TrialStore.SUBJECT_FIELDS.contains(t)) {
                s.clear(s.fields(), t, checker, why);
            } else if (parts.length == 1) {
                s.clear(s.variables(), t, checker, why);
            } else if (parts.length == 2 && event != null) {
                s.clearAnswer(visit(event), parts[0], parts[1], checker, why);
            } else if (parts.length == 3) {
                s.clearAnswer(parts[1], parts[0], parts[2], checker, why);
            }
            return;
        }
        Object role = formRoles.computeIfAbsent(form, f -> role(checker, f, formNames));
        if ("SUBJECT".equals(role)) {
            s.clear(s.fields(), itemName, checker, why);
        } else if ("BASELINE".equals(role)) {
            s.clear(s.variables(), itemName, checker, why);
        } else if (role instanceof Instrument inst) {
            if (fixedVisit(form) != null || event != null) {
                s.clearAnswer(fixedVisit(form) != null ? fixedVisit(form) : visit(event), inst.id(), itemName, checker, why);
            }
        } else {
            String variable = variableNames.computeIfAbsent(oid, o -> variableName(o, def, items));
            if (variable != null) {
                s.clear(s.variables(), variable, checker, why);
            }
        }
    }

    /**
     * The variable an item of a form without a role becomes: its ItemDef Name when that is a valid
     * variable name given to no other ItemDef, else its OID when valid, else null.
     */
    private static String variableName(String oid, ItemDef def, Map<String, ItemDef> items) {
        String name = def == null ? null : def.name();
        if (name != null && VariableDefinition.isValidName(name) && !TrialStore.SUBJECT_FIELDS.contains(name)) {
            long same = items.values().stream().filter(d -> name.equals(d.name())).count();
            if (same <= 1) {
                return name;
            }
        }
        return VariableDefinition.isValidName(oid) && !TrialStore.SUBJECT_FIELDS.contains(oid) ? oid : null;
    }

    private void item(ImportChecker checker, RawSubject s, String event, String form, String oid, String value, Loc loc,
            Map<String, ItemDef> items, Map<String, String> formNames, Map<String, Object> formRoles, Map<String, String> variableNames) {
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
            } else if (parts.length == 2 && event == null) {
                checker.refuse(id, loc, value, "mapping target '" + t + "' is an instrument item but form " + form
                        + " stands in no StudyEventData (no visit); map it to <instrument>.<visit>.<item>");
            } else if (parts.length == 2) {
                s.answers().add(RawSubject.AnswerCell.at(visit(event), parts[0], parts[1], v, loc));
            } else if (parts.length == 3) {
                s.answers().add(RawSubject.AnswerCell.at(parts[1], parts[0], parts[2], v, loc));
            } else {
                checker.refuse(id, loc, value, "mapping target '" + t + "' is not a subject field, a variable or <instrument>.<item>");
            }
            return;
        }
        if (def == null && !items.isEmpty()) {
            // ODM defines every item it holds: an ItemOID without an ItemDef is a broken or foreign file, never a new variable
            checker.refuse(id, loc, value, "item " + oid + " of form " + form + " is not defined in the file's metadata (no "
                    + "ItemDef with this OID); map it in the column mapping to import it");
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
        } else if (role instanceof Instrument inst && event == null && fixedVisit(form) == null) {
            checker.refuse(id, loc, value, "form " + form + " of instrument " + inst.id()
                    + " stands in no StudyEventData: its answers need a visit (map its items to <instrument>.<visit>.<item>)");
        } else if (role instanceof Instrument inst) {
            String fixed = fixedVisit(form);
            String visit = fixed != null ? fixed : visit(event);
            String v = mapping.recode(inst.id() + "." + visit + "." + itemName, value).strip();
            if (v.isEmpty()) {
                checker.refuse(id, loc, value, "recoded to empty by the column mapping");
            } else {
                s.answers().add(new RawSubject.AnswerCell(visit, new Loc(loc.row(), event == null ? "" : event), inst.id(), new Loc(loc.row(), form),
                        itemName, loc, v, loc));
            }
        } else {
            String variable = variableNames.computeIfAbsent(oid, o -> variableName(o, def, items));
            if (variable == null) {
                checker.refuse(id, loc, value, "item " + oid + " of form " + form + " has no name usable as a variable"
                        + " (a letter, then letters, digits or '_'); map it in the column mapping");
                return;
            }
            String v = mapping.recode(variable, booleanCode(def, value)).strip();
            if (v.isEmpty()) {
                checker.refuse(id, loc, value, "recoded to empty by the column mapping");
            } else {
                s.put(s.variables(), variable, v, loc, checker,
                        () -> event == null ? "" : " (item " + oid + " of form " + form + " is a subject variable: it holds one"
                                + " value per subject, whatever the event)");
            }
        }
    }

    /** ODM booleans may be written true/false; the variable holds 1/0. */
    private static String booleanCode(ItemDef def, String value) {
        if (def != null && "boolean".equalsIgnoreCase(def.dataType())) {
            if (value.equalsIgnoreCase("true")) {
                return "1";
            }
            if (value.equalsIgnoreCase("false")) {
                return "0";
            }
        }
        return value;
    }

    private Object role(ImportChecker checker, String formOid, Map<String, String> formNames) {
        FormRoute route = route(formOid).orElse(null);
        if (route != null && route.kind() == FormRoute.Kind.INSTRUMENT) {
            Instrument inst = checker.catalogFind(route.id());
            return inst == null ? "UNKNOWN" : inst;
        }
        if (route != null && route.kind() != FormRoute.Kind.VISIT) {
            // a form sent to the baseline, kept as its own form or ignored is no instrument and no subject form
            return "UNKNOWN";
        }
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

    /** The routing the mapping's {@code forms} give a form: by its FormOID, its Name or its REDCap form name. */
    private java.util.Optional<FormRoute> route(String formOid) {
        return mapping.route(formOid, formNames.get(formOid), redcapForms.get(formOid));
    }

    /** The visit a form's values go to: the visit its routing names, else the event's. */
    private String fixedVisit(String formOid) {
        return route(formOid).filter(r -> r.kind() == FormRoute.Kind.VISIT).map(FormRoute::id).orElse(null);
    }

    /** A form the mapping routes that the file does not define, or an instrument that is not installed, is a problem of the mapping. */
    private void checkFormRoutes(ImportChecker checker) {
        java.util.Set<String> known = new java.util.HashSet<>(formNames.keySet());
        formNames.values().stream().filter(java.util.Objects::nonNull).forEach(known::add);
        known.addAll(redcapForms.values());
        for (Map.Entry<String, FormRoute> e : mapping.forms().entrySet()) {
            Loc at = new Loc(0, "forms." + e.getKey());
            if (!known.contains(e.getKey())) {
                checker.problem(mapping.source(), at, "form " + e.getKey() + " is not a form of " + fileName()
                        + " (no FormDef with this OID or Name); its forms: " + String.join(", ", new java.util.TreeSet<>(formNames.keySet())));
            } else if (e.getValue().kind() == FormRoute.Kind.INSTRUMENT && checker.catalogFind(e.getValue().id()) == null) {
                checker.problem(mapping.source(), at, "form " + e.getKey() + ": no installed instrument '" + e.getValue().id() + "'");
            } else if (e.getValue().kind() == FormRoute.Kind.VISIT && org.painlab.trial.store.Ids.visitProblem(e.getValue().id()) != null) {
                checker.problem(mapping.source(), at, "form " + e.getKey() + ": " + org.painlab.trial.store.Ids.visitProblem(e.getValue().id()));
            }
        }
    }

    /** The visit dates and locks, screening log and allocation list in PainLab's ODM extension (and OpenClinica's event dates). */
    @Override
    public StudyRecords records(ImportChecker checker) throws IOException {
        StudyRecords r = OdmRecords.read(file, mapping, this::visit, checker);
        if (!r.isEmpty()) {
            checker.note("study records read from " + fileName() + ": " + r.describe());
        }
        return r;
    }

    private String visit(String eventOid) {
        String id = eventOid.startsWith("SE.") ? eventOid.substring(3) : eventOid;
        return mapping.recode("visit", id).strip();
    }

    private void buildMetadata(ImportChecker checker, Map<String, ItemDef> items, Map<String, Map<String, String>> codeLists,
            Map<String, String> units, Map<String, String> eventNames, Map<String, List<String>> eventForms, List<String> protocol,
            Map<String, String> formNames, Map<String, Object> formRoles, Map<String, List<String>> formGroups,
            Map<String, List<String>> groupItems, Map<String, String> variableNames, Map<String, String> redcapForms,
            String redcapRecordId, java.util.Set<String> repeating, java.util.Set<String> perEventForms) {
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
                hasInstrument |= role instanceof Instrument && fixedVisit(f) == null;
            }
            if (hasInstrument) {
                String label = eventNames.get(e);
                metadata.visits.put(visit(e), label == null || label.isBlank() ? visit(e) : label);
            }
        }
        if (!metadata.visits.isEmpty()) {
            // a visit a form is sent to is one of the study's visits
            mapping.forms().values().stream().filter(r -> r.kind() == FormRoute.Kind.VISIT)
                    .forEach(r -> metadata.visits.putIfAbsent(r.id(), r.id()));
        }
        Map<String, String> defined = new LinkedHashMap<>();
        for (ItemDef d : items.values()) {
            if (d.oid().startsWith("I.BASELINE.") && d.name() != null && VariableDefinition.isValidName(d.name())) {
                defined.put(d.oid(), d.name());
            }
        }
        for (Map.Entry<String, List<String>> f : formGroups.entrySet()) {
            Object role = formRoles.computeIfAbsent(f.getKey(), x -> role(checker, x, formNames));
            FormRoute route = route(f.getKey()).orElse(null);
            boolean baseline = route != null && route.kind() == FormRoute.Kind.BASELINE;
            if (!"UNKNOWN".equals(role) || (route != null && !baseline) || (!baseline && (perEventForms.contains(f.getKey())
                    || repeating.contains("F:" + f.getKey()) || repeating.contains("R:" + redcapForms.getOrDefault(f.getKey(), ""))))) {
                // observations of repeated and per-visit forms are no subject variables, unless the mapping sends them to the baseline
                continue;
            }
            for (String group : f.getValue()) {
                if (!baseline && repeating.contains("G:" + group)) {
                    continue;
                }
                for (String oid : groupItems.getOrDefault(group, List.of())) {
                    String variable = variableName(oid, items.get(oid), items);
                    if (variable != null && !mapping.mentions(oid) && !redcapBookkeeping(oid, f.getKey(), redcapRecordId, redcapForms)) {
                        variableNames.put(oid, variable);
                        defined.putIfAbsent(oid, variable);
                    }
                }
            }
        }
        for (Map.Entry<String, String> e : defined.entrySet()) {
            ItemDef d = items.get(e.getKey());
            if (d == null || metadata.variables.containsKey(e.getValue())) {
                continue;
            }
            // other systems' range checks warn at data entry (REDCap's are Soft, OpenClinica's let values through)
            boolean ranged = d.oid().startsWith("I.BASELINE.");
            try {
                metadata.variables.put(e.getValue(), definition(e.getValue(), d, codeLists, units, ranged));
            } catch (IllegalArgumentException ex) {
                checker.problem(new Loc(0, d.oid()), "ItemDef " + d.oid() + ": " + ex.getMessage());
            }
        }
        observationDefinitions.clear();
        for (ItemDef d : items.values()) {
            try {
                // the name only labels the definition: an OID such as I.vas.vas is no variable name, its values are checked all the same
                String name = VariableDefinition.isValidName(d.oid()) ? d.oid() : "item";
                observationDefinitions.put(d.oid(), definition(name, d, codeLists, units, false));
            } catch (IllegalArgumentException ex) {
                // a definition that does not hold together checks nothing: the item's values stay unchecked text
            }
        }
        checker.metadata(metadata);
    }

    /**
     * The definition an ItemDef gives a variable or an observation's field: the type from its DataType
     * (a text item whose CodeList has whole-number codes is an integer), the codes of its CodeList, its
     * question as the label and its unit; its range checks only when {@code ranged}.
     *
     * @throws IllegalArgumentException when the parts do not make a definition
     */
    private static VariableDefinition definition(String name, ItemDef d, Map<String, Map<String, String>> codeLists,
            Map<String, String> units, boolean ranged) {
        Map<String, String> choices = d.codeList() == null ? Map.of() : codeLists.getOrDefault(d.codeList(), Map.of());
        VariableType t = switch (d.dataType() == null ? "text" : d.dataType().toLowerCase(Locale.ROOT)) {
            case "integer", "boolean" -> VariableType.INTEGER;
            case "float", "double" -> VariableType.NUMBER;
            case "date" -> VariableType.DATE;
            default -> !choices.isEmpty() && choices.keySet().stream().allMatch(c -> c.matches("-?\\d{1,9}"))
                    ? VariableType.INTEGER : VariableType.TEXT;
        };
        if (t.numeric() && !choices.keySet().stream().allMatch(Numbers::isNumber)) {
            t = VariableType.TEXT;
        }
        if (t.numeric()) {
            Map<String, String> canonical = new LinkedHashMap<>();
            for (Map.Entry<String, String> c : choices.entrySet()) {
                canonical.put(Numbers.isNumber(c.getKey()) ? Numbers.format(Numbers.parseNumber(c.getKey())) : c.getKey(), c.getValue());
            }
            choices = canonical;
        }
        boolean withRange = ranged && t.numeric();
        return new VariableDefinition(name, d.question(), t, d.unit() == null ? null : units.get(d.unit()),
                withRange ? d.min() : null, withRange ? d.max() : null, choices, 0);
    }
}
