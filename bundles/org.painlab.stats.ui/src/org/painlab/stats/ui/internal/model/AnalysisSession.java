package org.painlab.stats.ui.internal.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.stats.plan.AnalysisData;
import org.painlab.stats.plan.AnalysisPlan;
import org.painlab.stats.plan.Comparison;
import org.painlab.stats.plan.TableSection;
import org.painlab.stats.plan.TestOverride;
import org.painlab.stats.internal.trial.TrialAnalysisData;
import org.painlab.stats.report.ReportRunner;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.table.PaperTables;
import org.painlab.trial.store.TrialStore;

/**
 * One study's analysis as the user shapes it in the Analysis view: the study's data (read
 * once), the default plan, and the user's choices on top of it (population, test overrides per
 * variable and comparison, or per table). No SWT, so that it can be driven from a job and tested
 * on its own. Thread-safe: the view edits it on the UI thread while a job may be building a plan.
 */
public final class AnalysisSession {
    private final AnalysisData data;
    private final AnalysisPlan defaults;
    private String population;
    // variable -> comparison -> test id; kept separate from the plan so "Automatic" can remove one
    private final Map<String, Map<Comparison, String>> variableTests = new LinkedHashMap<>();
    private final Map<TableSection, String> tableTests = new EnumMap<>(TableSection.class);

    /** @param data the data to analyse with the default plan */
    public AnalysisSession(AnalysisData data) {
        this.data = data;
        this.defaults = AnalysisPlan.defaultFor(data);
        this.population = defaults.population();
    }

    /**
     * Reads the trial data of a study (can take a while on large studies: call it from a job).
     *
     * @param study an open study
     * @return a session with the default plan
     * @throws StudyException if the study cannot be read
     */
    public static AnalysisSession load(Study study) throws StudyException {
        return new AnalysisSession(TrialAnalysisData.from(new TrialStore(study)));
    }

    /** @return the data */
    public AnalysisData data() {
        return data;
    }

    /** @return the analysis population in use */
    public synchronized String population() {
        return population;
    }

    /** @param value a population of the data (ITT, PP, ...) */
    public synchronized void population(String value) {
        data.population(value); // fails early, naming the populations there are
        this.population = value;
    }

    /**
     * @param variable variable name
     * @param comparison between or within
     * @param testId test to force, or null for the automatic choice
     */
    public synchronized void overrideVariable(String variable, Comparison comparison, String testId) {
        Map<Comparison, String> m = variableTests.computeIfAbsent(variable, k -> new EnumMap<>(Comparison.class));
        if (testId == null) {
            m.remove(comparison);
        } else {
            m.put(comparison, testId);
        }
    }

    /**
     * @param section a table
     * @param testId test to use wherever it fits in that table, or null for the automatic choice
     */
    public synchronized void overrideTable(TableSection section, String testId) {
        if (testId == null) {
            tableTests.remove(section);
        } else {
            tableTests.put(section, testId);
        }
    }

    /**
     * @param variable variable name
     * @param comparison between or within
     * @return the forced test id, or null when automatic
     */
    public synchronized String variableOverride(String variable, Comparison comparison) {
        return variableTests.getOrDefault(variable, Map.of()).get(comparison);
    }

    /** @param section a table @return the forced test id, or null when automatic */
    public synchronized String tableOverride(TableSection section) {
        return tableTests.get(section);
    }

    /** @return the default plan with the user's population and overrides */
    public synchronized AnalysisPlan plan() {
        AnalysisPlan.Builder b = defaults.toBuilder().population(population);
        variableTests.forEach((variable, tests) -> {
            b.clearOverrides(variable);
            tests.forEach((comparison, test) -> b.override(variable, new TestOverride(test, comparison, null, null,
                    false)));
        });
        tableTests.forEach((section, test) -> b.tableOverride(section, TestOverride.of(test)));
        return b.build();
    }

    /** @return the tables of the current plan (the engine explains each test choice) */
    public PaperReport run() {
        return new PaperTables().build(data, plan());
    }

    /**
     * @param out report file; its extension picks the format (html, docx, csv, json, tex, R)
     * @return the report written
     * @throws IOException if it cannot be written
     */
    public PaperReport export(Path out) throws IOException {
        return ReportRunner.run(data, plan(), out);
    }
}
