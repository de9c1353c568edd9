package org.painlab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance test: every non-power case of shared/reference/stats/reference.json (R 4.2.2 with
 * car, coin, exactRankTests, pROC, survival), every variant of it, reproduced to relative 1e-9
 * (Shapiro-Wilk 1e-6). The folder comes from -Dpainlab.reference; without it the tests fail.
 * Power and sample-size cases (power_t_test_two_sample_n, power_t_test_two_sample_power,
 * power_t_test_paired_n, sample_size_two_means_normal) are tested by org.painlab.stats.power.
 */
class StatsReferenceTest {

    private static final StatisticalTests REGISTRY = new StatisticalTests();
    private static final Map<String, StatisticalTest> TESTS = REGISTRY.contributions().stream()
            .collect(Collectors.toUnmodifiableMap(c -> c.id(), c -> REGISTRY.get(c.id())));

    static Stream<ReferenceVariant> variants() {
        List<ReferenceVariant> all = new ArrayList<>();
        for (JsonNode c : ReferenceData.statsReference().get("cases")) {
            if (!ReferenceCases.isPowerCase(c.get("id").stringValue())) {
                all.addAll(ReferenceCases.variants(c));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void reproducesR(ReferenceVariant variant) {
        StatisticalTest test = TESTS.get(variant.method());
        assertNotNull(test, "no built-in test with id " + variant.method());
        TestResult result = test.run(TestInput.of(variant.input()), variant.options());
        assertEquals(variant.method(), result.method());
        List<String> problems = new ArrayList<>();
        for (Expectation e : variant.expectations()) {
            String mismatch = e.mismatch(result);
            if (mismatch != null) {
                problems.add(mismatch);
            }
        }
        if (!problems.isEmpty()) {
            fail(variant + " differs from R:\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void referenceFileIsAvailable() {
        JsonNode root = ReferenceData.statsReference();
        assertTrue(root.get("cases").size() > 0, "reference file holds no case");
    }

    /** A case nobody maps would otherwise be skipped silently. */
    @Test
    void everyNonPowerCaseHasAnAdapter() {
        List<String> unmapped = new ArrayList<>();
        int cases = 0;
        for (JsonNode c : ReferenceData.statsReference().get("cases")) {
            String id = c.get("id").stringValue();
            if (ReferenceCases.isPowerCase(id)) {
                continue;
            }
            cases++;
            if (ReferenceCases.variants(c).isEmpty()) {
                unmapped.add(id);
            }
        }
        assertTrue(unmapped.isEmpty(), "reference cases without adapter: " + unmapped);
        assertEquals(41, cases, "number of non-power reference cases changed; check the adapters");
    }

    @Test
    void everyVariantComparesSomething() {
        variants().forEach(v -> assertTrue(v.expectations().size() > 0, v + " compares nothing"));
    }
}
