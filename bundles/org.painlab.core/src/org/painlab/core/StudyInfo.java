package org.painlab.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a study holds, as counts per kind of item: the shape printed by
 * {@code painlab study info --json} and shown on the dashboard.
 *
 * @since 0.1
 */
public final class StudyInfo {
    private final String name;
    private final String id;
    private final Map<String, Object> counts;

    public StudyInfo(String name, String id, Map<String, Object> counts) {
        this.name = name;
        this.id = id;
        this.counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public String name() {
        return name;
    }

    public String id() {
        return id;
    }

    /** Counts keyed as in the CLI contract (subjects, arms, visits, volumes, models, references, audit_rows). */
    public Map<String, Object> counts() {
        return counts;
    }

    /** Number for a count key, 0 when the study has no such items. */
    public long count(String key) {
        Object v = counts.get(key);
        return v instanceof Number n ? n.longValue() : 0L;
    }

    /** The JSON object of {@code study info --json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(counts);
        m.put("name", name);
        m.put("study_id", id);
        return m;
    }
}
