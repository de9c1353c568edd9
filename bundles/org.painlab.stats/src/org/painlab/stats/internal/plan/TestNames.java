package org.painlab.stats.internal.plan;

import org.painlab.stats.TestOptions;

/**
 * How tests are named in reasons, table cells and footnotes: the words journals use (Student t,
 * Welch t′, Mann–Whitney U, χ²) rather than ids.
 */
public final class TestNames {

    private TestNames() {
    }

    /**
     * @param testId test id
     * @param options options (Yates, exact)
     * @param tableCells number of cells of a table test (2×2 or larger), 0 when not a table
     * @return the name used in reasons and footnotes
     */
    public static String name(String testId, TestOptions options, int tableCells) {
        boolean correct = options != null && options.correct();
        boolean exact = options != null && options.exactRequested();
        return switch (testId) {
            case "t-student" -> "Student t";
            case "t-welch" -> "Welch t′";
            case "mann-whitney" -> "Mann–Whitney U" + (exact ? " (exact)" : "");
            case "anova" -> "one-way ANOVA";
            case "welch-anova" -> "Welch ANOVA";
            case "kruskal-wallis" -> "Kruskal–Wallis H";
            case "t-paired" -> "paired t";
            case "wilcoxon-signed-rank" -> "Wilcoxon signed-rank" + (exact ? " (exact)" : "");
            case "chi-square" -> correct && tableCells == 4 ? "Yates-corrected χ²" : "Pearson χ²";
            case "fisher" -> tableCells > 4 ? "Fisher–Freeman–Halton exact" : "Fisher's exact";
            case "g-test" -> "likelihood-ratio G";
            case "linear-by-linear" -> "linear-by-linear association";
            case "shapiro-wilk" -> "Shapiro–Wilk";
            case "levene" -> "Levene";
            default -> testId;
        };
    }

    /**
     * @param testId test id
     * @return the symbol of its statistic as printed in a "Statistic" column (t, t′, Z, χ², ...),
     *         or null when the test has none worth printing (Fisher)
     */
    public static String statisticSymbol(String testId) {
        return switch (testId) {
            case "t-student", "t-paired" -> "t";
            case "t-welch" -> "t′";
            case "mann-whitney", "wilcoxon-signed-rank" -> "Z";
            case "anova", "welch-anova" -> "F";
            case "kruskal-wallis" -> "H";
            case "chi-square" -> "χ²";
            case "g-test" -> "G";
            case "linear-by-linear" -> "M²";
            default -> null;
        };
    }
}
