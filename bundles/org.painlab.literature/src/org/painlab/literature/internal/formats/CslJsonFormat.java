package org.painlab.literature.internal.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.core.io.JsonText;
import org.painlab.literature.Author;
import org.painlab.literature.LiteratureException;
import org.painlab.literature.LiteratureFormat;
import org.painlab.literature.ReadOutcome;
import org.painlab.literature.ReadRecord;
import org.painlab.literature.RecordProblem;
import org.painlab.literature.Reference;
import org.painlab.literature.ReferenceType;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSL-JSON (Zotero, citeproc, Pandoc): an array of items, or one item. Items are read one by one
 * from the token stream so a bad item is named with its id and line; broken JSON stops the reading
 * at the line where it broke.
 */
public final class CslJsonFormat implements LiteratureFormat {
    private final JsonMapper mapper = JsonMapper.builder()
            // items are read one at a time from the array: the tokens after one item are the next items
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    @Override
    public boolean recognises(String head) {
        String h = head.stripLeading();
        return (h.startsWith("[") || h.startsWith("{")) && (head.contains("\"container-title\"") || head.contains("\"issued\"")
                || head.contains("\"type\""));
    }

    @Override
    public ReadOutcome read(String text) throws LiteratureException {
        List<ReadRecord> records = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        int number = 0;
        try (JsonParser p = mapper.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                int line = p.currentTokenLocation().getLineNr();
                item(1, line, mapper.readTree(p), records, problems);
                return new ReadOutcome(records, problems);
            }
            if (t != JsonToken.START_ARRAY) {
                throw new LiteratureException("not CSL-JSON: expected an array of items ('[') or one item ('{')");
            }
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                number++;
                int line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    problems.add(new RecordProblem(number, null, line, null, "an item must be an object ({...})"));
                    p.skipChildren();
                    continue;
                }
                item(number, line, mapper.readTree(p), records, problems);
            }
        } catch (JacksonException e) {
            if (number == 0 && records.isEmpty()) {
                throw new LiteratureException("not valid JSON: " + JsonText.syntaxProblem(e), e);
            }
            int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
            final int broken = number;
            records.removeIf(r -> r.record() == broken);
            problems.add(new RecordProblem(number, null, line, null,
                    "not valid JSON: " + JsonText.syntaxProblem(e) + " (the file cannot be read past this line)"));
        }
        return new ReadOutcome(records, problems);
    }

    @Override
    public boolean writes() {
        return true;
    }

    /**
     * An array of CSL items. CSL-JSON has one title and one abstract: the reference's own language
     * goes there, the other title to {@code original-title} and the Chinese abstract to the
     * non-standard {@code abstract-zh}; an author's affiliations go to a non-standard
     * {@code affiliation} list in the name (other CSL tools ignore both). Keywords are one
     * {@code keyword} string separated by "; ".
     */
    @Override
    public String write(List<Reference> references) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Reference r : references) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.key());
            m.put("type", r.type().csl());
            put(m, "title", Writing.ownTitle(r));
            put(m, "original-title", Writing.otherTitle(r));
            if (!r.authors().isEmpty()) {
                List<Map<String, Object>> names = new ArrayList<>();
                for (Author a : r.authors()) {
                    Map<String, Object> n = new LinkedHashMap<>();
                    if (a.given() == null && a.family().contains(" ")) {
                        n.put("literal", a.family());
                    } else {
                        n.put("family", a.family());
                        put(n, "given", a.given());
                    }
                    if (!a.affiliations().isEmpty()) {
                        n.put("affiliation", a.affiliations());
                    }
                    names.add(n);
                }
                m.put("author", names);
            }
            put(m, "container-title", r.journal());
            if (r.year() != null) {
                m.put("issued", Map.of("date-parts", List.of(List.of(r.year()))));
            }
            put(m, "volume", r.volume());
            put(m, "issue", r.issue());
            put(m, "page", r.pages());
            put(m, "DOI", r.doi());
            put(m, "PMID", r.pmid());
            put(m, "URL", r.url());
            put(m, "language", r.language());
            put(m, "abstract", r.abstractText() != null ? r.abstractText() : null);
            put(m, "abstract-zh", r.abstractZh());
            List<String> kw = new ArrayList<>(r.keywords());
            kw.addAll(r.keywordsZh());
            put(m, "keyword", kw.isEmpty() ? null : String.join("; ", kw));
            items.add(m);
        }
        return JsonText.write(items) + "\n";
    }

    private static void put(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    private static void item(int number, int line, JsonNode n, List<ReadRecord> records, List<RecordProblem> problems) {
        String id = text(n, "id");
        Reference.Builder b = Reference.builder().key(id).type(ReferenceType.ofCsl(text(n, "type")));
        Fields.title(b, text(n, "title"));
        Fields.title(b, text(n, "original-title"));
        for (JsonNode a : n.path("author")) {
            String family = text(a, "family");
            String literal = text(a, "literal");
            List<String> affiliations = new ArrayList<>();
            for (JsonNode aff : a.path("affiliation")) {
                if (aff.isValueNode()) {
                    affiliations.add(aff.asString());
                }
            }
            if (family != null) {
                b.author(new Author(family, text(a, "given"), affiliations));
            } else if (literal != null) {
                b.author(new Author(literal, null, affiliations));
            }
        }
        b.journal(text(n, "container-title"));
        JsonNode parts = n.path("issued").path("date-parts");
        if (parts.isArray() && parts.size() > 0 && parts.get(0).isArray() && parts.get(0).size() > 0) {
            JsonNode y = parts.get(0).get(0);
            Integer year = Fields.year(y.asString());
            if (year == null) {
                problems.add(new RecordProblem(number, id, line, "issued", "'" + y.asString() + "' is not a year"));
                return;
            }
            b.year(year);
        } else if (text(n.path("issued"), "raw") != null) {
            b.year(Fields.year(text(n.path("issued"), "raw")));
        }
        b.volume(text(n, "volume"));
        b.issue(text(n, "issue"));
        b.pages(text(n, "page"));
        b.doi(text(n, "DOI"));
        b.pmid(text(n, "PMID"));
        b.url(text(n, "URL"));
        Fields.abstractText(b, text(n, "abstract"));
        Fields.abstractText(b, text(n, "abstract-zh"));
        String kw = text(n, "keyword");
        if (kw != null) {
            for (String k : Fields.keywordList(kw)) {
                Fields.keyword(b, k);
            }
        }
        b.language(Fields.language(text(n, "language")));
        if (b.title() == null && b.titleZh() == null) {
            problems.add(new RecordProblem(number, id, line, "title", "item has no title"));
            return;
        }
        Fields.languageFromTitles(b);
        records.add(new ReadRecord(number, line, b.build()));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asString();
    }
}
