package org.painlab.literature.cite;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.painlab.literature.LiteratureException;
import org.painlab.literature.Reference;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.DefaultAbbreviationProvider;
import de.undercouch.citeproc.ListItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.output.Citation;

/**
 * Formats references as citations and bibliography entries in a CSL style with citeproc-java.
 * <p>
 * Every entry is written in the language of its reference: a Chinese reference with the zh-CN
 * locale (more authors than the style lists end in "等"), an English one with en-US ("et al."),
 * even inside one bibliography, as GB/T 7714-2015 asks. citeproc-java renders one locale per run,
 * so the bibliography is made once per language present, each time with all references registered
 * (the numbers and order stay those of the whole list), and each entry taken from the run of its
 * language. The in-text citation is in the references' language when they share one, else in the
 * style's own locale.
 *
 * @since 0.1
 */
public final class Citations {
    private final CitationStyles styles;

    /** Uses the styles and locales shipped with the workbench. */
    public Citations() {
        this(new CitationStyles());
    }

    public Citations(CitationStyles styles) {
        this.styles = styles;
    }

    /**
     * @param references the references to cite, in citation order (numeric styles number them so)
     * @param style a style name or short name ({@link CitationStyles#SHORT_NAMES})
     * @param output text or HTML
     * @return the in-text citation and the bibliography
     * @throws LiteratureException when the style is not shipped or cannot be processed
     */
    public FormattedCitations format(List<Reference> references, String style, CitationOutput output)
            throws LiteratureException {
        if (references.isEmpty()) {
            throw new LiteratureException("nothing to cite: no reference given");
        }
        String xml = styles.style(style);
        List<CSLItemData> items = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<String, String> localeOf = new HashMap<>();
        for (Reference r : references) {
            CSLItemData item = CslItems.of(r);
            items.add(item);
            keys.add(item.getId());
            localeOf.put(item.getId(), CslItems.locale(r));
        }
        Set<String> locales = new LinkedHashSet<>(localeOf.values());
        Map<String, String> entries = new LinkedHashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        String citation = null;
        for (String locale : locales) {
            try {
                CSL csl = new CSL(new ListItemDataProvider(items), this::localeXml, new DefaultAbbreviationProvider(), xml, locale);
                csl.setOutputFormat(output.citeproc());
                csl.registerCitationItems(keys);
                // citeproc-java gives no entry ids: each entry of this language is found in the whole
                // bibliography (which fixes its place) by rendering it alone in the same run
                String[] all = csl.makeBibliography().getEntries();
                for (String key : keys) {
                    if (!locale.equals(localeOf.get(key))) {
                        continue;
                    }
                    String[] one = csl.makeBibliography(item -> key.equals(item.getId())).getEntries();
                    int at = one.length == 1 ? List.of(all).indexOf(one[0]) : -1;
                    if (at < 0) {
                        throw new LiteratureException("style '" + style + "': the entry of '" + key
                                + "' could not be placed in the bibliography");
                    }
                    entries.put(key, output == CitationOutput.TEXT ? CitationLayout.spaceAfterNumber(one[0].strip()) : one[0].strip());
                    positions.put(key, at);
                }
                if (locales.size() == 1) {
                    List<Citation> c = csl.makeCitation(keys);
                    citation = c.isEmpty() ? "" : c.get(0).getText();
                }
            } catch (IOException | RuntimeException e) {
                throw new LiteratureException("style '" + style + "' cannot be applied: " + e.getMessage(), e);
            }
        }
        if (citation == null) {
            citation = mixedCitation(items, keys, localeOf, xml, output, style);
        }
        List<String> order = new ArrayList<>(keys);
        order.sort(java.util.Comparator.comparingInt(positions::get));
        List<String> out = new ArrayList<>();
        for (String id : order) {
            out.add(entries.get(id));
        }
        return new FormattedCitations(styles.fileName(style), citation, out, order);
    }

