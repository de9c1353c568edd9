package org.painlab.stats.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.painlab.cli.CliFailure;
import org.painlab.cli.InputFiles;
import org.painlab.cli.Json;
import org.painlab.stats.frame.CsvFrame;
import org.painlab.stats.frame.FrameSpec;
import org.painlab.stats.report.PaperTablesAnalysis;
import org.painlab.stats.report.ReportRunner;
import org.painlab.stats.table.PaperReport;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code stats analyze FILE.csv --group COLUMN --spec SPEC.json --out REPORT}: the paper's tables of a plain
 * data table, through the same plan, automatic choice and writers as a study's. A CSV belongs to no study,
 * so nothing is stored; the JSON summary names the file's SHA-256 so a report can be traced to its input.
 */
final class CsvAnalysis {
    private final CommandSpec spec;
    private final Path csv;
    private final String group;
    private final Path specFile;
    private final Path plan;
    private final String population;
    private final Path out;
    private final boolean json;
    private final boolean timings;

    CsvAnalysis(CommandSpec spec, Path csv, String group, Path specFile, Path plan, String population, Path out,
            boolean json, boolean timings) {
        this.spec = spec;
        this.csv = csv;
        this.group = group;
        this.specFile = specFile;
        this.plan = plan;
        this.population = population;
        this.out = out;
        this.json = json;
        this.timings = timings;
    }

    int run() {
        if (group == null || specFile == null) {
            throw new ParameterException(spec.commandLine(), csv + " is a file: a CSV needs --group COLUMN and --spec SPEC.json");
        }
        if (plan != null || population != null) {
            throw new ParameterException(spec.commandLine(), (plan != null ? "--plan" : "--population")
                    + " is for a study; with a CSV, put plan keys (alpha, overrides, ...) in the spec");
        }
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        FrameSpec frameSpec;
        try {
            frameSpec = FrameSpec.parse(InputFiles.text(specFile));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(specFile + ": " + e.getMessage(), e);
        }
        CsvFrame.Read read;
        try {
            read = new CsvFrame(csv, group, frameSpec).read();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        } catch (IOException e) {
            throw new CliFailure(csv + ": cannot be read (" + e.getMessage() + ")", e);
        }
        long readDone = System.nanoTime();
        long cpuRead = processCpuNanos();
        PaperReport report;
        try {
            report = PaperTablesAnalysis.tables(read.data(), Map.of(PaperTablesAnalysis.PLAN, frameSpec.planJson()));
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage().replaceFirst("^parameter '" + PaperTablesAnalysis.PLAN + "': ", "");
            throw new CliFailure(specFile + ": " + msg, e);
        }
        long analysed = System.nanoTime();
        long cpuAnalysed = processCpuNanos();
        try {
            ReportRunner.writerFor(out, read.data()).write(report, out);
        } catch (IOException e) {
            throw new CliFailure(out + ": cannot be written (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        long written = System.nanoTime();
        long cpuWritten = processCpuNanos();
        Map<String, Object> phases = new LinkedHashMap<>();
        phases.put("read_s", seconds(readDone - start));
        phases.put("analyse_s", seconds(analysed - readDone));
        phases.put("write_s", seconds(written - analysed));
        if (cpuStart >= 0 && cpuWritten >= 0) {
            // on a shared machine the wall time follows the share of the CPU the process gets; its CPU time does not
            phases.put("read_cpu_s", seconds(cpuRead - cpuStart));
            phases.put("analyse_cpu_s", seconds(cpuAnalysed - cpuRead));
            phases.put("write_cpu_s", seconds(cpuWritten - cpuAnalysed));
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("out", out.toAbsolutePath().toString());
            m.put("input", csv.toAbsolutePath().toString());
            m.put("input_sha256", read.sha256());
            m.put("rows", read.rows());
            m.put("rows_without_group", read.rowsWithoutGroup());
            m.put("groups", read.data().arms());
            m.put("tables", report.tables().size());
            m.put("comparisons", report.results().size());
            if (timings) {
                m.put("timings", phases);
            }
            new Json().print(spec.commandLine().getOut(), m);
        } else {
            spec.commandLine().getErr().println("wrote " + out + ": " + report.tables().size() + " tables, "
                    + report.results().size() + " comparisons from " + read.data().size() + " rows of " + csv
                    + (read.rowsWithoutGroup() > 0 ? " (" + read.rowsWithoutGroup() + " rows without a group left out)" : ""));
            if (timings) {
                spec.commandLine().getErr().println("timings: read " + phases.get("read_s") + " s, analyse "
                        + phases.get("analyse_s") + " s, write " + phases.get("write_s") + " s");
            }
        }
        return 0;
    }

    /** @return CPU time of the whole process (every thread, the collector's and compiler's too), or -1 when unknown */
    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1e3;
    }
}
