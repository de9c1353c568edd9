package org.painlab.stats.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the R reference cases of shared/reference/stats/reference.json. The folder comes from
 * the system property {@code painlab.reference}; a missing property or file fails the test
 * loudly instead of skipping it, so acceptance can never pass by accident.
 */
final class Reference {

    static final String PROPERTY = "painlab.reference";

    private Reference() {
    }

    /** The case with the given id. */
    static JsonNode byId(String id) {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            fail("system property '" + PROPERTY + "' is not set: run the tests with -D" + PROPERTY
                    + "=<path to shared/reference> (the folder holding stats/reference.json)");
        }
        Path file = Path.of(dir, "stats", "reference.json");
        if (!Files.isRegularFile(file)) {
            fail("reference file not found: " + file.toAbsolutePath() + " (from -D" + PROPERTY + "=" + dir + ")");
        }
        JsonNode root = new ObjectMapper().readTree(file);
        for (JsonNode c : root.path("cases")) {
            if (id.equals(c.path("id").asString())) {
                return c;
            }
        }
        return fail("case '" + id + "' is not in " + file);
    }

    /** A number from a case's output (fails clearly if absent). */
    static double output(JsonNode c, String field) {
        JsonNode v = c.path("output").path(field);
        assertNotNull(v.isNumber() ? v : null, "case " + c.path("id").asString() + " has no numeric output." + field);
        return v.doubleValue();
    }

    /** A number from a case's input. */
    static double input(JsonNode c, String field) {
        JsonNode v = c.path("input").path(field);
        assertNotNull(v.isNumber() ? v : null, "case " + c.path("id").asString() + " has no numeric input." + field);
        return v.doubleValue();
    }

    /** |actual - expected| &le; rel * |expected|. */
    static void assertRel(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what + " (relative tolerance " + rel + ")");
    }
}
