package org.painlab.stats.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cases of the shared R reference (stats/reference.json in the folder named by the system property
 * {@code painlab.reference}); a missing property or file fails the test saying what to set, never skips it.
 */
final class ReferenceCases {
    private ReferenceCases() {
    }

    /**
     * @param id case id in stats/reference.json
     * @return the case
     */
    static JsonNode get(String id) {
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
        for (JsonNode c : JsonMapper.builder().build().readTree(file.toFile()).get("cases")) {
            if (id.equals(c.get("id").asString())) {
                return c;
            }
        }
        throw new IllegalStateException("case '" + id + "' is not in " + file);
    }
}
