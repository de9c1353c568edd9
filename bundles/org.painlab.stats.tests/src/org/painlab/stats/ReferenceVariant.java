package org.painlab.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * One run of one method on the data of a reference case, with the values R produced for it.
 * A case whose output holds several variants (alternatives, with/without correction, exact)
 * yields one of these per variant.
 */
final class ReferenceVariant {

    private final String caseId;
    private final String name;
    private final String method;
    private final Map<String, Object> input;
    private final TestOptions options;
    private final double tolerance;
    private final List<Expectation> expectations = new ArrayList<>();

    ReferenceVariant(String caseId, String name, String method, Map<String, Object> input, TestOptions options,
            double tolerance) {
        this.caseId = caseId;
        this.name = name;
        this.method = method;
        this.input = input;
        this.options = options;
        this.tolerance = tolerance;
    }

    /** Adds an expectation when R's output has the value (absent nodes are simply not compared). */
    ReferenceVariant expect(String label, JsonNode expected, Function<TestResult, Object> actual) {
        if (expected == null || expected.isMissingNode()) {
            throw new IllegalArgumentException(caseId + "/" + name + ": reference has no value for " + label);
        }
        expectations.add(new Expectation(label, expected, actual, tolerance));
        return this;
    }

    String caseId() {
        return caseId;
    }

    String method() {
        return method;
    }

    Map<String, Object> input() {
        return input;
    }

    TestOptions options() {
        return options;
    }

    List<Expectation> expectations() {
        return expectations;
    }

    @Override
    public String toString() {
        return caseId + " [" + name + "] " + method;
    }
}
