package org.painlab.stats.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.painlab.core.io.AtomicFiles;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.table.Cell;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.table.ReportReferences;
import org.painlab.stats.table.Row;
import org.painlab.stats.table.Table;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report as JSON: the table model (every cell with its text, markers, span, unrounded numbers
 * and the id of the comparison it shows) and every comparison with its choice, reason,
 * assumption checks, full test result and effect sizes. p-values are never rounded; infinite
 * interval bounds are written as the strings "Infinity" / "-Infinity", NaN as null.
 *
 * @since 0.1
 */
public final class JsonReportWriter implements ReportWriter {

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public void write(PaperReport report, Path out) throws IOException {
        String json = render(report);
        AtomicFiles.write(out, o -> o.write(json.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param report the tables
     * @return the JSON text
     */
    public String render(PaperReport report) {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        return mapper.writeValueAsString(clean(toMap(report))) + "\n";
    }

    /**
     * @param report the tables
     * @return the JSON-shaped map the writer serialises
     */
    public static Map<String, Object> toMap(PaperReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", report.title());
        m.put("population", report.population());
        m.put("arms", report.arms());
        m.put("arm_sizes", report.armSizes());
        m.put("simulated", report.simulated());
        m.put("data_description", report.dataDescription());
        m.put("plan", report.plan());
        List<Object> tables = new ArrayList<>();
        for (Table t : report.tables()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("id", t.id());
            tm.put("title", t.title());
            tm.put("columns", t.columns());
            tm.put("header", rows(t.header()));
            tm.put("body", rows(t.body()));
            tm.put("footnotes", t.footnotes());
            tm.put("choice_notes", t.choiceNotes());
            tm.put("result_ids", t.results().stream().map(ComparisonResult::id).toList());
            tables.add(tm);
        }
        m.put("tables", tables);
        List<Object> results = new ArrayList<>();
        for (ComparisonResult r : report.results()) {
            results.add(r.toMap());
        }
        m.put("results", results);
        ReportReferences refs = report.references();
        if (refs.any()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("style", refs.style());
            if (refs.methods() != null) {
                rm.put("methods", refs.methods());
            }
            rm.put("variables", refs.variables());
            List<Object> entries = new ArrayList<>();
            for (int i = 0; i < refs.entries().size(); i++) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("key", refs.keys().get(i));
                e.put("text", refs.entries().get(i));
                entries.add(e);
            }
            rm.put("entries", entries);
            m.put("references", rm);
        }
        return m;
    }

    /**
     * @param report the tables
     * @return the JSON-shaped map with NaN written as null, as stored in a study's results
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toJsonMap(PaperReport report) {
        return (Map<String, Object>) clean(toMap(report));
    }

    /** JSON has no NaN: summaries of empty samples carry NaN, which becomes null here. */
    private static Object clean(Object value) {
        if (value instanceof Double d && d.isNaN()) {
            return null;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), clean(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object v : l) {
                out.add(clean(v));
            }
            return out;
        }
        return value;
    }

    private static List<Object> rows(List<Row> rows) {
        List<Object> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT));
            rm.put("indent", r.indent());
            List<Object> cells = new ArrayList<>();
            for (Cell c : r.cells()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("text", c.text());
                if (!c.markers().isEmpty()) {
                    cm.put("markers", c.markers());
                }
                if (c.colSpan() > 1) {
                    cm.put("col_span", c.colSpan());
                }
                if (!c.numbers().isEmpty()) {
                    cm.put("numbers", c.numbers());
                }
                if (c.resultId() != null) {
                    cm.put("result_id", c.resultId());
                }
                if (c.note() != null) {
                    cm.put("note", c.note());
                }
                cells.add(cm);
            }
            rm.put("cells", cells);
            out.add(rm);
        }
        return out;
    }
}
