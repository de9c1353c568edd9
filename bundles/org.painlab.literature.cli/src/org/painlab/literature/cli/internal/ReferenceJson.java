package org.painlab.literature.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.literature.Author;
import org.painlab.literature.Reference;

/** A reference as the {@code lit} commands print it (field names of ../shared/design/CLI.md). */
final class ReferenceJson {
    private ReferenceJson() {
    }

    static Map<String, Object> of(Reference r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r.key() != null) {
            m.put("key", r.key());
        }
        m.put("type", r.type().csl());
        m.put("doi", r.doi());
        m.put("pmid", r.pmid());
        m.put("title", r.title());
        m.put("title_zh", r.titleZh());
        List<Object> authors = new ArrayList<>();
        for (Author a : r.authors()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("family", a.family());
            am.put("given", a.given());
            am.put("affiliations", a.affiliations());
            authors.add(am);
        }
        m.put("authors", authors);
        m.put("journal", r.journal());
        m.put("year", r.year());
        m.put("volume", r.volume());
        m.put("issue", r.issue());
        m.put("pages", r.pages());
        m.put("keywords", r.keywords());
        m.put("keywords_zh", r.keywordsZh());
        m.put("abstract", r.abstractText());
        m.put("abstract_zh", r.abstractZh());
        m.put("language", r.language());
        m.put("url", r.url());
        m.put("guessed", r.guessed().stream().sorted().toList());
        return m;
    }
}
