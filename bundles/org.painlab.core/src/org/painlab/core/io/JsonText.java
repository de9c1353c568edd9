package org.painlab.core.io;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON text of the maps a study stores (result bodies, parameters, provenance). Canonical: map keys
 * sorted, so the same content always gives the same text and the same hash.
 *
 * @since 0.1
 */
public final class JsonText {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private JsonText() {
    }

    /** @param value maps, lists, numbers, strings, booleans, null @return canonical JSON text */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Where and what a JSON syntax error is, for a message that names the file:
     * "line 3, column 7: Unexpected character ('}' (code 125))". Without a location, only what.
     *
     * @param e the parser's exception
     * @return a one-line description
     */
    public static String syntaxProblem(JacksonException e) {
        String what = e.getOriginalMessage() != null ? e.getOriginalMessage() : e.getClass().getSimpleName();
        what = what.replace('\n', ' ').replace('\r', ' ');
        if (what.length() > 200) {
            what = what.substring(0, 200) + "...";
        }
        var where = e.getLocation();
        if (where == null || where.getLineNr() < 1) {
            return what;
        }
        return "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": " + what;
    }

    /** @param text a JSON object, or null @return the object as a map (empty for null) */
    public static Map<String, Object> readObject(String text) {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return MAPPER.readValue(text, MAP);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("stored JSON cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
