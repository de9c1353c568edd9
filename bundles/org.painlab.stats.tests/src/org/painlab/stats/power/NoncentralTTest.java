package org.painlab.stats.power;

import static org.painlab.stats.power.Reference.assertRel;

import org.junit.jupiter.api.Test;

/**
 * The AS 243 noncentral t CDF against R 4.2.2's {@code pt(q, df, ncp)}; relative 1e-9 (the
 * series stops at an error bound of 1e-12; R sums in long double, Java in double).
 */
class NoncentralTTest {

    private static final double REL = 1e-9;

    @Test
    void matchesR() {
        assertRel(0.68976809344192658, NoncentralT.cdf(2.1, 10, 1.5), REL, "pt(2.1, 10, 1.5)");
        assertRel(0.025108632182102131, NoncentralT.cdf(-1.3, 7.5, 0.8), REL, "pt(-1.3, 7.5, 0.8)");
        assertRel(0.99990118836144681, NoncentralT.cdf(3, 30, -1), REL, "pt(3, 30, -1)");
        assertRel(0.022750131948179212, NoncentralT.cdf(0, 5, 2), REL, "pt(0, 5, 2)");
        assertRel(0.90353681540207542, NoncentralT.cdf(50, 20, 39), REL, "pt(50, 20, 39): normal approximation");
        assertRel(0.69146199918875129, NoncentralT.cdf(1.5, 5e5, 1), REL, "pt(1.5, 5e5, 1): normal approximation");
        assertRel(0.41373745789827976, NoncentralT.sf(5, 3, 4), REL, "pt(5, 3, 4, lower.tail=FALSE)");
        assertRel(0.84408515838595621, NoncentralT.cdf(40, 10, 30), REL, "pt(40, 10, 30)");
    }
}
