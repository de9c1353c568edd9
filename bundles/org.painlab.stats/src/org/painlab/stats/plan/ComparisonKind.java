package org.painlab.stats.plan;

import org.painlab.core.data.VariableKind;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What data a statistical test takes: the vocabulary of the {@code appliesTo} attribute of
 * {@code org.painlab.stats.tests}. The Analysis view offers a test as an override of a comparison
 * when the test declares that comparison's kind ({@link #of(ComparisonResult)}).
 *
 * @since 0.1.0
 */
public enum ComparisonKind {
    /** Two independent samples of numbers or ordered scores (fields {@code x}, {@code y}): two arms compared. */
    TWO_GROUPS_CONTINUOUS("two-groups-continuous"),
    /** Independent samples of numbers in {@code groups}: offered when three or more arms are compared. */
    K_GROUPS_CONTINUOUS("k-groups-continuous"),
    /** An arm × category table of counts ({@code table_rows}) with two arms. */
    TWO_GROUPS_COUNTS("two-groups-counts"),
    /** An arm × category table of counts ({@code table_rows}) with three or more arms. */
    K_GROUPS_COUNTS("k-groups-counts"),
    /** Paired values ({@code x}, {@code y}) of the same subjects: within an arm, against baseline. */
    PAIRED_CONTINUOUS("paired-continuous"),
    /** One sample ({@code x}) against a value. */
    ONE_SAMPLE("one-sample"),
    /** Any r × c table of counts given as such ({@code painlab stats test}, the audit of published tables). */
    CONTINGENCY_TABLE("contingency-table"),
    /** Counts over ordered categories or ordered groups, tested for a trend. */
    ORDERED_COUNTS("ordered-counts"),
    /** Times to an event with censoring, per group. */
    SURVIVAL("survival"),
    /** A score against a binary outcome: area under the ROC curve. */
    ROC("roc"),
    /** One sample checked for normality (an assumption check of the automatic choice). */
    NORMALITY("normality"),
    /** Equality of variances across groups (an assumption check of the automatic choice). */
    VARIANCE("variance");

    private final String id;

    ComparisonKind(String id) {
        this.id = id;
    }

    /** @return the word used in {@code appliesTo}, e.g. "two-groups-continuous" */
    public String id() {
        return id;
    }

    /**
     * @param word a word of {@code appliesTo} (case and surrounding blanks ignored)
     * @return its kind, or empty when the vocabulary has no such word
     */
    public static Optional<ComparisonKind> find(String word) {
        String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(w)).findFirst();
    }

    /** @return every word of the vocabulary, for messages */
    public static String vocabulary() {
        return Arrays.stream(values()).map(ComparisonKind::id).collect(Collectors.joining(", "));
    }

    /**
     * The kind of a comparison of the paper's tables: within an arm it is paired; between arms it
     * is counts for binary, categorical and event variables, else continuous; two arms or more.
     *
     * @param r a comparison
     * @return its kind
     */
    public static ComparisonKind of(ComparisonResult r) {
        if (r.comparison() == Comparison.WITHIN) {
            return PAIRED_CONTINUOUS;
        }
        Selection s = r.selection();
        boolean counts = !s.eventLevels().isEmpty() || s.kind() == VariableKind.BINARY
                || s.kind() == VariableKind.CATEGORICAL;
        boolean two = r.arms().size() == 2;
        if (counts) {
            return two ? TWO_GROUPS_COUNTS : K_GROUPS_COUNTS;
        }
        return two ? TWO_GROUPS_CONTINUOUS : K_GROUPS_CONTINUOUS;
    }
}
