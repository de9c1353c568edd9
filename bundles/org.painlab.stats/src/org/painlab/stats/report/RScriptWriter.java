package org.painlab.stats.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.painlab.core.io.AtomicFiles;
import org.painlab.stats.internal.report.DataCsv;
import org.painlab.stats.internal.report.RCode;
import org.painlab.core.data.SubjectData;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.table.ReportReferences;

/**
 * An R script (base R only: shapiro.test, a small Levene function, t.test, wilcox.test,
 * chisq.test, fisher.test, kruskal.test, oneway.test) that reproduces every p-value of the report
 * from a CSV export of the data, written next to the script as NAME-data.csv. Running
 * {@code Rscript NAME.R [data.csv] [results.csv]} writes R's p-values beside ours to
 * NAME-r-results.csv and prints the largest relative difference.
 *
 * @since 0.1
 */
public final class RScriptWriter implements ReportWriter {

    private final SubjectData data;

    /** @param data the data the report was computed from (exported for R) */
    public RScriptWriter(SubjectData data) {
        this.data = data;
    }

    @Override
    public String extension() {
        return "R";
    }

    /**
     * @param script the script's path
     * @return the data file written beside it
     */
    public static Path dataFile(Path script) {
        return script.resolveSibling(stem(script) + "-data.csv");
    }

    /**
     * @param script the script's path
     * @return the results file the script writes by default
     */
    public static Path resultsFile(Path script) {
        return script.resolveSibling(stem(script) + "-r-results.csv");
    }

    @Override
    public void write(PaperReport report, Path out) throws IOException {
        DataCsv.write(data, dataFile(out));
        String script = render(report, dataFile(out).getFileName().toString(),
                resultsFile(out).getFileName().toString());
        AtomicFiles.write(out, o -> o.write(script.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param report the report
     * @param dataName file name of the data CSV
     * @param resultsName file name of the results CSV
     * @return the script
     */
    public String render(PaperReport report, String dataName, String resultsName) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(RCode.ascii(report.title())).append('\n')
                .append("# Reproduces every p-value of the report with base R. Written by PainLab Workbench.\n");
        if (report.simulated()) {
            sb.append("# SIMULATED DATA: ").append(RCode.ascii(report.dataDescription())).append('\n');
        }
        ReportReferences refs = report.references();
        if (refs.methodsSentence() != null) {
            sb.append("# ").append(refs.methodsSentence().replace('\n', ' ')).append('\n');
        }
        if (refs.any()) {
            sb.append("# References:\n");
            for (String e : refs.entries()) {
                // kept in UTF-8 (not RCode.ascii): a Chinese entry would be only question marks
                sb.append("#   ").append(e.replace('\r', ' ').replace('\n', ' ')).append('\n');
            }
        }
        sb.append("# Usage: Rscript this.R [data.csv] [results.csv]\n")
                .append("args <- commandArgs(trailingOnly = TRUE)\n")
                .append("file_arg <- grep(\"^--file=\", commandArgs(FALSE), value = TRUE)\n")
                .append("here <- if (length(file_arg) > 0) dirname(normalizePath(sub(\"^--file=\", \"\", file_arg[1])))")
                .append(" else getwd()\n")
                .append("data_file <- if (length(args) >= 1) args[1] else file.path(here, ").append(RCode.str(dataName))
                .append(")\n")
                .append("out_file <- if (length(args) >= 2) args[2] else file.path(here, ").append(RCode.str(resultsName))
                .append(")\n")
                .append("d <- read.csv(data_file, colClasses = \"character\", na.strings = \"\", check.names = FALSE,")
                .append(" encoding = \"UTF-8\")\n")
                .append("d <- d[d[[").append(RCode.str(DataCsv.populationColumn(report.population())))
                .append("]] == \"1\", , drop = FALSE]\n")
                .append("arms <- ").append(RCode.vector(report.arms())).append('\n')
                .append("d <- d[d$arm %in% arms, , drop = FALSE]\n")
                .append(RCode.PRELUDE);
        for (ComparisonResult r : report.results()) {
            sb.append(RCode.block(r));
        }
        sb.append("\nres$rel_diff <- abs(res$p_r - res$p_painlab) / pmax(abs(res$p_painlab), .Machine$double.xmin)\n")
                .append("write.csv(res, out_file, row.names = FALSE)\n")
                .append("cat(sprintf(\"%d p-values recomputed; largest relative difference to PainLab: %.3g\\n\",")
                .append(" nrow(res), max(res$rel_diff)))\n");
        return sb.toString();
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
