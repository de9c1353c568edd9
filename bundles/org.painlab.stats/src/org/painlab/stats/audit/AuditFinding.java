package org.painlab.stats.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the audit found for one row: every test and option combination whose P prints as the
 * published value, every combination tried, and flags for a reviewer.
 *
 * @param label row label
 * @param printed the printed P
 * @param statedTest the stated test, or null
 * @param reproducedBy combinations that reproduce the printed P
 * @param candidates all combinations tried
 * @param flags what a reviewer should know
 *
 * @since 0.1
 */
public record AuditFinding(String label, PrintedP printed, String statedTest, List<Candidate> reproducedBy,
        List<Candidate> candidates, List<String> flags) {

    /** Copies the lists. */
    public AuditFinding {
        reproducedBy = List.copyOf(reproducedBy);
        candidates = List.copyOf(candidates);
        flags = List.copyOf(flags);
    }

    /** @return JSON-shaped map as {@code stats audit --json} prints each row */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("printed_p", printed == null ? null : printed.text());
        m.put("stated_test", statedTest);
        List<Object> r = new ArrayList<>();
        for (Candidate c : reproducedBy) {
            Map<String, Object> cm = c.toMap();
            if (!printed.reproducedBy(c.pValue())) {
                cm.put("within_rounding", true);
            }
            r.add(cm);
        }
        m.put("reproduced_by", r);
        m.put("flags", flags);
        List<Object> all = new ArrayList<>();
        for (Candidate c : candidates) {
            all.add(c.toMap());
        }
        m.put("candidates", all);
        return m;
    }
}
