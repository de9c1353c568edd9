package org.painlab.stats.internal.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.painlab.stats.Alternative;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.table.Cell;
import org.painlab.stats.table.Row;

/**
 * The footnotes of a table, written from what the table actually shows: the summary formats
 * used, the tests used, the effect abbreviations, the sidedness and α, the quartile and
 * expected-count rules, and the override marker when an override was applied.
 */
public final class Footnotes {

    private final TableContext ctx;
    private final List<String> extra = new ArrayList<>();

    /** @param ctx the report's context */
    public Footnotes(TableContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param text a footnote specific to the table, printed first
     * @return this
     */
    public Footnotes add(String text) {
        extra.add(text);
        return this;
    }

    /**
     * @param body the table's rows
     * @param results the table's comparisons
     * @return the footnotes
     */
    public List<String> build(List<Row> body, List<ComparisonResult> results) {
        List<String> out = new ArrayList<>(extra);
        boolean mean = false;
        boolean median = false;
        boolean counts = false;
        for (Row r : body) {
            for (Cell c : r.cells()) {
                mean |= c.text().contains(" ± ");
                counts |= c.numbers().containsKey("percent");
                median |= c.numbers().containsKey("median") && !c.text().contains(" ± ") && !c.text().equals("—");
            }
        }
        List<String> formats = new ArrayList<>();
        if (mean) {
            formats.add("mean ± SD (normal in every arm by Shapiro–Wilk)");
        }
        if (median) {
            formats.add("median (Q1–Q3) (not normal)");
        }
        if (counts) {
            formats.add("n (%)");
        }
        if (!formats.isEmpty()) {
            out.add("Values are " + String.join(", ", formats) + "." + (median ? " Quartiles by "
                    + (ctx.plan().quantileType() == 6 ? "the SPSS (type 6)" : "R's default (type 7)") + " definition."
                    : ""));
        }
        Set<String> tests = new LinkedHashSet<>();
        boolean overridden = false;
        boolean tables = false;
        for (ComparisonResult r : results) {
            if (r.choice().testId() != null) {
                tests.add(CellTexts.test(r).text());
            }
            overridden |= r.choice().overridden();
            tables |= r.selection().kind().isCoded() && r.choice().testId() != null
                    && TestFamily.of(r.choice().testId()) == TestFamily.TABLE;
        }
        Alternative alt = ctx.plan().alternative();
        String sided = alt == Alternative.TWO_SIDED ? "two-sided" : "one-sided (" + alt.id() + ": " + ctx.arms().get(0)
                + (alt == Alternative.LESS ? " below " : " above ") + "the other arm)";
        if (!tests.isEmpty()) {
            out.add("Tests: " + String.join(", ", tests) + ". P values are " + sided + "; significance at P < "
                    + Numbers.threshold(ctx.plan().alpha()) + ". The reason for each test is listed under the table.");
        }
        if (tables) {
            out.add("χ² or Fisher's exact test by expected counts: " + ctx.plan().countRule().statement() + ".");
        }
        if (ctx.arms().size() == 2) {
            out.add("Effects (" + ctx.direction() + ", 95% CI): MD mean difference (t interval); HL Hodges–Lehmann shift;"
                    + " RD risk difference (percentage points); RR risk ratio; r_rb rank-biserial correlation; SMD"
                    + " standardised difference (Cohen's d with pooled SD; for proportions Austin's).");
        }
        if (overridden) {
            out.add("† Test chosen by the user (override of the automatic choice).");
        }
        out.add("Analysis population: " + ctx.plan().population() + ".");
        return out;
    }
}