    /**
     * The in-text citations of a document that cites at several places (the methods, each variable of
     * a report), numbered as one document: numeric styles number the references in the order of
     * {@code references}, which the caller gives in the order they are first cited. Each place is
     * rendered as a first citation (no "ibid." across places), in the references' language as
     * {@link #format} does.
     *
     * @param references every reference the document cites, in first-cited order
     * @param places the keys cited at each place, in document order
     * @param style a style name or short name
     * @param output text or HTML
     * @return one in-text citation per place
     * @throws LiteratureException when the style is not shipped, cannot be processed, or a place cites a key not in
     *     {@code references}
     * @since 0.1
     */
    public List<String> citations(List<Reference> references, List<List<String>> places, String style,
            CitationOutput output) throws LiteratureException {
        String xml = styles.style(style);
        List<CSLItemData> items = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<String, String> localeOf = new HashMap<>();
        for (Reference r : references) {
            CSLItemData item = CslItems.of(r);
            items.add(item);
            keys.add(item.getId());
            localeOf.put(item.getId(), CslItems.locale(r));
        }
        Set<String> locales = new LinkedHashSet<>(localeOf.values());
        CitationLayout layout = CitationLayout.of(xml);
        List<String> out = new ArrayList<>();
        for (List<String> place : places) {
            for (String k : place) {
                if (!localeOf.containsKey(k)) {
                    throw new LiteratureException("'" + k + "' is cited but not among the references given");
                }
            }
            try {
                if (locales.size() == 1 || layout.numeric()) {
                    out.add(citation(items, keys, xml, locales.size() == 1 ? locales.iterator().next() : null, output,
                            place.toArray(String[]::new)));
                } else {
                    List<String> parts = new ArrayList<>();
                    for (String key : place) {
                        parts.add(layout.strip(citation(items, keys, xml, localeOf.get(key), output, key)));
                    }
                    out.add(layout.prefix() + String.join(layout.delimiter(), parts) + layout.suffix());
                }
            } catch (IOException | RuntimeException e) {
                throw new LiteratureException("style '" + style + "' cannot be applied: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** One citation in a fresh run, so that nothing of an earlier place (ibid., subsequent forms) carries over. */
    private String citation(List<CSLItemData> items, List<String> keys, String xml, String locale, CitationOutput output,
            String... cited) throws IOException {
        CSL csl = new CSL(new ListItemDataProvider(items), this::localeXml, new DefaultAbbreviationProvider(), xml, locale);
        csl.setOutputFormat(output.citeproc());
        csl.registerCitationItems(keys);
        List<Citation> c = csl.makeCitation(cited);
        return c.isEmpty() ? "" : c.get(c.size() - 1).getText();
    }

    /**
     * A citation of references in several languages. Numeric styles ("[1,2]") name no authors and are
     * rendered in one run. Author-date styles name authors ("Wang et al." next to "张三 等"): each
     * reference is cited alone in its own language and the parts are joined inside the style's
     * citation layout (its prefix, delimiter and suffix).
     */
    private String mixedCitation(List<CSLItemData> items, List<String> keys, Map<String, String> localeOf, String xml,
            CitationOutput output, String style) throws LiteratureException {
        try {
            CitationLayout layout = CitationLayout.of(xml);
            if (layout.numeric()) {
                CSL csl = new CSL(new ListItemDataProvider(items), this::localeXml, new DefaultAbbreviationProvider(), xml, null);
                csl.setOutputFormat(output.citeproc());
                csl.registerCitationItems(keys);
                List<Citation> c = csl.makeCitation(keys);
                return c.isEmpty() ? "" : c.get(0).getText();
            }
            List<String> parts = new ArrayList<>();
            for (String key : keys) {
                CSL csl = new CSL(new ListItemDataProvider(items), this::localeXml, new DefaultAbbreviationProvider(), xml,
                        localeOf.get(key));
                csl.setOutputFormat(output.citeproc());
                csl.registerCitationItems(keys);
                List<Citation> c = csl.makeCitation(key);
                parts.add(layout.strip(c.isEmpty() ? "" : c.get(0).getText()));
            }
            return layout.prefix() + String.join(layout.delimiter(), parts) + layout.suffix();
        } catch (IOException | RuntimeException e) {
            throw new LiteratureException("style '" + style + "' cannot be applied: " + e.getMessage(), e);
        }
    }

    private String localeXml(String tag) {
        String xml = styles.locale(tag);
        if (xml == null && tag != null && tag.length() > 2) {
            xml = styles.locale(tag.substring(0, 2) + (tag.startsWith("zh") ? "-CN" : "-US"));
        }
        return xml != null ? xml : styles.locale("en-US");
    }
}
