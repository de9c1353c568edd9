package org.painlab.stats.internal.audit;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the test a paper names for a row ("chi-square or Fisher", "t test", "Mann-Whitney U",
 * "χ²", "Wilcoxon rank-sum", ...) as the set of test ids it covers. A plain "t test" covers
 * Student's and Welch's (papers rarely say which); "Wilcoxon" between groups is the rank-sum
 * (Mann–Whitney) test.
 */
public final class StatedTests {

    private StatedTests() {
    }

    /**
     * @param stated the stated test, or null
     * @return the test ids it names; empty when nothing is recognised
     */
    public static Set<String> ids(String stated) {
        Set<String> out = new LinkedHashSet<>();
        if (stated == null) {
            return out;
        }
        String s = stated.toLowerCase(Locale.ROOT).replace('χ', 'x').replace('²', '2').replace('–', '-');
        if (s.contains("fisher")) {
            out.add("fisher");
        }
        if (s.contains("chi") || s.contains("x2") || s.contains("pearson") || s.contains("yates")) {
            out.add("chi-square");
        }
        if (s.contains("likelihood") || s.contains("g-test") || s.contains("g test")) {
            out.add("g-test");
        }
        if (s.contains("linear") || s.contains("trend") || s.contains("mantel")) {
            out.add("linear-by-linear");
        }
        if (s.contains("mann") || s.contains("whitney") || s.contains("rank-sum") || s.contains("rank sum")
                || s.contains("u test") || s.contains("u-test") || s.contains("wilcoxon") || s.contains("rank test")) {
            out.add("mann-whitney");
        }
        if (s.contains("kruskal")) {
            out.add("kruskal-wallis");
        }
        if (s.contains("anova") || s.contains("analysis of variance")) {
            out.add(s.contains("welch") ? "welch-anova" : "anova");
        } else if (s.contains("welch") || s.matches("(?s)(.*[^a-z])?t['′]([^a-z].*)?")) {
            // t′ (Welch) as a token; "student's" must not count
            out.add("t-welch");
        } else if (s.contains("student")) {
            out.add("t-student");
        } else if (s.matches(".*\\bt[- ]?test.*") || s.matches("^t$")) {
            out.add("t-student");
            out.add("t-welch");
        }
        return out;
    }

    /**
     * @param stated the stated test
     * @return true when it says a continuity (Yates) correction was used
     */
    public static boolean mentionsCorrection(String stated) {
        String s = stated == null ? "" : stated.toLowerCase(Locale.ROOT);
        return s.contains("yates") || s.contains("continuity") || s.contains("corrected");
    }
}
