package org.painlab.stats.internal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.painlab.stats.StatisticalTest;

/**
 * The built-in tests are contributed to the extension point by class name, so each must be a
 * public class with a public no-argument constructor and no state, and the ids are CLI names.
 */
class BuiltinTestsTest {

    /** The method ids of the CLI (design/CLI.md) plus the trend test in proportions. */
    private static final List<String> EXPECTED_IDS = List.of(
            "shapiro-wilk", "levene", "brown-forsythe", "t-student", "t-welch", "mann-whitney", "t-paired",
            "wilcoxon-signed-rank", "t-one-sample", "chi-square", "g-test", "fisher", "linear-by-linear",
            "cochran-armitage", "anova", "welch-anova", "kruskal-wallis", "log-rank", "roc-delong");

    @Test
    void idsAreUniqueAndMatchTheCliList() {
        List<String> ids = BuiltinTests.create().stream().map(StatisticalTest::id).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicate ids: " + ids);
        assertEquals(Set.copyOf(EXPECTED_IDS), Set.copyOf(ids));
        assertEquals(EXPECTED_IDS, ids, "order of the built-in list");
    }

    @Test
    void eachIsInstantiableByClassNameAndStateless() throws Exception {
        for (StatisticalTest test : BuiltinTests.create()) {
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
    void eachHasNameAndDescription() {
        for (StatisticalTest test : BuiltinTests.create()) {
            assertFalse(test.name().isBlank(), test.id());
            assertTrue(test.description().length() > 40, test.id() + " needs a useful description");
            assertTrue(test.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), "id is a CLI name: " + test.id());
        }
    }
}
