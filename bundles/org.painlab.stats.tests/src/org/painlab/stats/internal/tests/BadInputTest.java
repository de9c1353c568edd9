package org.painlab.stats.internal.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.StatisticalTests;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;

/**
 * Malformed or unsuitable input must be refused with an IllegalArgumentException whose message
 * names the offending field, because that message is all a command-line user sees.
 */
class BadInputTest {

    private static final StatisticalTests REGISTRY = new StatisticalTests();
    private static final Map<String, StatisticalTest> TESTS = REGISTRY.contributions().stream()
            .collect(Collectors.toUnmodifiableMap(c -> c.id(), c -> REGISTRY.get(c.id())));

    static Stream<Arguments> badInputs() {
        List<Integer> a = List.of(1, 2, 3, 4);
        return Stream.of(
                Arguments.of("anova", Map.of("groups", Map.of("A", List.of(1, 2, 3), "B", List.of())), "'B'"),
                Arguments.of("kruskal-wallis", Map.of("groups", List.of(List.of(1, 2), List.of())), "'g2'"),
                Arguments.of("levene", Map.of("groups", Map.of("A", List.of(1, 2, 3))), "'groups'"),
                Arguments.of("welch-anova", Map.of("grupos", Map.of()), "'groups'"),
                Arguments.of("welch-anova", Map.of("groups", Map.of("A", List.of(1, 2, 3), "B", List.of(4))), "'B'"),
                Arguments.of("chi-square", Map.of("table_rows", List.of(List.of(3, -1), List.of(2, 5))), "'table_rows'"),
                Arguments.of("fisher", Map.of("table_rows", List.of(List.of(3, 1), List.of(2, -5))), "'table_rows'"),
                Arguments.of("g-test", Map.of("table_rows", List.of(List.of(3, 1.5), List.of(2, 5))), "'table_rows'"),
                Arguments.of("chi-square", Map.of("table_rows", List.of(List.of(3, 1, 2), List.of(2, 5))), "'table_rows'"),
                Arguments.of("chi-square", Map.of("table_rows", List.of(List.of(0, 0), List.of(2, 5))), "'table_rows'"),
                Arguments.of("fisher", Map.of("table_rows", List.of(List.of(3, 1))), "'table_rows'"),
                Arguments.of("t-paired", Map.of("x", a, "y", List.of(1, 2, 3)), "'x' and 'y'"),
                Arguments.of("t-paired", Map.of("pre", a, "post", List.of(1, 2, 3)), "'pre' and 'post'"),
                Arguments.of("wilcoxon-signed-rank", Map.of("x", a, "y", List.of(1, 2)), "'x' and 'y'"),
                Arguments.of("wilcoxon-signed-rank", Map.of("x", a, "y", a), "'x' and 'y'"),
                Arguments.of("wilcoxon-signed-rank", Map.of("a", a), "'x' and 'y'"),
                Arguments.of("t-student", Map.of("x", a), "'y'"),
                Arguments.of("t-welch", Map.of("x", a, "y", List.of(5)), "'y'"),
                Arguments.of("t-one-sample", Map.of("x", Arrays.asList(1, null, 3)), "'x'"),
                Arguments.of("t-one-sample", Map.of("x", List.of(1, "two", 3)), "'x'"),
                Arguments.of("t-one-sample", Map.of("x", List.of(2, 2, 2)), "'x'"),
                Arguments.of("t-one-sample", Map.of("x", a, "mu", "five"), "'mu'"),
                Arguments.of("mann-whitney", Map.of("x", List.of(), "y", a), "'x'"),
                Arguments.of("shapiro-wilk", Map.of("x", List.of(1, 2)), "'x'"),
                Arguments.of("shapiro-wilk", Map.of("x", List.of(1, 1, 1, 1)), "'x'"),
                Arguments.of("linear-by-linear", Map.of("table_rows", List.of(List.of(3, 1), List.of(2, 5)),
                        "row_scores", List.of(1, 2, 3)), "'row_scores'"),
                Arguments.of("cochran-armitage", Map.of("events", List.of(5, 9), "totals", List.of(4, 10)), "'events'"),
                Arguments.of("cochran-armitage", Map.of("events", List.of(5, 9), "totals", List.of(40)), "'events' and 'totals'"),
                Arguments.of("log-rank", Map.of("time", List.of(1, 2, 3), "status", List.of(1, 0), "group",
                        List.of("a", "b", "a")), "'time', 'status' and 'group'"),
                Arguments.of("log-rank", Map.of("time", List.of(1, 2, 3), "status", List.of(1, 2, 0), "group",
                        List.of("a", "b", "a")), "'status'"),
                Arguments.of("log-rank", Map.of("time", List.of(1, -2, 3), "status", List.of(1, 1, 0), "group",
                        List.of("a", "b", "a")), "'time'"),
                Arguments.of("log-rank", Map.of("time", List.of(1, 2, 3), "status", List.of(1, 1, 0), "group",
                        List.of("a", "a", "a")), "'group'"),
                Arguments.of("roc-delong", Map.of("label", List.of(0, 1, 2, 1), "marker1", a), "'label'"),
                Arguments.of("roc-delong", Map.of("label", List.of(0, 1, 0, 1), "marker1", List.of(1, 2)),
                        "'label' and 'marker1'"),
                Arguments.of("roc-delong", Map.of("label", List.of(0, 1, 0, 1), "marker1", a, "marker2",
                        List.of(1)), "'marker2'"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("badInputs")
    void refusedWithFieldInMessage(String method, Map<String, Object> input, String fieldInMessage) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TESTS.get(method).run(TestInput.of(input), TestOptions.defaults()));
        assertTrue(e.getMessage().contains(fieldInMessage), "message should name " + fieldInMessage + ": "
                + e.getMessage());
    }
}
