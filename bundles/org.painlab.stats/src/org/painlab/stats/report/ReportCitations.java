package org.painlab.stats.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.cite.CitationProviders;
import org.painlab.core.cite.CitedReferences;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.table.Cell;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.table.ReportReferences;
import org.painlab.stats.table.Row;
import org.painlab.stats.table.RowKind;
import org.painlab.stats.table.Table;

/**
 * Cites references of the study's library in a report, through core's citation contract (whichever
 * plugin provides citations; literature does). Analysis parameters: {@value #CITE} (keys cited for the
 * statistical methods, comma-separated), {@value #CITE_VARIABLE}{@code VARIABLE} (keys cited after that
 * variable's label) and {@value #STYLE} (default {@value #DEFAULT_STYLE}). Numeric styles number the
 * references in the order they are first cited: the methods, then the variables in table order.
 *
 * @since 0.1
 */
public final class ReportCitations {
    /** Parameter: keys cited for the statistical methods, comma-separated. */
    public static final String CITE = "cite";
    /** Parameter name prefix: {@code cite:vas} holds the keys cited after the label of variable {@code vas}. */
    public static final String CITE_VARIABLE = "cite:";
    /** Parameter: the citation style. */
    public static final String STYLE = "cite_style";
    /** The style when none is named: numbers in brackets, as most pain journals print them. */
    public static final String DEFAULT_STYLE = "vancouver";

    private final CitationProviders providers;

    /** Cites through the installed citation providers. */
    public ReportCitations() {
        this(new CitationProviders());
    }

    /** @param providers where citations are formatted */
    public ReportCitations(CitationProviders providers) {
        this.providers = providers;
    }

    /**
     * @param parameters analysis parameters
     * @return true when they cite any key
     */
    public static boolean asked(Map<String, String> parameters) {
        if (parameters == null) {
            return false;
        }
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if ((e.getKey().equals(CITE) || e.getKey().startsWith(CITE_VARIABLE)) && !keys(e.getValue()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param text keys separated by commas (or semicolons, spaces)
     * @return the keys, without blanks and repeats
     */
    public static List<String> keys(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            for (String k : text.split("[,;\\s]+")) {
                if (!k.isBlank()) {
                    out.add(k.strip());
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Formats what the parameters cite and puts each variable's citation after its label.
     *
     * @param study the study whose library is cited
     * @param parameters {@value #CITE}, {@value #CITE_VARIABLE}{@code VARIABLE}, {@value #STYLE}
     * @param report the report without citations
     * @return the report with its citations and References section (the same report when nothing is cited)
     * @throws StudyException when no plugin provides citations, a key is not in the library or the style is
     *     unknown (each named)
     * @throws IllegalArgumentException naming a {@code cite:} parameter whose variable is not in the report
     */
    public PaperReport cite(Study study, Map<String, String> parameters, PaperReport report) throws StudyException {
        if (!asked(parameters)) {
            return report;
        }
        List<String> variablesInOrder = new ArrayList<>();
        for (ComparisonResult r : report.results()) {
            String v = r.selection() == null ? null : r.selection().variable();
            if (v != null && !variablesInOrder.contains(v)) {
                variablesInOrder.add(v);
            }
        }
        Map<String, List<String>> byVariable = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (e.getKey().startsWith(CITE_VARIABLE) && !keys(e.getValue()).isEmpty()) {
                String variable = e.getKey().substring(CITE_VARIABLE.length());
                if (!variablesInOrder.contains(variable)) {
                    throw new IllegalArgumentException("parameter '" + e.getKey() + "': no variable '" + variable
                            + "' in the report (variables: " + String.join(", ", variablesInOrder) + ")");
                }
                byVariable.put(variable, keys(e.getValue()));
            }
        }
        List<String> methods = keys(parameters.get(CITE));
        List<List<String>> places = new ArrayList<>();
        List<String> placeVariables = new ArrayList<>();
        if (!methods.isEmpty()) {
            places.add(methods);
        }
        for (String v : variablesInOrder) {
            if (byVariable.containsKey(v)) {
                places.add(byVariable.get(v));
                placeVariables.add(v);
            }
        }
        String style = parameters.get(STYLE);
        style = style == null || style.isBlank() ? DEFAULT_STYLE : style.strip();
        CitedReferences cited = providers.cite(study, places, style);
        int at = methods.isEmpty() ? 0 : 1;
        Map<String, String> variableCitations = new LinkedHashMap<>();
        for (String v : placeVariables) {
            variableCitations.put(v, cited.citations().get(at++));
        }
        ReportReferences refs = new ReportReferences(cited.style(), methods.isEmpty() ? null : cited.citations().get(0),
                variableCitations, cited.entries(), cited.keys());
        return report.citing(refs, labelled(report.tables(), variableCitations));
    }

    /** The tables with each cited variable's citation after its label, once per table (its first row). */
    static List<Table> labelled(List<Table> tables, Map<String, String> citations) {
        List<Table> out = new ArrayList<>();
        for (Table t : tables) {
            Set<String> done = new HashSet<>();
            List<Row> body = new ArrayList<>();
            String[] variables = new String[t.body().size()];
            for (int i = variables.length - 1; i >= 0; i--) {
                Row row = t.body().get(i);
                variables[i] = variable(t, row);
                // a heading row of its own (the variable's label over its time points) belongs to the rows below it
                if (variables[i] == null && row.kind() == RowKind.GROUP && i + 1 < variables.length) {
                    variables[i] = variables[i + 1];
                }
            }
            for (int i = 0; i < variables.length; i++) {
                Row row = t.body().get(i);
                String variable = variables[i];
                if (variable != null && citations.containsKey(variable) && done.add(variable) && !row.cells().isEmpty()) {
                    List<Cell> cells = new ArrayList<>(row.cells());
                    Cell label = cells.get(0);
                    cells.set(0, new Cell(label.text() + " " + citations.get(variable), label.markers(), label.colSpan(),
                            label.numbers(), label.resultId(), label.note()));
                    row = new Row(row.kind(), cells, row.indent());
                }
                body.add(row);
            }
            out.add(new Table(t.id(), t.title(), t.header(), body, t.footnotes(), t.choiceNotes(), t.results()));
        }
        return out;
    }

    private static String variable(Table t, Row row) {
        for (Cell c : row.cells()) {
            if (c.resultId() != null) {
                ComparisonResult r = t.result(c.resultId());
                if (r != null && r.selection() != null) {
                    return r.selection().variable();
                }
            }
        }
        return null;
    }
}
