package org.painlab.literature.internal.formats;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.ParseException;
import org.jbibtex.TokenMgrException;
import org.jbibtex.Value;
import org.painlab.literature.Author;
import org.painlab.literature.LiteratureException;
import org.painlab.literature.LiteratureFormat;
import org.painlab.literature.ReadOutcome;
import org.painlab.literature.ReadRecord;
import org.painlab.literature.RecordProblem;
import org.painlab.literature.Reference;
import org.painlab.literature.ReferenceType;

/**
 * BibTeX and BibLaTeX (.bib) through jbibtex. The file is cut at each line starting with {@code @}
 * and every entry parsed alone, so that a broken entry is reported with its key and line and the
 * others are still read; {@code @string} macros are given to every entry. LaTeX in values
 * ({@code {\"u}}, braces) is turned into plain text.
 */
public final class BibtexFormat implements LiteratureFormat {
    private static final Pattern START = Pattern.compile("(?m)^[ \\t]*@\\s*(\\w+)\\s*[{(]\\s*([^,\\s]*)");
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    @Override
    public boolean recognises(String head) {
        return START.matcher(head).find();
    }

    @Override
    public ReadOutcome read(String text) throws LiteratureException {
        List<int[]> chunks = new ArrayList<>();
        Matcher m = START.matcher(text);
        while (m.find()) {
            chunks.add(new int[] {m.start(), 0});
        }
        if (chunks.isEmpty()) {
            throw new LiteratureException("no BibTeX entry found (entries start with '@article{key,')");
        }
        StringBuilder macros = new StringBuilder();
        List<ReadRecord> records = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        int number = 0;
        for (int i = 0; i < chunks.size(); i++) {
            int from = chunks.get(i)[0];
            int to = i + 1 < chunks.size() ? chunks.get(i + 1)[0] : text.length();
            String chunk = text.substring(from, to);
            Matcher head = START.matcher(chunk);
            head.find();
            String kind = head.group(1).toLowerCase(Locale.ROOT);
            if (kind.equals("comment") || kind.equals("preamble")) {
                continue;
            }
            if (kind.equals("string")) {
                macros.append(chunk).append('\n');
                continue;
            }
            number++;
            int line = lineOf(text, from);
            String key = head.group(2).isEmpty() ? null : head.group(2);
            try {
                BibTeXParser parser = new BibTeXParser() {
                    @Override
                    public void checkStringResolution(Key k, BibTeXString s) {
                        // an undefined @string is read as empty rather than failing the entry
                    }

                    @Override
                    public void checkCrossReferenceResolution(Key k, BibTeXEntry e) {
                        // crossref targets may be in another file
                    }
                };
                BibTeXDatabase db = parser.parse(new StringReader(macros + chunk));
                if (db.getEntries().isEmpty()) {
                    problems.add(new RecordProblem(number, key, line, null, "no entry could be read here"));
                    continue;
                }
                BibTeXEntry e = db.getEntries().values().iterator().next();
                records.add(new ReadRecord(number, line, toReference(e)));
            } catch (ParseException | TokenMgrException e) {
                int macroLines = (int) macros.chars().filter(c -> c == '\n').count();
                problems.add(new RecordProblem(number, key, where(e, line, macroLines), null, describe(e)));
            } catch (RuntimeException e) {
                problems.add(new RecordProblem(number, key, line, null, "cannot be read: " + e.getMessage()));
            }
        }
        return new ReadOutcome(records, problems);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The file line of a parser error: its line within the parsed text, less the macro lines, plus the entry's first line. */
    private static int where(Exception e, int entryLine, int macroLines) {
        int inChunk = -1;
        if (e instanceof ParseException p && p.currentToken != null) {
            inChunk = p.currentToken.next != null ? p.currentToken.next.beginLine : p.currentToken.beginLine;
        } else if (e.getMessage() != null) {
            Matcher m = LINE.matcher(e.getMessage());
            if (m.find()) {
                inChunk = Integer.parseInt(m.group(1));
            }
        }
        return inChunk <= macroLines ? entryLine : entryLine + inChunk - macroLines - 1;
    }

    private static String describe(Exception e) {
        if (e instanceof ParseException p && p.currentToken != null && p.currentToken.next != null) {
            String found = p.currentToken.next.image;
            return found == null || found.isEmpty() ? "the entry ends before it is closed (a '}' or ',' is missing)"
                    : "unexpected '" + found + "' (a '}', ',' or '=' is missing or misplaced)";
        }
        String m = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
        return m.length() > 160 ? m.substring(0, 160) + "..." : m;
    }

    private static Reference toReference(BibTeXEntry e) {
        Reference.Builder b = Reference.builder().key(e.getKey().getValue()).type(type(e.getType().getValue()));
        String journal = null;
        String eprintType = null;
        String eprint = null;
        for (Map.Entry<Key, Value> f : e.getFields().entrySet()) {
            String name = f.getKey().getValue().toLowerCase(Locale.ROOT);
            String v = plain(f.getValue().toUserString());
            switch (name) {
                case "title" -> Fields.title(b, v);
                case "titleaddon", "translatedtitle", "title_en", "title-zh", "title_zh", "entitle" -> Fields.title(b, v);
                case "author" -> {
                    for (String a : v.split("\\s+and\\s+")) {
                        b.author(author(a));
                    }
                }
                case "journal", "journaltitle" -> journal = v;
                case "booktitle" -> journal = journal == null ? v : journal;
                case "year" -> b.year(Fields.year(v));
                case "date" -> {
                    if (b.year() == null) {
                        b.year(Fields.year(v));
                    }
                }
                case "volume" -> b.volume(v);
                case "number", "issue" -> b.issue(v);
                case "pages" -> b.pages(v.replaceAll("\\s*-+\\s*", "-"));
                case "doi" -> b.doi(v);
                case "pmid" -> b.pmid(v);
                case "eprint" -> eprint = v;
                case "eprinttype" -> eprintType = v;
                case "url" -> b.url(v);
                case "abstract", "abstract_zh", "abstract_en" -> Fields.abstractText(b, v);
                case "keywords" -> {
                    for (String k : Fields.keywordList(v)) {
                        Fields.keyword(b, k);
                    }
                }
                case "language", "langid" -> b.language(Fields.language(v));
                default -> {
                    // notes, files, timestamps: not kept
                }
            }
        }
        if (eprint != null && "pubmed".equalsIgnoreCase(eprintType)) {
            b.pmid(eprint);
        }
        b.journal(journal);
        Fields.languageFromTitles(b);
        return b.build();
    }

    private static Author author(String raw) {
        String a = raw.strip();
        if (a.contains(",") || a.indexOf(' ') < 0) {
            return Author.parse(a, List.of());
        }
        int sp = a.lastIndexOf(' ');
        return new Author(a.substring(sp + 1), a.substring(0, sp), List.of());
    }

    /** LaTeX to text; a value LaTeX cannot parse is kept with its braces removed. */
    private static String plain(String latex) {
        if (latex.indexOf('\\') < 0 && latex.indexOf('{') < 0) {
            return latex.replaceAll("\\s+", " ").strip();
        }
        try {
            return new LaTeXPrinter().print(new LaTeXParser().parse(latex)).replaceAll("\\s+", " ").strip();
        } catch (ParseException | RuntimeException e) {
            return latex.replace("{", "").replace("}", "").replaceAll("\\s+", " ").strip();
        }
    }

    @Override
    public boolean writes() {
        return true;
    }

    /**
     * One entry per reference, values in braces with LaTeX's special characters escaped. The title
     * in the reference's language is {@code title}, the other one {@code title_en} or
     * {@code title_zh}; the abstracts {@code abstract} and {@code abstract_zh}; {@code langid} the
     * language; {@code pmid} the PubMed id. BibTeX has no place for an author's affiliations: they
     * are not written.
     */
    @Override
    public String write(List<Reference> references) {
        StringBuilder out = new StringBuilder();
        for (Reference r : references) {
            out.append('@').append(entryType(r.type())).append('{').append(r.key()).append(",\n");
            field(out, "author", r.authors().isEmpty() ? null
                    : String.join(" and ", r.authors().stream().map(a -> escape(a.display())).toList()), false);
            field(out, "title", Writing.ownTitle(r), true);
            field(out, Writing.chinese(r) ? "title_en" : "title_zh", Writing.otherTitle(r), true);
            field(out, r.type() == ReferenceType.ARTICLE_JOURNAL ? "journal" : "booktitle", r.journal(), true);
            field(out, "year", r.year() == null ? null : r.year().toString(), true);
            field(out, "volume", r.volume(), true);
            field(out, "number", r.issue(), true);
            field(out, "pages", r.pages() == null ? null : r.pages().replace("-", "--"), true);
            field(out, "doi", r.doi(), true);
            field(out, "pmid", r.pmid(), true);
            field(out, "url", r.url(), true);
            field(out, "langid", langid(r.language()), true);
            field(out, "abstract", r.abstractText(), true);
            field(out, "abstract_zh", r.abstractZh(), true);
            List<String> kw = new ArrayList<>(r.keywords());
            kw.addAll(r.keywordsZh());
            field(out, "keywords", kw.isEmpty() ? null : String.join("; ", kw), true);
            out.append("}\n\n");
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value, boolean escape) {
        if (value != null && !value.isBlank()) {
            out.append("  ").append(name).append(" = {").append(escape ? escape(value) : value).append("},\n");
        }
    }

    /** LaTeX's special characters as commands the reader turns back into the characters. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : Writing.oneLine(s).toCharArray()) {
            switch (ch) {
                case '\\' -> b.append("{\\textbackslash}");
                case '{', '}', '&', '%', '$', '#', '_' -> b.append('\\').append(ch);
                case '~' -> b.append("{\\textasciitilde}");
                case '^' -> b.append("{\\textasciicircum}");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private static String langid(String language) {
        if (language == null) {
            return null;
        }
        return switch (language) {
            case "en" -> "english";
            case "zh" -> "chinese";
            default -> language;
        };
    }

    private static String entryType(ReferenceType t) {
        return switch (t) {
            case ARTICLE_JOURNAL -> "article";
            case BOOK -> "book";
            case CHAPTER -> "incollection";
            case PAPER_CONFERENCE -> "inproceedings";
            case THESIS -> "phdthesis";
            case REPORT -> "techreport";
            case WEBPAGE -> "online";
            default -> "misc";
        };
    }

    private static ReferenceType type(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "article" -> ReferenceType.ARTICLE_JOURNAL;
            case "book" -> ReferenceType.BOOK;
            case "incollection", "inbook" -> ReferenceType.CHAPTER;
            case "inproceedings", "conference" -> ReferenceType.PAPER_CONFERENCE;
            case "phdthesis", "mastersthesis", "thesis" -> ReferenceType.THESIS;
            case "techreport", "report" -> ReferenceType.REPORT;
            case "online", "electronic", "www" -> ReferenceType.WEBPAGE;
            case "misc" -> ReferenceType.OTHER;
            default -> ReferenceType.OTHER;
        };
    }
}
