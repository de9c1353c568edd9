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
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<String[]> fields = new ArrayList<>();
        int start = 0;
        int number = 0;
        boolean broken = false;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            if (line.isBlank()) {
                if (!fields.isEmpty() && !broken) {
                    finish(number, start, fields, records, problems);
                }
                fields.clear();
                broken = false;
                continue;
            }
            if (fields.isEmpty() && !broken) {
                number++;
                start = i + 1;
            }
            if (broken) {
                continue;
            }
            Matcher m = TAG.matcher(line);
            Matcher cont = CONTINUATION.matcher(line);
            if (m.matches()) {
                if (fields.isEmpty() && !m.group(1).equals("PMID")) {
                    problems.add(new RecordProblem(number, null, i + 1, m.group(1), "a MEDLINE record starts with 'PMID- '"));
                    broken = true;
                    continue;
                }
                fields.add(new String[] {m.group(1), m.group(2).strip(), String.valueOf(i + 1)});
            } else if (cont.matches() && !fields.isEmpty()) {
                String[] last = fields.get(fields.size() - 1);
                last[1] = last[1] + " " + cont.group(1).strip();
            } else {
                problems.add(new RecordProblem(number, fields.isEmpty() ? null : "PMID " + fields.get(0)[1], i + 1, null,
                        "not a MEDLINE line (expected 'TAG - value' or a continuation indented by six spaces): \""
                                + (line.length() > 60 ? line.substring(0, 60) + "..." : line.strip()) + "\""));
                broken = true;
            }
        }
        if (records.isEmpty() && problems.isEmpty()) {
            throw new LiteratureException("no MEDLINE record found (records start with 'PMID- ')");
        }
        return new ReadOutcome(records, problems);
    }

    private static void finish(int number, int start, List<String[]> fields, List<ReadRecord> records,
            List<RecordProblem> problems) {
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
                        problems.add(new RecordProblem(number, id, line, "PMID", "'" + v + "' is not a PubMed id (digits)"));
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
                        problems.add(new RecordProblem(number, id, line, "DP", "no year in '" + v + "' (expected e.g. 2021 Mar 4)"));
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
            problems.add(new RecordProblem(number, id, start, "TI", "record has no title (TI)"));
            return;
        }
        Fields.languageFromTitles(b);
        records.add(new ReadRecord(number, start, b.build()));
    }

    /** "Smith JA" → family Smith, given JA. */
    private static Author medlineShort(String v) {
        int sp = v.lastIndexOf(' ');
        return sp > 0 ? new Author(v.substring(0, sp), v.substring(sp + 1), List.of()) : new Author(v, null, List.of());
    }
}
