package org.painlab.stats.power;

/**
 * Sample size found for two proportions, with the power actually achieved at the reported
 * (integer) group sizes.
 *
 * @param method                 method id ({@code pooled}, {@code unpooled}, {@code cc},
 *                               {@code arcsine}, {@code exact})
 * @param exactTest              for {@code exact}: the enumerated test id ({@code fisher},
 *                               {@code z_pooled}); {@code null} otherwise
 * @param alternative            {@code two.sided} or {@code one.sided}
 * @param nUnrounded             group-1 n from the closed form before rounding up; NaN for exact
 * @param nPerGroup              n of group 1 (of each group when the ratio is 1)
 * @param nGroup2                n of group 2 = ceil(ratio * nPerGroup)
 * @param nTotal                 nPerGroup + nGroup2
 * @param achievedPower          power at (nPerGroup, nGroup2) by the method's own power function
 *                               (for exact: the enumerated exact power)
 * @param alpha                  significance level
 * @param power                  power target
 * @param p1                     group-1 success probability
 * @param p2                     group-2 success probability
 * @param ratio                  allocation ratio n2 / n1 requested
 * @param dropout                expected dropout fraction D
 * @param nPerGroupAfterDropout  ceil(nPerGroup / (1 - D)): group 1 to recruit
 * @param nGroup2AfterDropout    ceil(nGroup2 / (1 - D)): group 2 to recruit
 *
 * @since 0.1
 */
public record TwoProportionResult(String method, String exactTest, String alternative, double nUnrounded,
        int nPerGroup, int nGroup2, int nTotal, double achievedPower, double alpha, double power, double p1,
        double p2, double ratio, double dropout, int nPerGroupAfterDropout, int nGroup2AfterDropout) {

    /** Total to recruit after dropout inflation. */
    public int nTotalAfterDropout() {
        return nPerGroupAfterDropout + nGroup2AfterDropout;
    }
}
