package org.painlab.trial.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportProblem;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps the columns of an imported file onto the workbench's names ({@link ColumnNames}) and recodes
 * values, before anything is validated. Loaded from a small JSON file:
 *
 * <pre>
 * {
 *   "columns": {"Patient ID": "subject_id", "Group": "arm", "VAS0": "vas.admission", "Notes": null},
 *   "values":  {"arm": {"SNRB": "S", "PELD": "P"}, "sex": {"male": "M", "female": "F"},
 *               "visit": {"V1": "admission"}},
 *   "ignore":  ["Site"],
 *   "forms":   {"F_ELIGIBILITY_V10": "baseline", "F_PAIN": "visit:week4", "F_ODI": "instrument:odi",
 *               "F_CONMED": "form", "F_CONSENT": "ignore"}
 * }
 * </pre>
 *
 * <ul>
 * <li>{@code columns}: source column → target column (wide naming; for the long layout the targets
 * are its column names); a null target ignores the column. Unlisted columns keep their name. For
 * REDCap the sources are field names, for ODM item OIDs; their targets may also be
 * {@code <instrument>.<item>} (the visit comes from the event).</li>
 * <li>{@code values}: per target field, source value → stored value. A field is looked up as
 * {@code <instrument>.<visit>.<item>}, then {@code <instrument>.<item>} (every visit), then
 * {@code <instrument>}; {@code visit} recodes visit names (long layout, REDCap events, ODM events) and
 * {@code instrument} instrument names (long layout, REDCap forms, ODM forms).</li>
 * <li>{@code ignore}: source columns to skip.</li>
 * <li>{@code forms}: REDCap instrument names and ODM FormOIDs (or form Names) to a {@link FormRoute};
 * an item named under {@code columns} or {@code ignore} goes where that says, whatever its form's
 * routing. Unlisted forms keep the routing their format gives them.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class ColumnMapping {
    /** What problems of a mapping built in code name as its file. */
    private static final String BUILT = "the column mapping";
    private static final ColumnMapping NONE = new ColumnMapping(Map.of(), Map.of(), Set.of(), Map.of(), BUILT);
    private final Map<String, String> columns;
    private final Map<String, Map<String, String>> values;
    private final Set<String> ignore;
    private final Map<String, FormRoute> forms;
    private final String source;

    private ColumnMapping(Map<String, String> columns, Map<String, Map<String, String>> values, Set<String> ignore,
            Map<String, FormRoute> forms, String source) {
        this.source = source;
        this.forms = Collections.unmodifiableMap(new LinkedHashMap<>(forms));
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        Map<String, Map<String, String>> v = new LinkedHashMap<>();
        values.forEach((k, m) -> v.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
        this.values = Collections.unmodifiableMap(v);
        this.ignore = Collections.unmodifiableSet(new LinkedHashSet<>(ignore));
    }

    /**
     * The identity mapping.
     *
     * @return a mapping that changes nothing
     */
    public static ColumnMapping none() {
        return NONE;
    }

    /**
     * A mapping built in code (e.g. by the import wizard).
     *
     * @param columns source column to target (null target: ignore)
     * @param values target field to (source value to stored value)
     * @param ignore source columns to skip
     * @return the mapping
     */
    public static ColumnMapping of(Map<String, String> columns, Map<String, Map<String, String>> values, Set<String> ignore) {
        return of(columns, values, ignore, Map.of());
    }

    /**
     * A mapping built in code with a routing per form (the import wizard's choices per form).
     *
     * @param columns source column to target (null target: ignore)
     * @param values target field to (source value to stored value)
     * @param ignore source columns to skip
     * @param forms form (REDCap instrument name, ODM FormOID or form Name) to its routing
     * @return the mapping
     */
    public static ColumnMapping of(Map<String, String> columns, Map<String, Map<String, String>> values, Set<String> ignore,
            Map<String, FormRoute> forms) {
        return new ColumnMapping(columns == null ? Map.of() : columns, values == null ? Map.of() : values,
                ignore == null ? Set.of() : ignore, forms == null ? Map.of() : forms, BUILT);
    }

    /**
     * This mapping with another routing per form (columns and value recodes kept).
     *
     * @param routes form to its routing; replaces the forms of this mapping
     * @return the new mapping
     */
    public ColumnMapping withForms(Map<String, FormRoute> routes) {
        return new ColumnMapping(columns, values, ignore, routes == null ? Map.of() : routes, source);
    }

    /**
     * Reads a mapping file.
     *
     * @param file the JSON file
     * @return the mapping
     * @throws ImportException listing every problem of the file
     */
    public static ColumnMapping load(Path file) throws ImportException {
        String text;
        try {
            text = org.painlab.core.io.TextFiles.readUtf8(file);
        } catch (IOException e) {
            // the message names the file and says why: no such file, a folder, not UTF-8 (with the offset)
            throw new ImportException(List.of(new ImportProblem(file.getFileName().toString(), 0, "", e.getMessage())));
        }
        return parse(text, file.getFileName().toString());
    }

    /**
     * Parses a mapping.
     *
     * @param json the JSON text
     * @param fileName the file name for problems
     * @return the mapping
     * @throws ImportException listing every problem
     */
    public static ColumnMapping parse(String json, String fileName) throws ImportException {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(json);
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ImportException(List.of(new ImportProblem(fileName, line, "", "not valid JSON: " + e.getOriginalMessage())));
        }
        List<ImportProblem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new ImportException(List.of(new ImportProblem(fileName, 1, "", "expected a JSON object with "
                    + "\"columns\", \"values\", \"ignore\" and/or \"forms\"")));
        }
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        Set<String> ignore = new LinkedHashSet<>();
        Map<String, FormRoute> forms = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            switch (e.getKey()) {
                case "columns" -> {
                    if (!e.getValue().isObject()) {
                        problems.add(new ImportProblem(fileName, 0, "columns", "expected an object of source column to target"));
                        break;
                    }
                    for (Map.Entry<String, JsonNode> c : e.getValue().properties()) {
                        if (c.getValue().isNull()) {
                            columns.put(c.getKey(), null);
                        } else if (c.getValue().isString()) {
                            columns.put(c.getKey(), c.getValue().stringValue().strip());
                        } else {
                            problems.add(new ImportProblem(fileName, 0, "columns." + c.getKey(), "expected a column name or null"));
                        }
                    }
                }
                case "values" -> {
                    if (!e.getValue().isObject()) {
                        problems.add(new ImportProblem(fileName, 0, "values", "expected an object of field to recodes"));
                        break;
                    }
                    for (Map.Entry<String, JsonNode> f : e.getValue().properties()) {
                        if (!f.getValue().isObject()) {
                            problems.add(new ImportProblem(fileName, 0, "values." + f.getKey(),
                                    "expected an object of source value to stored value"));
                            continue;
                        }
                        Map<String, String> m = new LinkedHashMap<>();
                        for (Map.Entry<String, JsonNode> v : f.getValue().properties()) {
                            if (v.getValue().isNull()) {
                                m.put(v.getKey(), "");
                            } else if (v.getValue().isValueNode()) {
                                m.put(v.getKey(), v.getValue().asString());
                            } else {
                                problems.add(new ImportProblem(fileName, 0, "values." + f.getKey() + "." + v.getKey(),
                                        "expected a text or number"));
                            }
                        }
                        values.put(f.getKey(), m);
                    }
                }
                case "ignore" -> {
                    if (!e.getValue().isArray()) {
                        problems.add(new ImportProblem(fileName, 0, "ignore", "expected a list of column names"));
                        break;
                    }
                    for (JsonNode n : e.getValue()) {
                        if (n.isString()) {
                            ignore.add(n.stringValue());
                        } else {
                            problems.add(new ImportProblem(fileName, 0, "ignore", "expected column names (texts)"));
                        }
                    }
                }
                case "forms" -> {
                    if (!e.getValue().isObject()) {
                        problems.add(new ImportProblem(fileName, 0, "forms", "expected an object of form to routing"));
                        break;
                    }
                    for (Map.Entry<String, JsonNode> f : e.getValue().properties()) {
                        if (!f.getValue().isString()) {
                            problems.add(new ImportProblem(fileName, 0, "forms." + f.getKey(), "expected a routing text: "
                                    + "\"baseline\", \"visit:<visit id>\", \"instrument:<instrument id>\", \"form\" or \"ignore\""));
                            continue;
                        }
                        try {
                            forms.put(f.getKey().strip(), FormRoute.parse(f.getValue().stringValue()));
                        } catch (IllegalArgumentException ex) {
                            problems.add(new ImportProblem(fileName, 0, "forms." + f.getKey(), ex.getMessage()));
                        }
                    }
                }
                default -> problems.add(new ImportProblem(fileName, 0, e.getKey(),
                        "unknown key: valid \"columns\", \"values\", \"ignore\", \"forms\""));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return new ColumnMapping(columns, values, ignore, forms, fileName);
    }

    /**
     * The target of a source column.
     *
     * @param source the column name in the file
     * @return the target name (the source itself when unmapped), or empty when the column is ignored
     */
    public Optional<String> target(String source) {
        if (ignore.contains(source)) {
            return Optional.empty();
        }
        if (columns.containsKey(source)) {
            return Optional.ofNullable(columns.get(source));
        }
        return Optional.of(source);
    }

    /**
     * Whether the mapping names a source column explicitly.
     *
     * @param source the column name in the file
     * @return true when listed under columns or ignore
     */
    public boolean mentions(String source) {
        return columns.containsKey(source) || ignore.contains(source);
    }

    /**
     * Recodes a value of a target field (see the class description for the lookup order).
     *
     * @param field the target field, e.g. "arm", "visit" or "odi.admission.lifting"
     * @param value the value in the file
     * @return the stored value (the value itself when no recode applies)
     */
    public String recode(String field, String value) {
        if (values.isEmpty()) {
            return value;
        }
        Map<String, String> m = values.get(field);
        if (m == null) {
            String[] parts = field.split("\\.", -1);
            if (parts.length == 3) {
                m = values.get(parts[0] + "." + parts[2]);
            }
            if (m == null && parts.length >= 2) {
                m = values.get(parts[0]);
            }
        }
        if (m == null) {
            return value;
        }
        String r = m.get(value);
        return r == null ? value : r;
    }

    /**
     * Whether this mapping changes nothing.
     *
     * @return true for the identity
     */
    public boolean isEmpty() {
        return columns.isEmpty() && values.isEmpty() && ignore.isEmpty() && forms.isEmpty();
    }

    /**
     * Form to its routing, as listed.
     *
     * @return an unmodifiable map
     */
    public Map<String, FormRoute> forms() {
        return forms;
    }

    /**
     * The routing the mapping gives a form, looked up by each of the form's names in turn (ODM: the
     * FormOID, then the form's Name; REDCap: the instrument name).
     *
     * @param names the form's names, nulls skipped
     * @return the routing, or empty when the mapping lists none of the names
     */
    public Optional<FormRoute> route(String... names) {
        if (forms.isEmpty()) {
            return Optional.empty();
        }
        for (String n : names) {
            if (n != null && forms.containsKey(n)) {
                return Optional.of(forms.get(n));
            }
        }
        return Optional.empty();
    }

    /**
     * What problems of this mapping name as its file: the mapping file's name, or "the column mapping"
     * for one built in code.
     *
     * @return the name
     */
    public String source() {
        return source;
    }

    /**
     * Source column to target (null: ignored).
     *
     * @return an unmodifiable map
     */
    public Map<String, String> columns() {
        return columns;
    }

    /**
     * Field to value recodes.
     *
     * @return an unmodifiable map
     */
    public Map<String, Map<String, String>> values() {
        return values;
    }

    /**
     * Ignored source columns.
     *
     * @return an unmodifiable set
     */
    public Set<String> ignored() {
        return ignore;
    }

    /**
     * The mapping as the JSON a mapping file holds.
     *
     * @return the JSON text
     */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("columns", columns);
        m.put("values", values);
        m.put("ignore", List.copyOf(ignore));
        if (!forms.isEmpty()) {
            Map<String, String> f = new LinkedHashMap<>();
            forms.forEach((k, r) -> f.put(k, r.toString()));
            m.put("forms", f);
        }
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(m);
    }
}
