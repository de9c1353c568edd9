package org.painlab.literature.internal.formats;

import java.util.ArrayList;
import java.util.List;

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
 * PubMed XML ({@code PubmedArticleSet} as efetch and "Save as XML" write it), read with StAX. A
 * structured abstract's sections are joined with their labels; {@code VernacularTitle} gives the
 * original-language (Chinese) title. XML that breaks off is reported at the article and line where
 * it broke; the articles before it are kept for the user's choice.
 */
public final class PubmedXmlFormat implements LiteratureFormat {

    @Override
    public boolean recognises(String head) {
        return head.contains("<PubmedArticleSet") || head.contains("<PubmedArticle>");
    }

    @Override
    public ReadOutcome read(String text) throws LiteratureException {
        List<ReadRecord> records = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        int number = 0;
        int line = 0;
        String pmid = null;
        boolean seenRoot = false;
        try {
            XMLStreamReader r = SafeXml.open(text);
            while (r.hasNext()) {
                int e = r.next();
                if (e != XMLStreamReader.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                if (name.equals("PubmedArticleSet")) {
                    seenRoot = true;
                } else if (name.equals("PubmedArticle")) {
                    seenRoot = true;
                    number++;
                    line = r.getLocation().getLineNumber();
                    pmid = null;
                    ArticleState a = new ArticleState();
                    readArticle(r, a);
                    pmid = a.pmid;
                    RecordProblem p = a.problem(number, line);
                    if (p != null) {
                        problems.add(p);
                    } else {
                        records.add(new ReadRecord(number, line, a.build()));
                    }
                }
            }
        } catch (XMLStreamException ex) {
            int at = ex.getLocation() != null ? ex.getLocation().getLineNumber() : line;
            if (!seenRoot && number == 0) {
                throw new LiteratureException("line " + at + ": not well-formed XML: " + SafeXml.describe(ex), ex);
            }
            int rec = number == 0 ? 1 : number;
            // the article being read when the XML broke is not kept; later ones cannot be found
            records.removeIf(rr -> rr.record() == rec);
            problems.add(new RecordProblem(rec, pmid == null ? null : "PMID " + pmid, at, null,
                    "not well-formed XML: " + SafeXml.describe(ex) + " (the file cannot be read past this line)"));
        }
        if (!seenRoot) {
            throw new LiteratureException("not PubMed XML: no <PubmedArticleSet> or <PubmedArticle> element");
        }
        return new ReadOutcome(records, problems);
    }

    /** Fields of one article while it is read. */
    private static final class ArticleState {
        final Reference.Builder b = Reference.builder().type(ReferenceType.ARTICLE_JOURNAL);
        String pmid;
        String badPmid;
        int badPmidLine;
        final StringBuilder abstractText = new StringBuilder();
        Author pendingAuthor;

        RecordProblem problem(int number, int line) {
            String id = pmid == null ? null : "PMID " + pmid;
            if (badPmid != null) {
                return new RecordProblem(number, null, badPmidLine, "PMID", "'" + badPmid + "' is not a PubMed id (digits)");
            }
            if (b.title() == null && b.titleZh() == null) {
                return new RecordProblem(number, id, line, "ArticleTitle", "article has no title");
            }
            return null;
        }

        Reference build() {
            if (abstractText.length() > 0) {
                Fields.abstractText(b, abstractText.toString().strip());
            }
            Fields.languageFromTitles(b);
            return b.build();
        }
    }

    private static void readArticle(XMLStreamReader r, ArticleState a) throws XMLStreamException {
        int depth = 1;
        String family = null;
        String given = null;
        String collective = null;
        List<String> affiliations = new ArrayList<>();
        boolean inAuthor = false;
        boolean inArticleIds = false;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamReader.END_ELEMENT) {
                depth--;
                String name = r.getLocalName();
                if (name.equals("Author") && inAuthor) {
                    inAuthor = false;
                    if (family != null || collective != null) {
                        a.b.author(new Author(family != null ? family : collective, family != null ? given : null, affiliations));
                    }
                } else if (name.equals("ArticleIdList")) {
                    inArticleIds = false;
                }
                continue;
            }
            if (e != XMLStreamReader.START_ELEMENT) {
                continue;
            }
            depth++;
            String name = r.getLocalName();
            switch (name) {
                case "PMID" -> {
                    int line = r.getLocation().getLineNumber();
                    String v = SafeXml.text(r);
                    depth--;
                    if (a.pmid == null && a.badPmid == null) {
                        if (v.matches("\\d{1,9}")) {
                            a.pmid = v;
                            a.b.pmid(v);
                        } else {
                            a.badPmid = v;
                            a.badPmidLine = line;
                        }
                    }
                }
                case "ArticleTitle" -> {
                    Fields.title(a.b, SafeXml.text(r).replaceAll("^\\[(.*)]\\.?$", "$1"));
                    depth--;
                }
                case "VernacularTitle" -> {
                    Fields.title(a.b, SafeXml.text(r));
                    depth--;
                }
                case "AbstractText" -> {
                    String label = r.getAttributeValue(null, "Label");
                    String v = SafeXml.text(r);
                    depth--;
                    if (a.abstractText.length() > 0) {
                        a.abstractText.append(' ');
                    }
                    a.abstractText.append(label != null ? label + ": " + v : v);
                }
                case "Author" -> {
                    inAuthor = true;
                    family = null;
                    given = null;
                    collective = null;
                    affiliations = new ArrayList<>();
                }
                case "LastName" -> {
                    family = SafeXml.text(r);
                    depth--;
                }
                case "ForeName" -> {
                    given = SafeXml.text(r);
                    depth--;
                }
                case "CollectiveName" -> {
                    collective = SafeXml.text(r);
                    depth--;
                }
                case "Affiliation" -> {
                    String v = SafeXml.text(r);
                    depth--;
                    if (inAuthor) {
                        affiliations.add(v);
                    }
                }
                case "Title" -> {
                    a.b.journal(SafeXml.text(r));
                    depth--;
                }
                case "Volume" -> {
                    a.b.volume(SafeXml.text(r));
                    depth--;
                }
                case "Issue" -> {
                    a.b.issue(SafeXml.text(r));
                    depth--;
                }
                case "Year", "MedlineDate" -> {
                    String v = SafeXml.text(r);
                    depth--;
                    if (a.b.year() == null) {
                        a.b.year(Fields.year(v));
                    }
                }
                case "MedlinePgn" -> {
                    a.b.pages(SafeXml.text(r));
                    depth--;
                }
                case "ELocationID" -> {
                    String type = r.getAttributeValue(null, "EIdType");
                    String v = SafeXml.text(r);
                    depth--;
                    if ("doi".equals(type) && a.b.doi() == null) {
                        a.b.doi(v);
                    }
                }
                case "ArticleIdList" -> inArticleIds = true;
                case "ArticleId" -> {
                    String type = r.getAttributeValue(null, "IdType");
                    String v = SafeXml.text(r);
                    depth--;
                    if (inArticleIds && "doi".equals(type) && a.b.doi() == null) {
                        a.b.doi(v);
                    }
                }
                case "Keyword" -> {
                    Fields.keyword(a.b, SafeXml.text(r));
                    depth--;
                }
                case "Language" -> {
                    String v = SafeXml.text(r);
                    depth--;
                    if (a.b.language() == null) {
                        a.b.language(Fields.language(v));
                    }
                }
                case "ReferenceList", "CommentsCorrectionsList", "DateCompleted", "DateRevised", "ArticleDate", "History" -> {
                    // dates and cited works here would be taken for the article's own: skip the element
                    SafeXml.text(r);
                    depth--;
                }
                default -> {
                    // other elements: their children are looked at
                }
            }
        }
    }
}
