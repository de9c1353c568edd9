package org.painlab.stats.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.painlab.core.data.SubjectData;
import org.painlab.stats.plan.AnalysisPlan;
import org.painlab.stats.plan.TestCatalog;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.table.PaperTables;

/**
 * The entry point of {@code painlab stats analyze}: runs the plan on the data and writes the
 * tables in the format the output file's extension names: html, docx, csv, json, tex, or R (the
 * script plus its data CSV).
 *
 * @since 0.1
 */
public final class ReportRunner {

    /** Extensions {@link #run} understands, lower case. */
    public static final List<String> FORMATS = List.of("html", "docx", "csv", "json", "tex", "r");

    private ReportRunner() {
    }

    /**
     * @param data the data
     * @param plan the plan
     * @param out the report file; its extension picks the format
     * @return the report that was written
     * @throws IOException if the file cannot be written (an earlier file is then unchanged)
     * @throws IllegalArgumentException if the extension is unknown or the plan does not fit the data
     */
    public static PaperReport run(SubjectData data, AnalysisPlan plan, Path out) throws IOException {
        return run(data, plan, out, TestCatalog.installed());
    }

    /**
     * @param data the data
     * @param plan the plan
     * @param out the report file
     * @param catalog where tests are looked up
     * @return the report that was written
     * @throws IOException if the file cannot be written
     */
    public static PaperReport run(SubjectData data, AnalysisPlan plan, Path out, TestCatalog catalog)
            throws IOException {
        ReportWriter writer = writerFor(out, data);
        PaperReport report = new PaperTables(catalog).build(data, plan);
        writer.write(report, out);
        return report;
    }

    /**
     * @param out the report file
     * @param data the data (the R writer exports it)
     * @return the writer its extension names
     */
    public static ReportWriter writerFor(Path out, SubjectData data) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "html", "htm" -> new HtmlReportWriter();
            case "docx" -> new DocxReportWriter();
            case "csv" -> new CsvReportWriter();
            case "json" -> new JsonReportWriter();
            case "tex" -> new LatexReportWriter();
            case "r" -> new RScriptWriter(data);
            default -> throw new IllegalArgumentException("--out " + out + ": unknown report format '" + ext
                    + "'; expected one of .html, .docx, .csv, .json, .tex, .R");
        };
    }
}
