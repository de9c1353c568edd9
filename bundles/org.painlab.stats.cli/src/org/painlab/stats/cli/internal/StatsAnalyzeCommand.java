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
import org.painlab.stats.internal.trial.TrialAnalysisData;
import org.painlab.stats.plan.AnalysisData;
import org.painlab.stats.plan.AnalysisPlan;
import org.painlab.stats.report.ReportRunner;
import org.painlab.stats.table.PaperReport;
import org.painlab.trial.store.TrialStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab stats analyze DIR [--plan FILE] --out REPORT.(html|docx|csv|json|tex|R)}: the paper's tables. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "The tables of a paper from the study's trial data, the test chosen per variable with its reason.")
public final class StatsAnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Option(names = "--plan", paramLabel = "FILE", description = "Analysis plan JSON (population, overrides, ...); default: derived from the data.")
    Path plan;

    @Option(names = "--out", required = true, paramLabel = "REPORT", description = "Report file: .html, .docx, .csv, .json, .tex or .R")
    Path out;

    @Option(names = "--json", description = "Print a summary as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PaperReport report;
        try (Study study = Study.open(dir, StudySchemas.contributed())) {
            AnalysisData data = TrialAnalysisData.from(new TrialStore(study));
            if (data.size() == 0) {
                throw new CliFailure(dir + ": the study has no randomized subjects to analyse");
            }
            AnalysisPlan p = plan == null ? AnalysisPlan.defaultFor(data) : AnalysisPlan.load(plan, data);
            report = ReportRunner.run(data, p, out);
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
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
            new Json().print(spec.commandLine().getOut(), m);
        } else {
            spec.commandLine().getErr().println("wrote " + out + ": " + report.tables().size() + " tables, "
                    + report.results().size() + " comparisons");
        }
        return 0;
    }
}
