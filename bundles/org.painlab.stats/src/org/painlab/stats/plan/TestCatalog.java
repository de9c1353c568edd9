package org.painlab.stats.plan;

import org.painlab.stats.StatisticalTest;
import org.painlab.stats.StatisticalTests;

/**
 * Where the plan finds its tests by id: the tests installed in the running platform (the
 * built-ins and those of other plugins, all contributed through {@code org.painlab.stats.tests}).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface TestCatalog {

    /**
     * @param id test id
     * @return the test
     * @throws IllegalArgumentException if no test has that id
     */
    StatisticalTest get(String id);

    /** @return the tests of the {@link StatisticalTests} registry; an unknown id's error lists the installed ones */
    static TestCatalog installed() {
        StatisticalTests tests = new StatisticalTests();
        return tests::get;
    }
}
