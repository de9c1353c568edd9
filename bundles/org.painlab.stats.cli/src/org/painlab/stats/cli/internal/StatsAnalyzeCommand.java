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
import org.painlab.stats.report.ReportCitations;
import org.painlab.stats.report.ReportRunner;
import org.painlab.stats.table.PaperReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab stats analyze DIR [--plan FILE] [--cite KEY,...] [--cite-variable VAR=KEY,...] [--style STYLE]
 * --out REPORT.(html|docx|csv|json|tex|R)}: the paper's tables of a study, citing references of its library; {@code painlab stats analyze FILE.csv --group COLUMN --spec SPEC.json --out REPORT}: the same tables of any
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

    @Option(names = "--cite", split = ",", paramLabel = "KEY", description = "Study only: keys of the study's library cited for the statistical methods (comma-separated); the report gets their in-text citation and a References section.")
    java.util.List<String> cite;

    @Option(names = "--cite-variable", paramLabel = "VARIABLE=KEY,...", description = "Study only, repeatable: keys cited after a variable's label, e.g. vas=huskisson1974,price1983.")
    java.util.List<String> citeVariable;

    @Option(names = "--style", paramLabel = "STYLE", description = "Citation style of --cite and --cite-variable: vancouver (default), ama, apa, pain, gbt7714, or a CSL style name.")
    String style;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who runs the analysis, for its provenance (default: the OS user).")
    String actor;

    /** Puts --cite, --cite-variable and --style into the analysis parameters, checking their shape. */
    private void citations(Map<String, String> parameters) {
        if (cite != null) {
            parameters.put(ReportCitations.CITE, String.join(",", cite));
        }
        for (String v : citeVariable == null ? java.util.List.<String>of() : citeVariable) {
            int eq = v.indexOf('=');
            if (eq <= 0 || ReportCitations.keys(v.substring(eq + 1)).isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--cite-variable '" + v + "': expected VARIABLE=KEY[,KEY...]");
            }
            parameters.merge(ReportCitations.CITE_VARIABLE + v.substring(0, eq).strip(), v.substring(eq + 1),
                    (a, b) -> a + "," + b);
        }
        if (style != null) {
            if (!ReportCitations.asked(parameters)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--style is the style of --cite or --cite-variable; neither is given");
            }
            parameters.put(ReportCitations.STYLE, style);
        }
    }

    @Override
    public Integer call() {
        if (java.nio.file.Files.isRegularFile(dir)) {
            if (cite != null || citeVariable != null || style != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), (cite != null ? "--cite"
                        : citeVariable != null ? "--cite-variable" : "--style")
                        + " cites from a study's library; " + dir + " is a CSV file (give the study folder)");
            }
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
            citations(parameters);
            PaperTablesAnalysis.Outcome outcome = PaperTablesAnalysis.compute(study, parameters);
            report = outcome.report();
            ReportRunner.writerFor(out, outcome.data()).write(report, out);
            stored = new AnalysisRunner().record(study, PaperTablesAnalysis.ID, parameters, outcome.result(), actor);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliFailure(plan + ": file not found", e);
        } catch (StudyException e) {
            String planPrefix = "parameter '" + PaperTablesAnalysis.PLAN + "': ";
            String msg = e.getMessage();
            String citePrefix = "parameter '" + ReportCitations.CITE_VARIABLE;
            if (msg.startsWith(citePrefix)) {
                throw new CliFailure("--cite-variable " + msg.substring(citePrefix.length()).replaceFirst("^[^']*': ", ""), e);
            }
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
            if (report.references().any()) {
                m.put("references", report.references().keys());
            }
            m.put("result", stored.provenance());
            new Json().print(spec.commandLine().getOut(), m);
        } else {
            spec.commandLine().getErr().println("wrote " + out + ": " + report.tables().size() + " tables, "
                    + report.results().size() + " comparisons"
                    + (report.references().any() ? ", " + report.references().keys().size() + " references ("
                            + report.references().style() + ")" : "")
                    + "; stored as result " + stored.id() + " of the study");
        }
        return 0;
    }
}
