package org.painlab.literature.internal.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.painlab.literature.Author;
import org.painlab.literature.Identifiers;
import org.painlab.literature.Reference;
import org.painlab.literature.internal.formats.Fields;

/**
 * One reference out of text pasted from a web page: a PubMed record, a Chinese journal page
 * (CNKI-like: 中文题名, 作者, 单位, 摘要, 关键词 with their English twins) or a publisher or review
 * page with "Keywords:", "From:", "DOI" labels. Labelled fields are read as given; fields found by
 * their place on the page (PubMed's title and author lines, a DOI without its label, a language
 * from the titles) are marked guessed. A field that is not on the page stays empty.
 */
public final class PastedTextParser {
    /** "Pain. 2023 Mar 1;164(3):e123-e135." as PubMed prints the source line. */
    private static final Pattern PUBMED_SOURCE = Pattern.compile(
            "^(?:\\d+\\.\\s+)?([A-Z][^.;]{1,120}?)\\.\\s+((?:19|20)\\d{2})(?:\\s+[A-Z][a-z]{2}(?:-[A-Z][a-z]{2})?)?(?:\\s+\\d{1,2})?"
                    + "\\s*;\\s*(\\d+)?(?:\\s*\\(([^)]+)\\))?(?:\\s*:\\s*([A-Za-z]?\\d+(?:\\s*-\\s*[A-Za-z]?\\d+)?))?");
    /** "中国疼痛医学杂志, 2023, 29(01): 25-31" or "2023, 29(1):25-31". */
    private static final Pattern ZH_SOURCE = Pattern.compile(
            "(?:^|[.。]\\s*)([^,，.。:：\\d][^,，.。:：]{1,60}?)?\\s*[,，.]?\\s*((?:19|20)\\d{2})\\s*年?\\s*[,，]\\s*(\\d+)?\\s*[(（]\\s*([^)）]{1,10})\\s*[)）]"
                    + "(?:\\s*[:：]\\s*([A-Za-z]?\\d+(?:\\s*[-–~]\\s*[A-Za-z]?\\d+)?))?");
    /** "2023年第29卷第1期". */
    private static final Pattern ZH_YEAR_VOLUME = Pattern.compile(
            "((?:19|20)\\d{2})\\s*年\\s*(?:第\\s*(\\d+)\\s*卷)?\\s*[,，]?\\s*第\\s*(\\d+)\\s*期");
    /** "Nature Neuroscience, 2024" */
    private static final Pattern JOURNAL_YEAR = Pattern.compile("^(.+?)\\s*[,，.]\\s*((?:19|20)\\d{2})\\s*[.,;，。]?$");
    private static final Pattern ARTICLE_IN = Pattern.compile("(?i)^Article in (Chinese|English|Japanese|German|French)\\b");
    private static final Pattern PMID = Pattern.compile("\\bPMID\\s*[:：]\\s*(\\d{1,9})");
    private static final Pattern DOI_LABELLED = Pattern.compile("(?i)\\bdoi\\s*[:：]?\\s*(?:https?://(?:dx\\.)?doi\\.org/)?(10\\.\\d{4,9}/\\S+)");
    private static final Pattern NAME_INDICES = Pattern.compile(
            "\\s*([^,，;；、\\d*†#]+?)\\s*((?:\\d+\\s*[,，]?\\s*)*?)\\s*[*†#]*\\s*(?:[,，;；、]|\\band\\b|$)");
    private static final Pattern AFFILIATION_INDEX = Pattern.compile("^[(（\\[]?(\\d{1,2})[)）\\]]?[.．、]?\\s*(\\S.*)$");

    /** Reads {@code text}; a page with none of the fields gives a reference with every field empty. */
    public Reference parse(String text) {
        PastedPage page = PastedPage.of(text);
        Reference.Builder b = Reference.builder();
        titles(page, b);
        boolean pubmedSource = source(page, b);
        int afterTitle = -1;
        if (b.title() == null && b.titleZh() == null && pubmedSource) {
            afterTitle = pubmedTitle(page, b);
        }
        if (b.title() == null && b.titleZh() == null) {
            longestHeadLine(page, b);
        }
        if (page.has(Label.AUTHORS)) {
            authors(page.text(Label.AUTHORS), affiliations(page), b, false);
        } else if (afterTitle >= 0) {
            List<String> lines = page.head;
            int i = afterTitle;
            while (i < lines.size() && lines.get(i).isBlank()) {
                i++;
            }
            if (i < lines.size()) {
                authors(lines.get(i), affiliations(page), b, true);
            }
        }
        abstracts(page, b);
        keywords(page, b);
        identifiers(page, b);
        for (String line : page.kept) {
            Matcher m = ARTICLE_IN.matcher(line);
            if (m.find() && b.language() == null) {
                b.language(Fields.language(m.group(1)));
            }
        }
        Fields.languageFromTitles(b);
        return b.build();
    }

