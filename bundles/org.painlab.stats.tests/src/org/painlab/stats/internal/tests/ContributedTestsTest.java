package org.painlab.stats.internal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.painlab.core.extension.Contribution;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.StatisticalTests;
import org.painlab.stats.plan.ComparisonKind;
import org.painlab.stats.plan.TestCatalog;

/**
 * The built-in tests exist only as contributions to org.painlab.stats.tests: all 20 are in the
 * registry, each a public stateless class with a public no-argument constructor whose id is its
 * CLI name, and each declares the kinds of data it takes.
 */
class ContributedTestsTest {

    /** The method ids of the CLI (design/CLI.md) plus the trend test in proportions and the clustered ROC, in their contributed order. */
    private static final List<String> EXPECTED_IDS = List.of(
            "shapiro-wilk", "levene", "brown-forsythe", "t-student", "t-welch", "mann-whitney", "t-paired",
            "wilcoxon-signed-rank", "t-one-sample", "chi-square", "g-test", "fisher", "linear-by-linear",
            "cochran-armitage", "anova", "welch-anova", "kruskal-wallis", "log-rank", "roc-delong", "roc-clustered");

    private final StatisticalTests registry = new StatisticalTests();

    private List<Contribution<StatisticalTest>> builtIns() {
        return registry.contributions().stream().filter(c -> c.contributor().equals("org.painlab.stats")).toList();
    }

    @Test
    void all20BuiltInsAreInTheRegistryInTheirOrder() {
        List<String> ids = builtIns().stream().map(Contribution::id).toList();
        assertEquals(20, ids.size(), ids.toString());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicate ids: " + ids);
        assertEquals(EXPECTED_IDS, ids, "order of the built-ins");
        for (String id : EXPECTED_IDS) {
            assertEquals(id, registry.get(id).id(), "the contributed id is the class's id");
            assertEquals(id, TestCatalog.installed().get(id).id());
        }
    }

    @Test
    void anUnknownIdNamesTheInstalledOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestCatalog.installed().get("t-wlech"));
        assertTrue(e.getMessage().startsWith("unknown test 't-wlech'; installed: "), e.getMessage());
        assertTrue(e.getMessage().contains("t-welch"), e.getMessage());
    }

    @Test
    void eachIsInstantiableByClassNameAndStateless() throws Exception {
        for (Contribution<StatisticalTest> c : builtIns()) {
            StatisticalTest test = c.get();
            Class<?> type = test.getClass();
            assertTrue(Modifier.isPublic(type.getModifiers()), type + " must be public");
            Constructor<?> constructor = type.getConstructor();
            assertTrue(Modifier.isPublic(constructor.getModifiers()), type + " needs a public no-arg constructor");
            Object fresh = Class.forName(type.getName()).getConstructor().newInstance();
            assertTrue(fresh instanceof StatisticalTest);
            assertEquals(test.id(), ((StatisticalTest) fresh).id());
            for (Field f : type.getDeclaredFields()) {
                if (f.isSynthetic()) {
                    // compiler-made caches (e.g. ECJ's enum switch tables), not state of ours
                    continue;
                }
                assertTrue(Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()),
                        type.getSimpleName() + "." + f.getName() + " would be state; tests must be stateless");
            }
        }
    }

    @Test
    void eachHasNameAndDescription() throws Exception {
        for (Contribution<StatisticalTest> c : builtIns()) {
            StatisticalTest test = c.get();
            assertFalse(test.name().isBlank(), test.id());
            assertTrue(test.description().length() > 40, test.id() + " needs a useful description");
            assertTrue(test.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), "id is a CLI name: " + test.id());
        }
    }

    @Test
    void eachDeclaresOnlyKnownKindsOfData() {
        for (Contribution<StatisticalTest> c : builtIns()) {
            Set<ComparisonKind> kinds = new StatisticalTests().appliesTo(c);
            assertFalse(kinds.isEmpty(), c.id() + " declares what it applies to");
            long words = List.of(c.attribute(StatisticalTests.APPLIES_TO).split(",")).size();
            assertEquals(words, kinds.size(), c.id() + ": every word of appliesTo is in the vocabulary");
        }
    }

    @Test
    void theOverrideFamiliesOfThePaperTablesComeFromTheDeclarations() {
        assertEquals(List.of("t-student", "t-welch", "mann-whitney"), ids(ComparisonKind.TWO_GROUPS_CONTINUOUS));
        assertEquals(List.of("anova", "welch-anova", "kruskal-wallis"), ids(ComparisonKind.K_GROUPS_CONTINUOUS));
        assertEquals(List.of("chi-square", "fisher"), ids(ComparisonKind.TWO_GROUPS_COUNTS));
        assertEquals(List.of("chi-square", "fisher"), ids(ComparisonKind.K_GROUPS_COUNTS));
        assertEquals(List.of("t-paired", "wilcoxon-signed-rank"), ids(ComparisonKind.PAIRED_CONTINUOUS));
        assertEquals(List.of("log-rank"), ids(ComparisonKind.SURVIVAL));
        assertEquals(List.of("shapiro-wilk"), ids(ComparisonKind.NORMALITY));
    }

    @Test
    void kindWordsAreReadLeniently() {
        assertEquals(ComparisonKind.TWO_GROUPS_CONTINUOUS, ComparisonKind.find(" Two-Groups-Continuous ").orElseThrow());
        assertTrue(ComparisonKind.find("two-group-continuous").isEmpty());
        assertTrue(ComparisonKind.vocabulary().contains("paired-continuous"));
    }

    private List<String> ids(ComparisonKind kind) {
        return registry.applicableTo(kind).stream().map(Contribution::id).toList();
    }
}
