package org.painlab.stats.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.result.StoredResult;
import org.painlab.stats.report.PaperTablesAnalysis;
import org.painlab.stats.report.ReportRunner;
import org.painlab.stats.table.PaperReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab stats analyze DIR [--plan FILE] --out REPORT.(html|docx|csv|json|tex|R)}: the paper's tables of a
 * study; {@code painlab stats analyze FILE.csv --group COLUMN --spec SPEC.json --out REPORT}: the same tables of any
 * data table.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "The tables of a paper from the study's trial data, or from a CSV with --group and --spec, the test chosen per variable with its reason.")
public final class StatsAnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR|FILE.csv", description = "The study folder, or a CSV file with one row per subject.")
    Path dir;

    @Option(names = "--group", paramLabel = "COLUMN", description = "CSV only: the column whose values are the groups compared.")
    String group;

    @Option(names = "--spec", paramLabel = "SPEC.json", description = "CSV only: which columns are continuous, binary, categorical, ordinal, paired; plus plan keys (alpha, overrides ...).")
    Path specFile;

    @Option(names = "--plan", paramLabel = "FILE", description = "Analysis plan JSON (population, overrides, ...); default: derived from the data.")
    Path plan;

    @Option(names = "--out", required = true, paramLabel = "REPORT", description = "Report file: .html, .docx, .csv, .json, .tex or .R")
    Path out;

    @Option(names = "--json", description = "Print a summary as one JSON object.")
    boolean json;

    @Option(names = "--timings", description = "CSV only: report the seconds spent reading, analysing and writing (a 'timings' object with --json, else a line on stderr).")
    boolean timings;

    @Option(names = "--population", paramLabel = "NAME", description = "Analysis population (ITT, PP, ...); wins over the plan's.")
    String population;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who runs the analysis, for its provenance (default: the OS user).")
    String actor;

    @Override
    public Integer call() {
        if (java.nio.file.Files.isRegularFile(dir)) {
            return new CsvAnalysis(spec, dir, group, specFile, plan, population, out, json, timings).run();
        }
        if (group != null || specFile != null || timings) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), (group != null ? "--group" : specFile != null ? "--spec" : "--timings")
                    + " is for a CSV file; " + dir + " is " + (java.nio.file.Files.isDirectory(dir) ? "a study folder" : "not a file"));
        }
        PaperReport report;
        StoredResult stored;
        try (Study study = Study.open(dir, StudySchemas.contributed())) {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (plan != null) {
                // the plan's text, not its path, so that the stored result can be re-run anywhere
                parameters.put(PaperTablesAnalysis.PLAN, org.painlab.cli.InputFiles.text(plan));
            }
            if (population != null) {
                parameters.put(PaperTablesAnalysis.POPULATION, population);
            }
            PaperTablesAnalysis.Outcome outcome = PaperTablesAnalysis.compute(study, parameters);
            report = outcome.report();
            ReportRunner.writerFor(out, outcome.data()).write(report, out);
            stored = new AnalysisRunner().record(study, PaperTablesAnalysis.ID, parameters, outcome.result(), actor);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliFailure(plan + ": file not found", e);
        } catch (StudyException e) {
            String planPrefix = "parameter '" + PaperTablesAnalysis.PLAN + "': ";
            String msg = e.getMessage();
            throw new CliFailure(plan != null && msg.startsWith(planPrefix) ? plan + ": " + msg.substring(planPrefix.length())
                    : msg, e);
        } catch (IllegalArgumentException e) {
            throw new CliFailure((plan != null ? plan + ": " : "") + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new CliFailure(out + ": cannot be written (" + e.getMessage() + ")", e);
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("out", out.toAbsolutePath().toString());
            m.put("tables", report.tables().size());
            m.put("comparisons", report.results().size());
            m.put("result", stored.provenance());
            new Json().print(spec.commandLine().getOut(), m);
        } else {
            spec.commandLine().getErr().println("wrote " + out + ": " + report.tables().size() + " tables, "
                    + report.results().size() + " comparisons; stored as result " + stored.id() + " of the study");
        }
        return 0;
    }
}
