package org.painlab.stats.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared reference vectors (R outputs) the audit cases are built from, read from the folder
 * named by the system property {@code painlab.reference}; a missing property or file fails the
 * test with a message saying what to set, never skips it.
 */
final class AuditReference {

    private AuditReference() {
    }

    /**
     * @param id case id in stats/reference.json
     * @return the case
     */
    static JsonNode reference(String id) {
        String folder = System.getProperty("painlab.reference");
        if (folder == null || folder.isBlank()) {
            throw new IllegalStateException("System property 'painlab.reference' is not set: run the tests with"
                    + " -Dpainlab.reference=/work/shared/reference (the folder holding stats/reference.json)");
        }
        Path file = Path.of(folder, "stats", "reference.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("reference file not found: " + file.toAbsolutePath()
                    + " (from -Dpainlab.reference=" + folder + ")");
        }
        JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
        for (JsonNode c : root.get("cases")) {
            if (id.equals(c.get("id").asString())) {
                return c;
            }
        }
        throw new IllegalStateException("case '" + id + "' is not in " + file);
    }

    /**
     * @param node array of numbers
     * @return them
     */
    static double[] doubles(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }

    /**
     * @param node array of rows of counts
     * @return the table
     */
    static long[][] table(JsonNode node) {
        long[][] t = new long[node.size()][];
        for (int i = 0; i < t.length; i++) {
            t[i] = new long[node.get(i).size()];
            for (int j = 0; j < t[i].length; j++) {
                t[i][j] = node.get(i).get(j).asLong();
            }
        }
        return t;
    }
}
