package org.painlab.literature.internal.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.painlab.literature.Author;
import org.painlab.literature.Identifiers;
import org.painlab.literature.LiteratureException;
import org.painlab.literature.LiteratureFormat;
import org.painlab.literature.ReadOutcome;
import org.painlab.literature.ReadRecord;
import org.painlab.literature.RecordProblem;
import org.painlab.literature.RecordSink;
import org.painlab.literature.Reference;
import org.painlab.literature.ReferenceType;

/**
 * PubMed's MEDLINE display format (.nbib, .txt): records separated by blank lines, each starting
 * with {@code PMID- }; a tag of up to four letters padded to four, a dash, the value; continuation
 * lines are indented by six spaces. {@code AD} belongs to the author before it; {@code TT} (the
 * original-language title) gives the Chinese title of a Chinese article.
 */
public final class MedlineFormat implements LiteratureFormat {
    private static final Pattern TAG = Pattern.compile("^([A-Z]{2,4})\\s*- (.*)$");
    private static final Pattern CONTINUATION = Pattern.compile("^ {6}(.*)$");

    @Override
    public boolean recognises(String head) {
        return Pattern.compile("(?m)^PMID- ").matcher(head).find();
    }

    @Override
    public ReadOutcome read(String text) throws LiteratureException {
        List<ReadRecord> records = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        try {
            read(new java.io.StringReader(text), new RecordSink() {
                @Override
                public void record(ReadRecord r) {
                    records.add(r);
                }

                @Override
                public void problem(RecordProblem p) {
                    problems.add(p);
                }
            });
        } catch (java.io.IOException e) {
            throw new LiteratureException(e.getMessage(), e); // a StringReader does not fail
        }
        return new ReadOutcome(records, problems);
    }

    /** Line by line: only the record being read is held, whatever the size of the file. */
    @Override
    public void read(java.io.Reader in, RecordSink sink) throws java.io.IOException, LiteratureException {
        java.io.BufferedReader lines = in instanceof java.io.BufferedReader b ? b : new java.io.BufferedReader(in, 1 << 16);
        List<String[]> fields = new ArrayList<>();
        int start = 0;
        int number = 0;
        int lineNumber = 0;
        int told = 0;
        boolean broken = false;
        boolean end = false;
        while (!end) {
            String line = lines.readLine();
            if (line == null) {
                end = true;
                line = "";
            } else {
                lineNumber++;
            }
            if (line.isBlank()) {
                if (!fields.isEmpty() && !broken) {
                    finish(number, start, fields, sink);
                    told++;
                }
                fields.clear();
                broken = false;
                continue;
            }
            if (fields.isEmpty() && !broken) {
                number++;
                start = lineNumber;
            }
            if (broken) {
                continue;
            }
            Matcher m = TAG.matcher(line);
            Matcher cont = CONTINUATION.matcher(line);
            if (m.matches()) {
                if (fields.isEmpty() && !m.group(1).equals("PMID")) {
                    sink.problem(new RecordProblem(number, null, lineNumber, m.group(1), "a MEDLINE record starts with 'PMID- '"));
                    told++;
                    broken = true;
                    continue;
                }
                fields.add(new String[] {m.group(1), m.group(2).strip(), String.valueOf(lineNumber)});
            } else if (cont.matches() && !fields.isEmpty()) {
                String[] last = fields.get(fields.size() - 1);
                last[1] = last[1] + " " + cont.group(1).strip();
            } else {
                sink.problem(new RecordProblem(number, fields.isEmpty() ? null : "PMID " + fields.get(0)[1], lineNumber, null,
                        "not a MEDLINE line (expected 'TAG - value' or a continuation indented by six spaces): \""
                                + (line.length() > 60 ? line.substring(0, 60) + "..." : line.strip()) + "\""));
                told++;
                broken = true;
            }
        }
        if (told == 0) {
            throw new LiteratureException("no MEDLINE record found (records start with 'PMID- ')");
        }
    }

    private static void finish(int number, int start, List<String[]> fields, RecordSink sink) throws LiteratureException {
        Reference.Builder b = Reference.builder();
        String id = "PMID " + fields.get(0)[1];
        String journal = null;
        String abbrev = null;
        boolean fullNames = fields.stream().anyMatch(f -> f[0].equals("FAU"));
        for (String[] f : fields) {
            String v = f[1];
            int line = Integer.parseInt(f[2]);
            switch (f[0]) {
                case "PMID" -> {
                    if (!v.matches("\\d{1,9}")) {
                        sink.problem(new RecordProblem(number, id, line, "PMID", "'" + v + "' is not a PubMed id (digits)"));
                        return;
                    }
                    b.pmid(v);
                }
                case "TI" -> Fields.title(b, v);
                case "TT" -> Fields.title(b, v);
                case "AB" -> Fields.abstractText(b, v);
                case "FAU" -> b.author(Author.parse(v, List.of()));
                case "AU" -> {
                    if (!fullNames) {
                        b.author(medlineShort(v));
                    }
                }
                case "AD" -> {
                    List<Author> as = b.authors();
                    if (!as.isEmpty()) {
                        Author a = as.remove(as.size() - 1);
                        List<String> aff = new ArrayList<>(a.affiliations());
                        aff.add(v);
                        as.add(new Author(a.family(), a.given(), aff));
                    }
                }
                case "JT" -> journal = v;
                case "TA" -> abbrev = v;
                case "DP" -> {
                    Integer y = Fields.year(v);
                    if (y == null) {
                        sink.problem(new RecordProblem(number, id, line, "DP", "no year in '" + v + "' (expected e.g. 2021 Mar 4)"));
                        return;
                    }
                    b.year(y);
                }
                case "VI" -> b.volume(v);
                case "IP" -> b.issue(v);
                case "PG" -> b.pages(v);
                case "LID", "AID" -> {
                    if (v.endsWith("[doi]") && b.doi() == null) {
                        b.doi(Identifiers.doi(v));
                    }
                }
                case "OT" -> Fields.keyword(b, v);
                case "LA" -> {
                    if (b.language() == null) {
                        b.language(Fields.language(v));
                    }
                }
                case "PT" -> {
                    if (v.equalsIgnoreCase("Journal Article")) {
                        b.type(ReferenceType.ARTICLE_JOURNAL);
                    }
                }
                default -> {
                    // MeSH terms, grants, dates of entry: not kept
                }
            }
        }
        b.journal(journal != null ? journal : abbrev);
        if (b.title() == null && b.titleZh() == null) {
            sink.problem(new RecordProblem(number, id, start, "TI", "record has no title (TI)"));
            return;
        }
        Fields.languageFromTitles(b);
        sink.record(new ReadRecord(number, start, b.build()));
    }

    /** "Smith JA" → family Smith, given JA. */
    private static Author medlineShort(String v) {
        int sp = v.lastIndexOf(' ');
        return sp > 0 ? new Author(v.substring(0, sp), v.substring(sp + 1), List.of()) : new Author(v, null, List.of());
    }
}
