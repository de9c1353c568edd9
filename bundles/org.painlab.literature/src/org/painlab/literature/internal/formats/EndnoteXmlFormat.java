package org.painlab.literature.internal.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.painlab.core.io.SafeXml;
import org.painlab.literature.Author;
import org.painlab.literature.LiteratureException;
import org.painlab.literature.LiteratureFormat;
import org.painlab.literature.ReadOutcome;
import org.painlab.literature.ReadRecord;
import org.painlab.literature.RecordProblem;
import org.painlab.literature.Reference;
import org.painlab.literature.ReferenceType;

/**
 * EndNote XML ({@code <xml><records><record>}, File > Export > XML). Values sit in {@code <style>}
 * runs, which are joined. EndNote keeps one address list per record ({@code auth-address}), not
 * per author: it is given to every author of the record. {@code translated-title} is read as the
 * title in its script.
 */
public final class EndnoteXmlFormat implements LiteratureFormat {

    @Override
    public boolean recognises(String head) {
        return head.contains("<records>") && head.contains("<record>");
    }

    @Override
    public ReadOutcome read(String text) throws LiteratureException {
        List<ReadRecord> records = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        int number = 0;
        int line = 0;
        boolean seenRecords = false;
        try {
            XMLStreamReader r = SafeXml.open(text);
            while (r.hasNext()) {
                if (r.next() != XMLStreamReader.START_ELEMENT) {
                    continue;
                }
                if (r.getLocalName().equals("records")) {
                    seenRecords = true;
                } else if (r.getLocalName().equals("record")) {
                    number++;
                    line = r.getLocation().getLineNumber();
                    readRecord(r, number, line, records, problems);
                }
            }
        } catch (XMLStreamException ex) {
            int at = ex.getLocation() != null ? ex.getLocation().getLineNumber() : line;
            if (number == 0) {
                throw new LiteratureException("line " + at + ": not well-formed XML: " + SafeXml.describe(ex), ex);
            }
            final int broken = number;
            records.removeIf(rr -> rr.record() == broken);
            problems.add(new RecordProblem(number, null, at, null,
                    "not well-formed XML: " + SafeXml.describe(ex) + " (the file cannot be read past this line)"));
        }
        if (!seenRecords) {
            throw new LiteratureException("not EndNote XML: no <records> element");
        }
        return new ReadOutcome(records, problems);
    }

    private static void readRecord(XMLStreamReader r, int number, int line, List<ReadRecord> records,
            List<RecordProblem> problems) throws XMLStreamException {
        Reference.Builder b = Reference.builder();
        List<String> names = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        String recNumber = null;
        String yearText = null;
        int yearLine = line;
        String fullTitle = null;
        String secondary = null;
        boolean inAuthors = false;
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamReader.END_ELEMENT) {
                depth--;
                if (r.getLocalName().equals("authors")) {
                    inAuthors = false;
                }
                continue;
            }
            if (e != XMLStreamReader.START_ELEMENT) {
                continue;
            }
            depth++;
            String name = r.getLocalName();
            switch (name) {
                case "authors" -> inAuthors = true;
                case "author" -> {
                    String v = SafeXml.text(r);
                    depth--;
                    if (inAuthors) {
                        names.add(v);
                    }
                }
                case "auth-address" -> {
                    addresses.add(SafeXml.text(r));
                    depth--;
                }
                case "rec-number" -> {
                    recNumber = SafeXml.text(r);
                    depth--;
                }
                case "ref-type" -> {
                    b.type(type(r.getAttributeValue(null, "name")));
                    SafeXml.text(r);
                    depth--;
                }
                case "title", "translated-title" -> {
                    Fields.title(b, SafeXml.text(r));
                    depth--;
                }
                case "secondary-title" -> {
                    secondary = SafeXml.text(r);
                    depth--;
                }
                case "full-title" -> {
                    fullTitle = SafeXml.text(r);
                    depth--;
                }
                case "pages" -> {
                    b.pages(SafeXml.text(r));
                    depth--;
                }
                case "volume" -> {
                    b.volume(SafeXml.text(r));
                    depth--;
                }
                case "number" -> {
                    b.issue(SafeXml.text(r));
                    depth--;
                }
                case "keyword" -> {
                    Fields.keyword(b, SafeXml.text(r));
                    depth--;
                }
                case "year" -> {
                    yearLine = r.getLocation().getLineNumber();
                    yearText = SafeXml.text(r);
                    depth--;
                }
                case "accession-num" -> {
                    String v = SafeXml.text(r);
                    depth--;
                    if (v.matches("\\d{1,9}")) {
                        b.pmid(v);
                    }
                }
                case "electronic-resource-num" -> {
                    b.doi(SafeXml.text(r));
                    depth--;
                }
                case "url" -> {
                    b.url(SafeXml.text(r));
                    depth--;
                }
                case "abstract" -> {
                    Fields.abstractText(b, SafeXml.text(r));
                    depth--;
                }
                case "language" -> {
                    b.language(Fields.language(SafeXml.text(r)));
                    depth--;
                }
                default -> {
                    // database, source-app, styles of other elements: their children are looked at
                }
            }
        }
        String id = recNumber == null ? null : "rec-number " + recNumber;
        if (yearText != null && !yearText.isBlank()) {
            Integer y = Fields.year(yearText);
            if (y == null) {
                problems.add(new RecordProblem(number, id, yearLine, "year", "no year in '" + yearText + "'"));
                return;
            }
            b.year(y);
        }
        for (String n : names) {
            b.author(Author.parse(n, addresses));
        }
        b.journal(fullTitle != null ? fullTitle : secondary);
        if (b.title() == null && b.titleZh() == null) {
            problems.add(new RecordProblem(number, id, line, "title", "record has no title"));
            return;
        }
        Fields.languageFromTitles(b);
        records.add(new ReadRecord(number, line, b.build()));
    }

    private static ReferenceType type(String name) {
        if (name == null) {
            return ReferenceType.ARTICLE_JOURNAL;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "journal article", "electronic article", "magazine article" -> ReferenceType.ARTICLE_JOURNAL;
            case "book", "edited book", "electronic book" -> ReferenceType.BOOK;
            case "book section" -> ReferenceType.CHAPTER;
            case "conference proceedings", "conference paper" -> ReferenceType.PAPER_CONFERENCE;
            case "thesis" -> ReferenceType.THESIS;
            case "report", "government document" -> ReferenceType.REPORT;
            case "web page" -> ReferenceType.WEBPAGE;
            case "dataset" -> ReferenceType.DATASET;
            default -> ReferenceType.OTHER;
        };
    }
}
