package org.painlab.literature.cite;

import java.util.List;

/**
 * Citations of references in one CSL style: the in-text citation of all the keys together (e.g.
 * "[1,2]" or "(Wang et al., 2023; 张三 等, 2023)") and the bibliography entries in the style's order.
 *
 * @param style the CSL style's file name
 * @param citation the in-text citation
 * @param entries the bibliography entries, each without a trailing line break
 * @param keys the reference key of each entry, in the same order
 * @since 0.1
 */
public record FormattedCitations(String style, String citation, List<String> entries, List<String> keys) {
    public FormattedCitations {
        entries = List.copyOf(entries);
        keys = List.copyOf(keys);
    }
}
