package org.painlab.stats.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.StatisticalTests;
import org.painlab.stats.internal.tests.BuiltinTests;

/**
 * Where the plan finds its tests by id. In the workbench the installed tests (built-ins and
 * contributed ones); in plain JUnit or before the extension registry is up, the built-ins.
 */
@FunctionalInterface
public interface TestCatalog {

    /**
     * @param id test id
     * @return the test
     * @throws IllegalArgumentException if no test has that id
     */
    StatisticalTest get(String id);

    /** @return the built-in tests only */
    static TestCatalog builtin() {
        Map<String, StatisticalTest> byId = new LinkedHashMap<>();
        for (StatisticalTest t : BuiltinTests.create()) {
            byId.put(t.id(), t);
        }
        return id -> {
            StatisticalTest t = byId.get(id);
            if (t == null) {
                throw new IllegalArgumentException("unknown test '" + id + "'; built-in: " + byId.keySet());
            }
            return t;
        };
    }

    /**
     * @return the tests contributed through the extension registry, falling back to the
     *         built-ins when the registry does not know an id, is not running, or cannot be
     *         reached at all (outside OSGi the platform log cannot be created)
     */
    static TestCatalog installed() {
        StatisticalTests registry;
        try {
            registry = new StatisticalTests();
        } catch (RuntimeException outsideOsgi) {
            return builtin();
        }
        TestCatalog builtins = builtin();
        StatisticalTests tests = registry;
        return id -> {
            Optional<StatisticalTest> t = tests.find(id);
            return t.isPresent() ? t.get() : builtins.get(id);
        };
    }
}