    private static void titles(PastedPage page, Reference.Builder b) {
        if (page.has(Label.TITLE_EN)) {
            b.title(trimTitle(page.text(Label.TITLE_EN)));
        }
        if (page.has(Label.TITLE_ZH)) {
            b.titleZh(trimTitle(page.text(Label.TITLE_ZH)));
        }
        if (page.has(Label.TITLE)) {
            String t = trimTitle(page.firstLine(Label.TITLE));
            if (Identifiers.hanShare(t) > 0.3 ? b.titleZh() == null : b.title() == null) {
                Fields.title(b, t);
            }
        }
    }

    private static String trimTitle(String t) {
        return t.replaceAll("^\\[(.*)]\\.?$", "$1").replaceAll("[.。]$", "").strip();
    }

    /** Journal, year, volume, issue, pages from a labelled source, a PubMed source line or a "cite as" line; true for PubMed's. */
    private static boolean source(PastedPage page, Reference.Builder b) {
        if (page.has(Label.JOURNAL)) {
            String j = page.text(Label.JOURNAL);
            Matcher pm = PUBMED_SOURCE.matcher(j);
            Matcher jy = JOURNAL_YEAR.matcher(j);
            if (pm.lookingAt()) {
                b.journal(pm.group(1).strip()).year(Integer.valueOf(pm.group(2))).volume(pm.group(3)).issue(pm.group(4))
                        .pages(pm.group(5) == null ? null : pm.group(5).replaceAll("\\s", ""));
            } else if (!zhSource(j, b, false)) {
                if (jy.matches()) {
                    b.journal(jy.group(1).strip()).year(Integer.valueOf(jy.group(2)));
                } else {
                    b.journal(j.replaceAll("[.。,，]$", ""));
                }
            }
        }
        if (page.has(Label.YEAR) && b.year() == null) {
            b.year(Fields.year(page.text(Label.YEAR)));
        }
        if (page.has(Label.VOLUME) && b.volume() == null) {
            b.volume(page.firstLine(Label.VOLUME));
        }
        if (page.has(Label.ISSUE) && b.issue() == null) {
            b.issue(stripZeros(page.firstLine(Label.ISSUE)));
        }
        if (page.has(Label.PAGES) && b.pages() == null) {
            b.pages(page.firstLine(Label.PAGES).replaceAll("\\s*[-–~]\\s*", "-"));
        }
        boolean pubmed = false;
        if (b.journal() == null || b.year() == null) {
            for (String line : page.kept) {
                Matcher m = PUBMED_SOURCE.matcher(line);
                if (m.lookingAt() && Label.find(line) == null) {
                    b.journal(m.group(1).strip()).year(Integer.valueOf(m.group(2))).volume(m.group(3))
                            .issue(m.group(4)).pages(m.group(5) == null ? null : m.group(5).replaceAll("\\s", ""));
                    pubmed = true;
                    break;
                }
            }
        }
        if (b.year() == null && page.has(Label.CITE_AS)) {
            String cite = page.text(Label.CITE_AS);
            if (zhSource(cite, b, true)) {
                b.guessed("journal").guessed("year").guessed("volume").guessed("issue").guessed("pages");
            }
        }
        if (b.year() == null) {
            for (String line : page.kept) {
                Matcher m = ZH_YEAR_VOLUME.matcher(line);
                if (m.find()) {
                    b.year(Integer.valueOf(m.group(1))).volume(m.group(2)).issue(m.group(3));
                    String journal = line.substring(0, m.start()).replaceAll("[.。,，\\s]+$", "").strip();
                    if (b.journal() == null && !journal.isEmpty()) {
                        b.journal(journal).guessed("journal");
                    }
                    break;
                }
            }
        }
        return pubmed;
    }

