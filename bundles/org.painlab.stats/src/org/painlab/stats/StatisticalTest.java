package org.painlab.stats;

/**
 * A statistical test that the workbench can run by id. Implementations are stateless, have a
 * public no-argument constructor, and are contributed through the extension point
 * {@code org.painlab.stats.tests} by class name.
 *
 * @since 0.1
 */
public interface StatisticalTest {

    /** @return the fixed identifier used on the command line, e.g. "mann-whitney" */
    String id();

    /** @return a short human-readable name, e.g. "Mann-Whitney U test" */
    String name();

    /** @return one or two sentences on what the test does and which input fields it reads */
    String description();

    /**
     * Runs the test.
     *
     * @param input the data
     * @param options the options; options that do not apply to this test are ignored
     * @return the result
     * @throws IllegalArgumentException if the input is malformed or unsuitable, with a message
     *         naming the offending field
     */
    TestResult run(TestInput input, TestOptions options);
}
