package org.painlab.trial.internal.exchange;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.painlab.core.io.SafeXml;
import org.painlab.trial.exchange.ColumnMapping;
import org.painlab.trial.randomization.Allocation;
import org.painlab.trial.store.ScreeningEntry;
import org.painlab.trial.store.SubjectVisit;

/**
 * The study records in CDISC ODM 1.3, as a vendor extension in the namespace {@value #NS} (prefix
 * {@code painlab}); ODM readers that do not know it ignore it:
 * <ul>
 * <li>{@code StudyEventData} attributes {@code painlab:StartDate} (yyyy-mm-dd) and
 * {@code painlab:Locked="Yes"}: the visit's date and lock (an event with neither forms nor values is
 * written for a visit that has only a date or a lock);</li>
 * <li>at the end of {@code ClinicalData}: {@code painlab:ScreeningLog} with one {@code painlab:Screening}
 * (ScreeningID, ScreenedOn, SubjectKey, Excluded, Reason, Simulated) per screened person and its
 * {@code painlab:Criterion} (Name, Met); {@code painlab:AllocationList} (Locked) with one
 * {@code painlab:Allocation} (Seq, Arm, Block, Stratum) per revealed line; {@code painlab:DatasetLock}
 * when the dataset is locked.</li>
 * </ul>
 * Reading also takes OpenClinica 3's {@code OpenClinica:StartDate} of a {@code StudyEventData} as the
 * visit's date and its {@code OpenClinica:Status="locked"} as a lock, for events that are visits of the
 * import.
 */
public final class OdmRecords {
    /** The namespace of PainLab's ODM extension. */
    public static final String NS = "http://painlab.org/ns/odm-extension/v1";
    /** Its prefix. */
    public static final String PREFIX = "painlab";
    private static final String OPENCLINICA_NS = "http://www.openclinica.org/ns/odm_ext";

    private OdmRecords() {
    }

