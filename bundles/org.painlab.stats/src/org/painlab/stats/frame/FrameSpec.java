package org.painlab.stats.frame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.painlab.core.io.JsonText;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the columns of a plain data table are, for the paper's tables on any CSV (as tableone or
 * gtsummary take a data frame): which columns are continuous, binary, categorical or ordinal, which
 * columns are repeated measures of one variable ({@code "paired": {"vas": ["vas_adm", "vas_3m"]}}), the
 * subject id column and the missing-value codes. Every other key is a key of the analysis plan (alpha,
 * title, arms, control_arm, overrides, table_overrides, time_point_labels, ...; see
 * {@link org.painlab.stats.plan.AnalysisPlan}) and is handed to it unchanged.
 *
 * <pre>{@code
 * {
 *   "id": "record_id",
 *   "continuous": ["age", "bmi"],
 *   "binary": ["hypertension"],
 *   "categorical": ["level"],
 *   "ordinal": {"pfirrmann": ["I", "II", "III", "IV", "V"], "macnab": []},
 *   "paired": {"vas": ["vas_adm", "vas_pre", "vas_3d", "vas_3m"]},
 *   "missing": ["", "NA", "."],
 *   "alpha": 0.05,
 *   "overrides": {"bmi": {"test": "mann-whitney"}}
 * }
 * }</pre>
 * An ordinal column's list gives its order (empty list: numeric order of the values). A paired variable is
 * continuous unless it is also named in {@code binary}, {@code categorical} or {@code ordinal}.
 *
 * @param idColumn the subject id column, or null (rows are then named by their line number)
 * @param kinds column or paired-variable name to its kind, in the order the spec lists them
 * @param ordinalLevels ordinal variable to its level order (empty: numeric order)
 * @param paired variable to its columns, one per time point, the first being the reference
 * @param missing cell texts that mean "missing"
 * @param planJson the remaining keys as an analysis plan (JSON text, "{}" when none)
 * @since 0.1
 */
public record FrameSpec(String idColumn, Map<String, Kind> kinds, Map<String, List<String>> ordinalLevels,
        Map<String, List<String>> paired, Set<String> missing, String planJson) {

    /** The kinds of column a spec names. */
    public enum Kind {
        /** Numbers compared as means or medians. */
        CONTINUOUS("continuous"),
        /** Two levels, counted. */
        BINARY("binary"),
        /** Several unordered levels, counted. */
        CATEGORICAL("categorical"),
        /** Ordered levels, compared by ranks. */
        ORDINAL("ordinal");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The spec key that lists columns of this kind. */
        public String key() {
            return key;
        }
    }

    /** The missing-value codes used when a spec gives none. */
    public static final Set<String> DEFAULT_MISSING = Set.of("", "NA", "N/A", "NaN", ".");

    private static final Set<String> OWN_KEYS = Set.of("id", "continuous", "binary", "categorical", "ordinal", "paired",
            "missing");

    /** Copies the collections. */
    public FrameSpec {
        kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        ordinalLevels = Map.copyOf(ordinalLevels);
        paired = Collections.unmodifiableMap(new LinkedHashMap<>(paired));
        missing = Set.copyOf(missing);
    }

    /**
     * Reads a spec; every problem names the key.
     *
     * @param json the spec's text
     * @return the spec
     * @throws IllegalArgumentException naming the key that is wrong
     */
    public static FrameSpec parse(String json) {
        Object parsed;
        try {
            parsed = JsonMapper.builder().build().readValue(json, Object.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + JsonText.syntaxProblem(e), e);
        }
        if (!(parsed instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("expected a JSON object with continuous, binary, ordinal, paired ...");
        }
        Map<String, Kind> kinds = new LinkedHashMap<>();
        Map<String, List<String>> ordinal = new LinkedHashMap<>();
        Map<String, List<String>> paired = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            Object listed = root.get(kind.key());
            if (listed == null) {
                continue;
            }
            if (kind == Kind.ORDINAL && listed instanceof Map<?, ?> withLevels) {
                for (Map.Entry<?, ?> e : withLevels.entrySet()) {
                    String name = String.valueOf(e.getKey());
                    put(kinds, name, kind);
                    ordinal.put(name, strings("ordinal." + name, e.getValue()));
                }
                continue;
            }
            for (String name : strings(kind.key(), listed)) {
                put(kinds, name, kind);
                if (kind == Kind.ORDINAL) {
                    ordinal.put(name, List.of());
                }
            }
        }
        if (root.get("paired") != null) {
            if (!(root.get("paired") instanceof Map<?, ?> pairs)) {
                throw new IllegalArgumentException("key 'paired': expected an object such as {\"vas\": [\"vas_adm\", \"vas_3m\"]}");
            }
            for (Map.Entry<?, ?> e : pairs.entrySet()) {
                String name = String.valueOf(e.getKey());
                List<String> columns = strings("paired." + name, e.getValue());
                if (columns.size() < 2 || Set.copyOf(columns).size() != columns.size()) {
                    throw new IllegalArgumentException("key 'paired." + name
                            + "': expected two or more different columns (the first is the reference time point)");
                }
                paired.put(name, columns);
                kinds.putIfAbsent(name, Kind.CONTINUOUS);
            }
        }
        Object id = root.get("id");
        if (id != null && !(id instanceof String)) {
            throw new IllegalArgumentException("key 'id': expected the name of the subject id column");
        }
        Set<String> missing = root.containsKey("missing") ? new LinkedHashSet<>(strings("missing", root.get("missing")))
                : DEFAULT_MISSING;
        Map<String, Object> plan = new LinkedHashMap<>();
        root.forEach((k, v) -> {
            if (!OWN_KEYS.contains(String.valueOf(k))) {
                plan.put(String.valueOf(k), v);
            }
        });
        return new FrameSpec((String) id, kinds, ordinal, paired, missing, JsonText.write(plan));
    }

    private static void put(Map<String, Kind> kinds, String name, Kind kind) {
        Kind before = kinds.put(name, kind);
        if (before != null && before != kind) {
            throw new IllegalArgumentException("column '" + name + "' is listed as " + before.key() + " and as "
                    + kind.key());
        }
    }

    private static List<String> strings(String key, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("key '" + key + "': expected a list of column names");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new IllegalArgumentException("key '" + key + "': expected text, found " + o);
            }
            out.add(s);
        }
        return out;
    }
}