    /** "刊名, 2023, 29(01): 25-31"; in a citation the journal is the part after the title's full stop. */
    private static boolean zhSource(String s, Reference.Builder b, boolean citation) {
        Matcher m = ZH_SOURCE.matcher(s);
        if (m.find()) {
            String journal = m.group(1) == null ? null : m.group(1).strip();
            if (journal != null && !citation && !s.startsWith(journal)) {
                journal = null;
            }
            if (journal != null && b.journal() == null) {
                b.journal(journal);
            }
            b.year(Integer.valueOf(m.group(2))).volume(m.group(3)).issue(stripZeros(m.group(4)));
            if (m.group(5) != null) {
                b.pages(m.group(5).replaceAll("\\s*[-–~]\\s*", "-"));
            }
            return true;
        }
        Matcher y = ZH_YEAR_VOLUME.matcher(s);
        if (y.find()) {
            String journal = s.substring(0, y.start()).replaceAll("[.。,，\\s]+$", "").strip();
            if (!journal.isEmpty() && b.journal() == null && !citation) {
                b.journal(journal);
            }
            b.year(Integer.valueOf(y.group(1))).volume(y.group(2)).issue(y.group(3));
            return true;
        }
        return false;
    }

    private static String stripZeros(String issue) {
        return issue == null ? null : issue.strip().matches("0+\\d+") ? issue.strip().replaceFirst("^0+", "") : issue.strip();
    }

    private static final Pattern NOT_TITLE = Pattern.compile(
            "(?i)(doi\\b.*|epub.*|article in .*|free (pmc )?article\\.?|review\\.?|comparative study\\.?|clinical trial\\.?|"
                    + "randomized controlled trial\\.?|meta-analysis\\.?|case reports?\\.?)");

    /**
     * PubMed's abstract page: the title is the paragraph after the source and DOI lines (or, in
     * some copies, before the source line). Found by place, so guessed.
     *
     * @return the index in the page head after the title, or -1 when none was found
     */
    private static int pubmedTitle(PastedPage page, Reference.Builder b) {
        List<String> lines = page.head;
        int source = 0;
        while (source < lines.size() && !PUBMED_SOURCE.matcher(lines.get(source)).lookingAt()) {
            source++;
        }
        int i = source + 1;
        while (i < lines.size() && (lines.get(i).isBlank() || NOT_TITLE.matcher(lines.get(i)).matches())) {
            i++;
        }
        StringBuilder title = new StringBuilder();
        int end = i;
        while (end < lines.size() && !lines.get(end).isBlank() && !NOT_TITLE.matcher(lines.get(end)).matches()) {
            PastedPage.append(title, lines.get(end));
            end++;
        }
        if (title.length() == 0 || title.toString().split("\\s+").length < 3) {
            title.setLength(0);
            for (int k = 0; k < Math.min(source, lines.size()); k++) {
                String l = lines.get(k);
                if (!l.isBlank() && !NOT_TITLE.matcher(l).matches() && l.split("\\s+").length >= 3) {
                    title.append(l);
                    end = source + 1;
                    break;
                }
            }
        }
        if (title.length() == 0) {
            return -1;
        }
        Fields.title(b, trimTitle(title.toString()));
        b.guessed(Identifiers.hanShare(title.toString()) > 0.3 ? "title_zh" : "title");
        return end;
    }

    /** A page with no title label and no PubMed layout: the longest line of its head that reads like a title, guessed. */
    private static void longestHeadLine(PastedPage page, Reference.Builder b) {
        String best = null;
        for (String l : page.head) {
            boolean han = Identifiers.hanShare(l) > 0.3;
            boolean titleLike = han ? l.length() >= 8 : l.split("\\s+").length >= 4;
            if (titleLike && !NOT_TITLE.matcher(l).matches() && !l.endsWith(":") && (best == null || l.length() > best.length())) {
                best = l;
            }
        }
        if (best != null) {
            Fields.title(b, trimTitle(best));
            b.guessed(Identifiers.hanShare(best) > 0.3 ? "title_zh" : "title");
        }
    }

    /** Numbered affiliations ("1 Department...", "1. 某某大学...；2. ...") by number; unnumbered ones under 0. */
    private static Map<Integer, String> affiliations(PastedPage page) {
        Map<Integer, String> out = new LinkedHashMap<>();
        List<String> lines = page.sections.get(Label.AFFILIATIONS);
        if (lines == null) {
            return out;
        }
        List<String> parts = new ArrayList<>();
        for (String l : lines) {
            for (String p : l.split("[；;]\\s*(?=[(（\\[]?\\d)")) {
                if (!p.isBlank()) {
                    parts.add(p.strip());
                }
            }
        }
        int unnumbered = 0;
        for (String p : parts) {
            Matcher m = AFFILIATION_INDEX.matcher(p);
            String text;
            int index;
            if (m.matches()) {
                index = Integer.parseInt(m.group(1));
                text = m.group(2);
            } else {
                index = --unnumbered;
                text = p;
            }
            text = text.replaceAll("[;；.。]$", "").strip();
            if (!text.isEmpty()) {
                out.merge(index, text, (x, y) -> x + " " + y);
            }
        }
        return out;
    }

