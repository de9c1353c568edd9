package org.painlab.stats.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The references a report cites, formatted in one style: the in-text citation of its statistical
 * methods, the citation after each cited variable's label, and the References section. Formatted by
 * whichever plugin provides citations (core's citation contract), so statistics knows no library.
 *
 * @param style the style used, as the provider names it
 * @param methods the in-text citation of the methods, or null when the methods cite nothing
 * @param variables per variable name, the in-text citation printed after its label
 * @param entries the References section's entries as plain text, in the style's order
 * @param keys the key of each entry
 * @since 0.1
 */
public record ReportReferences(String style, String methods, Map<String, String> variables, List<String> entries,
        List<String> keys) {

    /** A report that cites nothing. */
    public static final ReportReferences NONE = new ReportReferences(null, null, Map.of(), List.of(), List.of());

    /** Copies the lists and the map (keeping the variables' order). */
    public ReportReferences {
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        entries = List.copyOf(entries);
        keys = List.copyOf(keys);
    }

    /** @return the sentence citing the statistical methods, or null when they cite nothing */
    public String methodsSentence() {
        return methods == null ? null : "Statistical methods as described in " + methods + ".";
    }

    /** @return true when the report has a References section */
    public boolean any() {
        return !entries.isEmpty();
    }
}
