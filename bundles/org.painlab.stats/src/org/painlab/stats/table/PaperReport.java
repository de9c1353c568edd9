package org.painlab.stats.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.painlab.stats.plan.ComparisonResult;

/**
 * The tables of a paper computed from a study's data by an analysis plan, with what a reader
 * must know to trust them: the analysis population and arm sizes, whether the data are
 * simulated, and the plan's settings (α, sidedness, rules).
 *
 * @param title report title
 * @param population analysis population (ITT, PP, ...)
 * @param arms arm names in column order
 * @param armSizes subjects of the population per arm
 * @param simulated true when the data are simulated (writers then print a banner)
 * @param dataDescription what the data are
 * @param plan the plan's settings, JSON-shaped (alpha, alternative, rules, overrides)
 * @param tables the tables, in print order
 * @param references what the report cites ({@link ReportReferences#NONE} when nothing)
 *
 * @since 0.1
 */
public record PaperReport(String title, String population, List<String> arms, List<Integer> armSizes,
        boolean simulated, String dataDescription, Map<String, Object> plan, List<Table> tables,
        ReportReferences references) {

    /** Copies lists and maps. */
    public PaperReport {
        references = references == null ? ReportReferences.NONE : references;
        arms = List.copyOf(arms);
        armSizes = List.copyOf(armSizes);
        plan = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(plan));
        tables = List.copyOf(tables);
    }

    /** A report that cites nothing. */
    public PaperReport(String title, String population, List<String> arms, List<Integer> armSizes, boolean simulated,
            String dataDescription, Map<String, Object> plan, List<Table> tables) {
        this(title, population, arms, armSizes, simulated, dataDescription, plan, tables, ReportReferences.NONE);
    }

    /**
     * @param cited what the report cites
     * @param tables the tables with the citations in their labels
     * @return this report citing {@code cited}
     * @since 0.1
     */
    public PaperReport citing(ReportReferences cited, List<Table> tables) {
        return new PaperReport(title, population, arms, armSizes, simulated, dataDescription, plan, tables, cited);
    }

    /** @return every comparison of every table, in table order */
    public List<ComparisonResult> results() {
        List<ComparisonResult> out = new ArrayList<>();
        for (Table t : tables) {
            out.addAll(t.results());
        }
        return out;
    }

    /**
     * @param id table id
     * @return the table, or null
     */
    public Table table(String id) {
        for (Table t : tables) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }
}
