package org.painlab.stats.report;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.analysis.Analysis;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.core.data.StudyData;
import org.painlab.core.data.StudyData.Provided;
import org.painlab.core.data.SubjectData;
import org.painlab.stats.plan.AnalysisPlan;
import org.painlab.stats.plan.TestCatalog;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.table.PaperTables;

/**
 * The tables of a paper as an analysis (id {@value #ID}), contributed through
 * {@code org.painlab.core.analyses}: the study's subject-level data, read through the core data
 * contract, under an analysis plan. Parameters: {@value #PLAN} (a plan in the plan-file JSON of
 * {@link AnalysisPlan}; default: derived from the data), {@value #POPULATION} (ITT, PP, ...;
 * wins over the plan's) and the references it cites ({@link ReportCitations}: {@code cite},
 * {@code cite:VARIABLE}, {@code cite_style}). The stored body is the JSON report
 * ({@link JsonReportWriter#toJsonMap}).
 *
 * @since 0.1
 */
public final class PaperTablesAnalysis implements Analysis {
    /** The analysis id saved studies refer to. */
    public static final String ID = "org.painlab.stats.paperTables";
    /** Parameter: the plan as JSON text. */
    public static final String PLAN = "plan";
    /** Parameter: the analysis population. */
    public static final String POPULATION = "population";

    @Override
    public AnalysisResult run(Study study, Map<String, String> parameters, IProgressMonitor monitor)
            throws StudyException {
        Provided<SubjectData> data = new StudyData().requireSubjectData(study);
        if (data.data().size() == 0) {
            throw new StudyException(study.folder() + ": the study has no randomized subjects to analyse");
        }
        try {
            return cite(study, compute(data, parameters, monitor), parameters).result();
        } catch (IllegalArgumentException e) {
            throw new StudyException(e.getMessage(), e);
        }
    }

    /**
     * Reads the study's subject data and builds the tables.
     *
     * @param study an open study
     * @param parameters {@value #PLAN} and {@value #POPULATION}, both optional
     * @return the data, plan, report and the result to store
     * @throws StudyException if the study has no subject data, or a parameter is wrong (named)
     */
    public static Outcome compute(Study study, Map<String, String> parameters) throws StudyException {
        Provided<SubjectData> data = new StudyData().requireSubjectData(study);
        if (data.data().size() == 0) {
            throw new StudyException(study.folder() + ": the study has no randomized subjects to analyse");
        }
        try {
            return cite(study, compute(data, parameters), parameters);
        } catch (IllegalArgumentException e) {
            throw new StudyException(e.getMessage(), e);
        }
    }

    /**
     * @param data subject data and their provider
     * @param parameters {@value #PLAN} and {@value #POPULATION}, both optional
     * @return the data, plan, report and the result to store
     * @throws IllegalArgumentException naming the parameter that does not fit the data
     */
    public static Outcome compute(Provided<SubjectData> data, Map<String, String> parameters) {
        return compute(data, parameters, new NullProgressMonitor());
    }

    /**
     * As {@link #compute(Provided, Map)}, cancellable between tables.
     *
     * @param data subject data and their provider
     * @param parameters {@value #PLAN} and {@value #POPULATION}, both optional
     * @param monitor checked for cancellation
     * @return the data, plan, report and the result to store
     * @throws OperationCanceledException when {@code monitor} is cancelled
     * @since 0.1
     */
    public static Outcome compute(Provided<SubjectData> data, Map<String, String> parameters, IProgressMonitor monitor) {
        AnalysisPlan plan = plan(data.data(), parameters);
        PaperReport report = new PaperTables(TestCatalog.installed()).build(data.data(), plan, monitor);
        return new Outcome(data.data(), plan, report, result(report, data.data().fingerprint(), data.provider()));
    }

    /**
     * Adds the references the parameters cite ({@link ReportCitations}) to a computed outcome: the
     * citations in the tables, the References section, and the formatted references among the
     * result's inputs (a changed reference makes a different result).
     *
     * @param study the study whose library is cited
     * @param outcome the tables without citations
     * @param parameters the analysis parameters
     * @return the outcome citing what the parameters ask (the same outcome when they cite nothing)
     * @throws StudyException when no plugin provides citations, a key is not in the library or the style is unknown
     * @throws IllegalArgumentException naming a {@code cite:} parameter whose variable is not in the report
     * @since 0.1
     */
    public static Outcome cite(Study study, Outcome outcome, Map<String, String> parameters) throws StudyException {
        if (!ReportCitations.asked(parameters)) {
            return outcome;
        }
        PaperReport report = new ReportCitations().cite(study, parameters, outcome.report());
        Map<String, Object> inputs = outcome.result().inputs();
        return new Outcome(outcome.data(), outcome.plan(), report,
                result(report, inputs.get("subject_data"), inputs.get("provider")));
    }

    private static AnalysisResult result(PaperReport report, Object fingerprint, Object provider) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("subject_data", fingerprint);
        inputs.put("provider", provider);
        if (report.references().any()) {
            Map<String, Object> refs = new LinkedHashMap<>();
            refs.put("style", report.references().style());
            refs.put("keys", report.references().keys());
            refs.put("entries", report.references().entries());
            inputs.put("references", refs);
        }
        return new AnalysisResult(report.title() + " (" + report.population() + ")", JsonReportWriter.toJsonMap(report),
                inputs);
    }

    /**
     * The tables alone, for data that belong to no study (a CSV): nothing is stored, so no stored result is
     * made; its data fingerprint and JSON body would cost as much as the tests themselves on 200,000 subjects.
     *
     * @param data subject data
     * @param parameters {@value #PLAN} and {@value #POPULATION}, both optional
     * @return the report
     * @throws IllegalArgumentException naming the parameter that does not fit the data
     * @since 0.1
     */
    public static PaperReport tables(SubjectData data, Map<String, String> parameters) {
        return new PaperTables(TestCatalog.installed()).build(data, plan(data, parameters), new NullProgressMonitor());
    }

    private static AnalysisPlan plan(SubjectData data, Map<String, String> parameters) {
        String json = parameters == null ? null : parameters.get(PLAN);
        AnalysisPlan plan;
        try {
            plan = json == null || json.isBlank() ? AnalysisPlan.defaultFor(data) : AnalysisPlan.parse(json, data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter '" + PLAN + "': " + e.getMessage(), e);
        }
        String population = parameters == null ? null : parameters.get(POPULATION);
        if (population != null && !population.isBlank()) {
            try {
                data.population(population);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter '" + POPULATION + "': " + e.getMessage(), e);
            }
            plan = plan.toBuilder().population(population).build();
        }
        return plan;
    }

    /**
     * What one run computed.
     *
     * @param data the subject data read
     * @param plan the plan used
     * @param report the tables (for the report writers)
     * @param result what is stored in the study
     */
    public record Outcome(SubjectData data, AnalysisPlan plan, PaperReport report, AnalysisResult result) {
    }
}
