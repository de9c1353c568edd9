package org.painlab.literature.internal.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.painlab.literature.Author;
import org.painlab.literature.LiteratureException;
import org.painlab.literature.LiteratureFormat;
import org.painlab.literature.ReadOutcome;
import org.painlab.literature.ReadRecord;
import org.painlab.literature.RecordProblem;
import org.painlab.literature.Reference;
import org.painlab.literature.ReferenceType;

/**
 * RIS (Research Information Systems) as EndNote, Zotero, CNKI and publishers export it: records from
 * {@code TY} to {@code ER}, one tag a line ({@code XX  - value}); a line without a tag continues the
 * previous value.
 */
public final class RisFormat implements LiteratureFormat {
    private static final Pattern TAG = Pattern.compile("^([A-Z][A-Z0-9])  -(?: (.*))?$");

    @Override
    public boolean recognises(String head) {
        return Pattern.compile("(?m)^TY  - ").matcher(head).find();
    }

    @Override
    public ReadOutcome read(String text) throws LiteratureException {
        List<ReadRecord> records = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<String[]> fields = null;
        int start = 0;
        int number = 0;
        boolean any = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m = TAG.matcher(line);
            if (m.matches()) {
                any = true;
                String tag = m.group(1);
                String value = m.group(2) == null ? "" : m.group(2).strip();
                if (tag.equals("TY")) {
                    if (fields != null) {
                        problems.add(new RecordProblem(number, idOf(fields), start, "ER",
                                "record not closed by 'ER  -' before the next 'TY  -' on line " + (i + 1)));
                    }
                    number++;
                    fields = new ArrayList<>();
                    start = i + 1;
                    fields.add(new String[] {tag, value, String.valueOf(i + 1)});
                } else if (fields == null) {
                    number++;
                    problems.add(new RecordProblem(number, null, i + 1, tag, "tag outside a record: a record starts with 'TY  -'"));
                    // skip to the end of this stray record so its lines are not reported one by one
                    while (i + 1 < lines.length && !lines[i + 1].startsWith("TY  -")) {
                        i++;
                    }
                } else if (tag.equals("ER")) {
                    finish(number, start, fields, records, problems);
                    fields = null;
                } else {
                    fields.add(new String[] {tag, value, String.valueOf(i + 1)});
                }
            } else if (!line.isBlank()) {
                if (fields == null) {
                    if (!any && i < 3 && line.strip().startsWith("\uFEFF")) {
                        continue;
                    }
                    number++;
                    problems.add(new RecordProblem(number, null, i + 1, null,
                            "text outside a record (expected 'TY  - ' to start one): \"" + clip(line) + "\""));
                    while (i + 1 < lines.length && !lines[i + 1].startsWith("TY  -")) {
                        i++;
                    }
                } else {
                    String[] last = fields.get(fields.size() - 1);
                    last[1] = last[1] + " " + line.strip();
                }
            }
        }
        if (fields != null) {
            problems.add(new RecordProblem(number, idOf(fields), start, "ER", "record not closed by 'ER  -' at the end of the file"));
        }
        if (!any) {
            throw new LiteratureException("no RIS record found (lines like 'TY  - JOUR' ... 'ER  - ')");
        }
        return new ReadOutcome(records, problems);
    }

    private static String clip(String s) {
        String t = s.strip();
        return t.length() > 60 ? t.substring(0, 60) + "..." : t;
    }

    private static String idOf(List<String[]> fields) {
        for (String[] f : fields) {
            if (f[0].equals("ID") || f[0].equals("AN")) {
                return f[1];
            }
        }
        return null;
    }

    private static void finish(int number, int start, List<String[]> fields, List<ReadRecord> records,
            List<RecordProblem> problems) {
        Reference.Builder b = Reference.builder();
        String sp = null;
        String ep = null;
        String journal = null;
        String journalAbbrev = null;
        for (String[] f : fields) {
            String tag = f[0];
            String v = f[1];
            int line = Integer.parseInt(f[2]);
            switch (tag) {
                case "TY" -> b.type(type(v));
                case "ID" -> b.key(v);
                case "TI", "T1" -> Fields.title(b, v);
                case "TT" -> Fields.title(b, v);
                case "AU", "A1" -> b.author(Author.parse(v, List.of()));
                case "AD" -> {
                    List<Author> as = b.authors();
                    if (!as.isEmpty()) {
                        Author a = as.remove(as.size() - 1);
                        List<String> aff = new ArrayList<>(a.affiliations());
                        aff.add(v);
                        as.add(new Author(a.family(), a.given(), aff));
                    }
                }
                case "JO", "JF", "T2" -> journal = journal == null ? v : journal;
                case "JA", "J2" -> journalAbbrev = journalAbbrev == null ? v : journalAbbrev;
                case "PY", "Y1", "DA" -> {
                    if (b.year() == null) {
                        Integer y = Fields.year(v);
                        if (y == null) {
                            problems.add(new RecordProblem(number, idOf(fields), line, tag, "no year in '" + v + "' (expected e.g. 2021 or 2021/03/04)"));
                            return;
                        }
                        b.year(y);
                    }
                }
                case "VL" -> b.volume(v);
                case "IS" -> b.issue(v);
                case "SP" -> sp = v;
                case "EP" -> ep = v;
                case "DO" -> b.doi(v);
                case "AB", "N2" -> Fields.abstractText(b, v);
                case "KW" -> Fields.keyword(b, v);
                case "UR", "L2" -> b.url(v);
                case "LA" -> b.language(Fields.language(v));
                case "AN" -> {
                    String d = v.replaceAll("(?i)^pmid:?\\s*", "");
                    if (d.matches("\\d{1,9}")) {
                        b.pmid(d);
                    }
                }
                default -> {
                    // other tags (notes, call numbers, database names) are not kept
                }
            }
        }
        b.journal(journal != null ? journal : journalAbbrev);
        if (sp != null) {
            b.pages(ep != null && !ep.equals(sp) ? sp + "-" + ep : sp);
        }
        if (b.title() == null && b.titleZh() == null) {
            problems.add(new RecordProblem(number, idOf(fields), start, "TI", "record has no title (TI or T1)"));
            return;
        }
        Fields.languageFromTitles(b);
        records.add(new ReadRecord(number, start, b.build()));
    }

    @Override
    public boolean writes() {
        return true;
    }

    /**
     * TY to ER per reference: titles of both languages (TI, TT), each author (AU) followed by the
     * affiliations printed for them (AD), both abstracts (AB), keywords (KW), PubMed id as AN. RIS
     * joins continued lines with a space, so line breaks inside an abstract are not kept.
     */
    @Override
    public String write(List<Reference> references) {
        StringBuilder out = new StringBuilder();
        for (Reference r : references) {
            tag(out, "TY", tyOf(r.type()));
            tag(out, "ID", r.key());
            tag(out, "TI", Writing.ownTitle(r));
            tag(out, "TT", Writing.otherTitle(r));
            for (Author a : r.authors()) {
                tag(out, "AU", a.display());
                a.affiliations().forEach(aff -> tag(out, "AD", aff));
            }
            tag(out, "JO", r.journal());
            tag(out, "PY", r.year() == null ? null : r.year().toString());
            tag(out, "VL", r.volume());
            tag(out, "IS", r.issue());
            if (r.pages() != null) {
                int dash = r.pages().indexOf('-');
                tag(out, "SP", dash > 0 ? r.pages().substring(0, dash) : r.pages());
                tag(out, "EP", dash > 0 ? r.pages().substring(dash + 1) : null);
            }
            tag(out, "DO", r.doi());
            tag(out, "AN", r.pmid());
            tag(out, "UR", r.url());
            tag(out, "LA", r.language());
            tag(out, "AB", r.abstractText());
            tag(out, "AB", r.abstractZh());
            r.keywords().forEach(k -> tag(out, "KW", k));
            r.keywordsZh().forEach(k -> tag(out, "KW", k));
            out.append("ER  - \n\n");
        }
        return out.toString();
    }

    private static void tag(StringBuilder out, String tag, String value) {
        if (value != null && !value.isBlank()) {
            out.append(tag).append("  - ").append(Writing.oneLine(value)).append('\n');
        }
    }

    private static String tyOf(ReferenceType t) {
        return switch (t) {
            case ARTICLE_JOURNAL -> "JOUR";
            case BOOK -> "BOOK";
            case CHAPTER -> "CHAP";
            case PAPER_CONFERENCE -> "CPAPER";
            case THESIS -> "THES";
            case REPORT -> "RPRT";
            case WEBPAGE -> "ELEC";
            case DATASET -> "DATA";
            default -> "GEN";
        };
    }

    static ReferenceType type(String ty) {
        return switch (ty.strip()) {
            case "JOUR", "JFULL", "EJOUR", "MGZN" -> ReferenceType.ARTICLE_JOURNAL;
            case "BOOK", "EBOOK" -> ReferenceType.BOOK;
            case "CHAP", "ECHAP" -> ReferenceType.CHAPTER;
            case "CONF", "CPAPER" -> ReferenceType.PAPER_CONFERENCE;
            case "THES" -> ReferenceType.THESIS;
            case "RPRT" -> ReferenceType.REPORT;
            case "ELEC", "WEB" -> ReferenceType.WEBPAGE;
            case "DATA" -> ReferenceType.DATASET;
            default -> ReferenceType.OTHER;
        };
    }
}
