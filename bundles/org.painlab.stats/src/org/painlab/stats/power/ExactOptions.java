package org.painlab.stats.power;

import java.util.Objects;

/**
 * Options of the exact (enumerated) two-proportion power: which test, which two-sided rule for
 * Fisher's test, and how the saw-toothed exact power is searched for n.
 *
 * @param test       the test whose exact power is enumerated
 * @param fisherRule the two-sided rule of Fisher's test (ignored for one-sided tests and Z)
 * @param searchRule which n the search reports
 * @param lookahead  for {@link ExactSearchRule#STAYS_ABOVE}: how many consecutive n after the
 *                   candidate must all reach the target; 0 means automatic,
 *                   max(10, ceil(n / 10))
 * @param maxN       largest n per group (group 1) the search may try before giving up
 *
 * @since 0.1
 */
public record ExactOptions(ExactTest test, FisherTwoSidedRule fisherRule, ExactSearchRule searchRule,
        int lookahead, int maxN) {

    /** Default upper limit of the search; exact power at n = 20000 per group is still sub-second. */
    public static final int DEFAULT_MAX_N = 20_000;

    /** Validates the options. */
    public ExactOptions {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(fisherRule, "fisherRule");
        Objects.requireNonNull(searchRule, "searchRule");
        if (lookahead < 0) {
            throw new IllegalArgumentException("lookahead must be >= 0 (0 = automatic): " + lookahead);
        }
        if (maxN < 2) {
            throw new IllegalArgumentException("maxN must be >= 2: " + maxN);
        }
    }

    /** Fisher's exact test, R's two-sided rule, first n reaching the target. */
    public static ExactOptions defaults() {
        return new ExactOptions(ExactTest.FISHER, FisherTwoSidedRule.SUM_OF_SMALL_P,
                ExactSearchRule.FIRST_REACHING, 0, DEFAULT_MAX_N);
    }

    /** Copy with another test. */
    public ExactOptions withTest(ExactTest newTest) {
        return new ExactOptions(newTest, fisherRule, searchRule, lookahead, maxN);
    }

    /** Copy with another Fisher two-sided rule. */
    public ExactOptions withFisherRule(FisherTwoSidedRule rule) {
        return new ExactOptions(test, rule, searchRule, lookahead, maxN);
    }

    /** Copy with another search rule. */
    public ExactOptions withSearchRule(ExactSearchRule rule) {
        return new ExactOptions(test, fisherRule, rule, lookahead, maxN);
    }

    /** Copy with another look-ahead (0 = automatic). */
    public ExactOptions withLookahead(int newLookahead) {
        return new ExactOptions(test, fisherRule, searchRule, newLookahead, maxN);
    }

    /** Copy with another search limit. */
    public ExactOptions withMaxN(int newMaxN) {
        return new ExactOptions(test, fisherRule, searchRule, lookahead, newMaxN);
    }

    /** Look-ahead to use after the candidate n: the given one, or max(10, ceil(n/10)). */
    int lookaheadFor(int n) {
        return lookahead > 0 ? lookahead : Math.max(10, (n + 9) / 10);
    }
}