    private static void authors(String line, Map<Integer, String> affiliations, Reference.Builder b, boolean guessed) {
        if (line == null || line.isBlank()) {
            return;
        }
        List<String> unnumbered = affiliations.entrySet().stream().filter(e -> e.getKey() < 0).map(Map.Entry::getValue).toList();
        String names = line.replace("Expand", " ");
        if (Identifiers.hasHan(names) && !names.matches(".*[,，;；、].*")) {
            names = names.replaceAll("\\s+", "、");
        }
        Matcher m = NAME_INDICES.matcher(names);
        boolean any = false;
        while (m.find()) {
            if (m.end() == m.start()) {
                if (m.end() >= names.length()) {
                    break;
                }
                continue;
            }
            String name = m.group(1).replaceAll("\\s+", " ").strip();
            if (name.isEmpty() || name.equalsIgnoreCase("et al") || name.equals("等")) {
                continue;
            }
            List<String> affs = new ArrayList<>();
            for (String idx : m.group(2).split("[^\\d]+")) {
                if (!idx.isEmpty() && affiliations.containsKey(Integer.parseInt(idx))) {
                    affs.add(affiliations.get(Integer.parseInt(idx)));
                }
            }
            if (affs.isEmpty()) {
                affs.addAll(unnumbered);
            }
            b.author(name(name, affs));
            any = true;
        }
        if (any && guessed) {
            b.guessed("authors");
        }
    }

    /** "Li Wang" → family Wang, given Li; a Chinese name stays whole. */
    private static Author name(String name, List<String> affiliations) {
        if (Identifiers.hasHan(name) || name.contains(",") || name.indexOf(' ') < 0) {
            return new Author(name.replace(" ", ""), null, affiliations);
        }
        int sp = name.lastIndexOf(' ');
        return new Author(name.substring(sp + 1), name.substring(0, sp), affiliations);
    }

    private static void abstracts(PastedPage page, Reference.Builder b) {
        for (Label l : List.of(Label.ABSTRACT_ZH, Label.ABSTRACT_EN)) {
            StringBuilder zh = new StringBuilder();
            StringBuilder en = new StringBuilder();
            for (String p : page.paragraphs(l)) {
                if (p.startsWith("Copyright") || p.startsWith("©") || p.matches("(?i)keep in mind.*")) {
                    continue;
                }
                StringBuilder into = Identifiers.hanShare(p) > 0.3 ? zh : en;
                if (into.length() > 0) {
                    into.append(into == zh ? "" : " ");
                }
                into.append(p);
            }
            if (zh.length() > 0 && b.abstractZh() == null) {
                b.abstractZh(zh.toString());
            }
            if (en.length() > 0 && b.abstractText() == null) {
                b.abstractText(en.toString());
            }
        }
    }

    private static void keywords(PastedPage page, Reference.Builder b) {
        for (Label l : List.of(Label.KEYWORDS_ZH, Label.KEYWORDS_EN)) {
            List<String> paragraphs = page.paragraphs(l);
            String first = paragraphs.isEmpty() ? "" : paragraphs.get(0);
            // "Pain, postoperative" is one MeSH term: commas split only a list without semicolons
            String separators = first.matches(".*[;；].*") ? "[;；]" : "[,，、]";
            for (String k : first.split(separators)) {
                String kw = k.replaceAll("[.。]$", "").strip();
                if (!kw.isEmpty()) {
                    Fields.keyword(b, kw);
                }
            }
        }
    }

    private static void identifiers(PastedPage page, Reference.Builder b) {
        if (page.has(Label.DOI)) {
            b.doi(page.firstLine(Label.DOI));
        }
        String all = String.join("\n", page.kept);
        if (b.doi() == null) {
            Matcher m = DOI_LABELLED.matcher(all);
            if (m.find()) {
                b.doi(m.group(1));
            } else {
                String bare = Identifiers.doi(all);
                if (bare != null) {
                    b.doi(bare).guessed("doi");
                }
            }
        }
        if (page.has(Label.PMID)) {
            Matcher m = Pattern.compile("^(\\d{1,9})").matcher(page.firstLine(Label.PMID));
            if (m.find()) {
                b.pmid(m.group(1));
            }
        }
        Matcher m = PMID.matcher(all);
        if (m.find()) {
            b.pmid(m.group(1));
        }
    }
}
