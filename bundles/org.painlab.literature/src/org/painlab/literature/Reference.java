package org.painlab.literature;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One work the lab reads, in both languages: English and Chinese title, abstract and keywords, the
 * reference's own language, its authors with their affiliations, where it was published and its
 * identifiers. {@code guessed} names the fields that were inferred rather than read from a labelled
 * place (pasted page text), so a reader can check them; field names are those of {@code lit parse-text --json}.
 * {@code key} is the citation key in the study ({@code lit cite KEY}); it may be null before the
 * reference is stored.
 *
 * @since 0.1
 */
public record Reference(String key, ReferenceType type, String language, String title, String titleZh,
        String abstractText, String abstractZh, List<String> keywords, List<String> keywordsZh, List<Author> authors,
        String journal, Integer year, String volume, String issue, String pages, String doi, String pmid, String url,
        Set<String> guessed) {

    public Reference {
        type = type == null ? ReferenceType.ARTICLE_JOURNAL : type;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        keywordsZh = keywordsZh == null ? List.of() : List.copyOf(keywordsZh);
        authors = authors == null ? List.of() : List.copyOf(authors);
        guessed = guessed == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(guessed));
    }

    /** The English title, else the Chinese one, else an empty string: what a list shows. */
    public String displayTitle() {
        return title != null ? title : titleZh != null ? titleZh : "";
    }

    /** This reference under another key. */
    public Reference withKey(String newKey) {
        return toBuilder().key(newKey).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().key(key).type(type).language(language).title(title).titleZh(titleZh)
                .abstractText(abstractText).abstractZh(abstractZh).journal(journal).year(year).volume(volume)
                .issue(issue).pages(pages).doi(doi).pmid(pmid).url(url);
        b.keywords.addAll(keywords);
        b.keywordsZh.addAll(keywordsZh);
        b.authors.addAll(authors);
        b.guessed.addAll(guessed);
        return b;
    }

    /** Collects fields while a record is read; blank strings count as absent. */
    public static final class Builder {
        private String key;
        private ReferenceType type;
        private String language;
        private String title;
        private String titleZh;
        private String abstractText;
        private String abstractZh;
        private final List<String> keywords = new ArrayList<>();
        private final List<String> keywordsZh = new ArrayList<>();
        private final List<Author> authors = new ArrayList<>();
        private String journal;
        private Integer year;
        private String volume;
        private String issue;
        private String pages;
        private String doi;
        private String pmid;
        private String url;
        private final Set<String> guessed = new LinkedHashSet<>();

        private static String clean(String s) {
            if (s == null) {
                return null;
            }
            String t = s.strip();
            return t.isEmpty() ? null : t;
        }

        public Builder key(String v) { key = clean(v); return this; }
        public Builder type(ReferenceType v) { type = v; return this; }
        public Builder language(String v) { language = clean(v); return this; }
        public Builder title(String v) { title = clean(v); return this; }
        public Builder titleZh(String v) { titleZh = clean(v); return this; }
        public Builder abstractText(String v) { abstractText = clean(v); return this; }
        public Builder abstractZh(String v) { abstractZh = clean(v); return this; }
        public Builder journal(String v) { journal = clean(v); return this; }
        public Builder year(Integer v) { year = v; return this; }
        public Builder volume(String v) { volume = clean(v); return this; }
        public Builder issue(String v) { issue = clean(v); return this; }
        public Builder pages(String v) { pages = clean(v); return this; }
        public Builder doi(String v) { doi = Identifiers.doi(v); return this; }
        public Builder pmid(String v) { pmid = clean(v); return this; }
        public Builder url(String v) { url = clean(v); return this; }

        public Builder keyword(String v) {
            String k = clean(v);
            if (k != null && !keywords.contains(k)) {
                keywords.add(k);
            }
            return this;
        }

        public Builder keywordZh(String v) {
            String k = clean(v);
            if (k != null && !keywordsZh.contains(k)) {
                keywordsZh.add(k);
            }
            return this;
        }

        public Builder author(Author a) { authors.add(a); return this; }

        /** Marks {@code field} as inferred. */
        public Builder guessed(String field) { guessed.add(field); return this; }

        /** Authors read so far (a reader adds affiliations to the last one). */
        public List<Author> authors() { return authors; }

        public String title() { return title; }
        public String titleZh() { return titleZh; }
        public String abstractText() { return abstractText; }
        public String abstractZh() { return abstractZh; }
        public String journal() { return journal; }
        public Integer year() { return year; }
        public String doi() { return doi; }
        public String language() { return language; }
        public String volume() { return volume; }
        public String issue() { return issue; }
        public String pages() { return pages; }
        public List<String> keywords() { return keywords; }
        public List<String> keywordsZh() { return keywordsZh; }

        public Reference build() {
            return new Reference(key, type, language, title, titleZh, abstractText, abstractZh, keywords, keywordsZh,
                    authors, journal, year, volume, issue, pages, doi, pmid, url, guessed);
        }
    }
}