    /**
     * Reads the records of an ODM file in a pass of its own (after the subjects were read).
     *
     * @param file the file
     * @param mapping the import's mapping (subject id recodes)
     * @param visit the visit of a StudyEventOID, as the subjects' reading resolves it
     * @param checker receives problems
     * @return the records
     * @throws IOException when the file cannot be read
     */
    static StudyRecords read(Path file, ColumnMapping mapping, UnaryOperator<String> visit, ImportChecker checker) throws IOException {
        StudyRecords r = new StudyRecords();
        String name = file.getFileName().toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            XMLStreamReader x = SafeXml.open(in);
            String subject = null;
            StudyRecords.Screening screening = null;
            Set<String> seen = new HashSet<>();
            while (x.hasNext()) {
                int ev = x.next();
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    if (ev == XMLStreamConstants.END_ELEMENT && NS.equals(x.getNamespaceURI()) && x.getLocalName().equals("Screening") && screening != null) {
                        r.screening.add(screening);
                        screening = null;
                    }
                    continue;
                }
                Loc loc = new Loc(x.getLocation().getLineNumber(), x.getLocalName());
                String ns = x.getNamespaceURI();
                if (NS.equals(ns)) {
                    switch (x.getLocalName()) {
                        case "Screening" -> {
                            String id = attr(x, "ScreeningID");
                            if (id == null) {
                                checker.problem(name, loc, "painlab:Screening without ScreeningID");
                            } else if (!seen.add("screening\u0000" + id)) {
                                checker.problem(name, loc, "screening id " + id + " appears twice");
                            } else {
                                String key = attr(x, "SubjectKey");
                                screening = new StudyRecords.Screening(new ScreeningEntry(id, date(x, "ScreenedOn", name, loc, checker),
                                        key == null ? null : mapping.recode("subject_id", key), yes(x, "Excluded"), attr(x, "Reason"),
                                        yes(x, "Simulated")), new LinkedHashMap<>(), name + " line " + loc.row());
                            }
                        }
                        case "Criterion" -> {
                            String c = attr(x, "Name");
                            if (screening != null && c != null) {
                                screening.eligibility().put(c, yes(x, "Met"));
                            }
                        }
                        case "AllocationList" -> r.allocationListLocked = yes(x, "Locked");
                        case "Allocation" -> {
                            Integer seq = integer(x, "Seq", name, loc, checker);
                            Integer block = integer(x, "Block", name, loc, checker);
                            String arm = attr(x, "Arm");
                            if (seq == null || arm == null) {
                                checker.problem(name, loc, "painlab:Allocation needs Seq and Arm");
                            } else if (!seen.add("seq\u0000" + seq)) {
                                checker.problem(name, loc, "allocation seq " + seq + " appears twice");
                            } else {
                                r.allocations.add(new Allocation(seq, arm, block, attr(x, "Stratum")));
                            }
                        }
                        case "DatasetLock" -> r.datasetLocked = true;
                        default -> {
                            // other elements of the extension carry nothing for the records
                        }
                    }
                    continue;
                }
                switch (x.getLocalName()) {
                    case "SubjectData" -> {
                        String key = x.getAttributeValue(null, "SubjectKey");
                        String label = x.getAttributeValue(null, "StudySubjectID");
                        String id = label != null && !label.isBlank() ? label.strip() : key == null ? "" : key.strip();
                        subject = mapping.recode("subject_id", id);
                    }
                    case "StudyEventData" -> event(x, subject, visit, name, loc, checker, r, seen);
                    default -> {
                        // the subjects' values are read by OdmSource
                    }
                }
            }
            x.close();
        } catch (XMLStreamException e) {
            // the subjects' pass read the same bytes first and has reported this error already
            if (!checker.hasProblems()) {
                checker.problem(name, new Loc(e.getLocation() == null ? 0 : e.getLocation().getLineNumber(), ""),
                        SafeXml.describe(e));
            }
        } catch (java.util.MissingResourceException e) {
            // the JDK's parser lacks the message of some errors (a NUL byte in a DTD); OdmSource reports it
            if (!checker.hasProblems()) {
                checker.problem(name, new Loc(0, ""), "not well-formed XML (" + e.getKey() + ")");
            }
        }
        r.allocations.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
        if (!r.isEmpty()) {
            r.readFrom.add(name);
        }
        return r;
    }

    /** The date and lock of a visit, from PainLab's attributes or OpenClinica's. */
    private static void event(XMLStreamReader x, String subject, UnaryOperator<String> visit, String name, Loc loc,
            ImportChecker checker, StudyRecords r, Set<String> seen) {
        String oid = x.getAttributeValue(null, "StudyEventOID");
        if (subject == null || oid == null) {
            return;
        }
        String start = x.getAttributeValue(NS, "StartDate");
        String locked = x.getAttributeValue(NS, "Locked");
        boolean foreign = false;
        if (start == null && locked == null) {
            for (int i = 0; i < x.getAttributeCount(); i++) {
                String ns = x.getAttributeNamespace(i);
                if (ns != null && ns.startsWith(OPENCLINICA_NS)) {
                    String a = x.getAttributeLocalName(i);
                    if (a.equals("StartDate")) {
                        start = x.getAttributeValue(i);
                        foreign = true;
                    } else if (a.equals("Status") && x.getAttributeValue(i).strip().equalsIgnoreCase("locked")) {
                        locked = "Yes";
                        foreign = true;
                    }
                }
            }
        }
        if (start == null && locked == null) {
            return;
        }
        LocalDate date = null;
        if (start != null && !start.isBlank()) {
            String d = start.strip();
            try {
                date = LocalDate.parse(d.length() > 10 ? d.substring(0, 10) : d);
            } catch (DateTimeParseException e) {
                checker.problem(name, loc, "StartDate of " + oid + " of subject " + subject + " is not a date (yyyy-mm-dd): '" + start + "'");
                return;
            }
        }
        boolean isLocked = locked != null && (locked.equalsIgnoreCase("Yes") || locked.equalsIgnoreCase("true"));
        if (date == null && !isLocked) {
            return;
        }
        String v = visit.apply(oid);
        if (!seen.add("visit\u0000" + subject + "\u0000" + v)) {
            return;
        }
        SubjectVisit sv = new SubjectVisit(subject, v, date, isLocked);
        (foreign ? r.optionalVisits : r.visits).add(sv);
    }

    private static String attr(XMLStreamReader x, String name) {
        String v = x.getAttributeValue(null, name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static boolean yes(XMLStreamReader x, String name) {
        String v = attr(x, name);
        return v != null && (v.equalsIgnoreCase("Yes") || v.equalsIgnoreCase("true") || v.equals("1"));
    }

    private static LocalDate date(XMLStreamReader x, String attr, String name, Loc loc, ImportChecker checker) {
        String v = attr(x, attr);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            checker.problem(name, loc, attr + " is not a date (yyyy-mm-dd): '" + v + "'");
            return null;
        }
    }

    private static Integer integer(XMLStreamReader x, String attr, String name, Loc loc, ImportChecker checker) {
        String v = attr(x, attr);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            checker.problem(name, loc, attr + " is not a whole number: '" + v + "'");
            return null;
        }
    }
}
