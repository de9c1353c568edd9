package org.painlab.core.cite;

import java.util.List;

/**
 * What a document prints for its references in one style: the in-text citation of each place that
 * cites (in the order asked), and the bibliography entries with their keys, in the style's order.
 *
 * @param style the style used (as the provider names it, e.g. a CSL file name)
 * @param citations one in-text citation per place, e.g. "[1,2]" or "(Wang et al., 2023)"
 * @param entries the bibliography entries as plain text, without trailing line breaks
 * @param keys the key of each entry, in the same order
 * @since 0.1
 */
public record CitedReferences(String style, List<String> citations, List<String> entries, List<String> keys) {
    /** Copies the lists and checks that entries and keys pair up. */
    public CitedReferences {
        citations = List.copyOf(citations);
        entries = List.copyOf(entries);
        keys = List.copyOf(keys);
        if (entries.size() != keys.size()) {
            throw new IllegalArgumentException(entries.size() + " bibliography entries for " + keys.size() + " keys");
        }
    }
}
