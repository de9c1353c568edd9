package org.painlab.stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Locates and reads the shared reference data. The folder comes from the system property
 * {@value #PROPERTY}; when it is missing the tests fail (they must never pass by skipping).
 */
public final class ReferenceData {

    /** System property naming the folder that holds stats/reference.json (shared/reference). */
    static final String PROPERTY = "painlab.reference";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ReferenceData() {
    }

    /**
     * @param relative path inside the reference folder, e.g. "stats/reference.json"
     * @return the file
     * @throws IllegalStateException naming the property and path when it cannot be found
     */
    public static Path file(String relative) {
        String folder = System.getProperty(PROPERTY);
        if (folder == null || folder.isBlank()) {
            throw new IllegalStateException("System property '" + PROPERTY + "' is not set. Run the tests with -D"
                    + PROPERTY + "=<folder>, the shared reference folder that contains " + relative
                    + " (an absolute path is safest, e.g. -D" + PROPERTY + "=/work/shared/reference: tests run in"
                    + " the test bundle's folder).");
        }
        Path path = Path.of(folder).resolve(relative);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("Reference file not found: " + path.toAbsolutePath() + " (from -D"
                    + PROPERTY + "=" + folder + "; expected the folder that contains " + relative + ")");
        }
        return path;
    }

    /** @return the root node of stats/reference.json */
    public static JsonNode statsReference() {
        return MAPPER.readTree(file("stats/reference.json"));
    }

    /**
     * @param value a JSON-shaped Java value
     * @return it as a tree node, to compare like reference values
     */
    static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * @param node a JSON object
     * @return it as the map a JSON parser gives the engine (Integer/Double/String/List/Map)
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(JsonNode node) {
        return MAPPER.treeToValue(node, Map.class);
    }
}
