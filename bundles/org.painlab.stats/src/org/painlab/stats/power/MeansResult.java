package org.painlab.stats.power;

/**
 * Sample size found for means, with the power achieved at the rounded-up n.
 *
 * @param method                method id ({@code normal}, {@code t})
 * @param type                  {@code two.sample}, {@code paired} or {@code one.sample}
 * @param alternative           {@code two.sided} or {@code one.sided}
 * @param strict                whether strict two-sided power was used
 * @param nUnrounded            the solved (real) n per group, or pairs, or subjects
 * @param nPerGroup             ceil(nUnrounded)
 * @param nTotal                subjects in all: 2 n for two samples, n otherwise (pairs count once)
 * @param achievedPower         the method's power at nPerGroup
 * @param alpha                 significance level
 * @param power                 power target
 * @param delta                 difference in means
 * @param sd                    standard deviation
 * @param dropout               expected dropout fraction D
 * @param nPerGroupAfterDropout ceil(nPerGroup / (1 - D))
 * @param nTotalAfterDropout    nPerGroupAfterDropout times the number of groups
 *
 * @since 0.1
 */
public record MeansResult(String method, String type, String alternative, boolean strict, double nUnrounded,
        int nPerGroup, int nTotal, double achievedPower, double alpha, double power, double delta, double sd,
        double dropout, int nPerGroupAfterDropout, int nTotalAfterDropout) {
}
