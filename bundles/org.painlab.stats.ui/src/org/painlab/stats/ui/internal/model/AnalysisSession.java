package org.painlab.stats.ui.internal.model;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.data.StudyData;
import org.painlab.core.data.StudyData.Provided;
import org.painlab.core.result.StoredResult;
import org.painlab.stats.report.PaperTablesAnalysis;
import org.painlab.core.data.SubjectData;
import org.painlab.stats.plan.AnalysisPlan;
import org.painlab.stats.plan.Comparison;
import org.painlab.stats.plan.TableSection;
import org.painlab.stats.plan.TestOverride;
import org.painlab.stats.report.ReportCitations;
import org.painlab.stats.report.ReportRunner;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.table.PaperTables;

/**
 * One study's analysis as the user shapes it in the Analysis view: the study's data (read
 * once), the default plan, and the user's choices on top of it (population, test overrides per
 * variable and comparison, or per table). No SWT, so that it can be driven from a job and tested
 * on its own. Thread-safe: the view edits it on the UI thread while a job may be building a plan.
 */
public final class AnalysisSession {
    private final SubjectData data;
    private final String provider;
    private final AnalysisPlan defaults;
    private String population;
    // variable -> comparison -> test id; kept separate from the plan so "Automatic" can remove one
    private final Map<String, Map<Comparison, String>> variableTests = new LinkedHashMap<>();
    private final Map<TableSection, String> tableTests = new EnumMap<>(TableSection.class);
    // what the report cites from the study's library (core citation contract)
    private Citing citing = Citing.NONE;

    /** @param data the data to analyse with the default plan */
    public AnalysisSession(SubjectData data) {
        this(new Provided<>(data, "unknown"));
    }

    /** @param provided the data to analyse with the default plan, and the bundle that provided them */
    public AnalysisSession(Provided<SubjectData> provided) {
        this.data = provided.data();
        this.provider = provided.provider();
        this.defaults = AnalysisPlan.defaultFor(data);
        this.population = defaults.population();
    }

    /**
     * Reads the subject data of a study through the core data contract (can take a while on large
     * studies: call it from a job).
     *
     * @param study an open study
     * @return a session with the default plan
     * @throws StudyException if the study cannot be read
     */
    public static AnalysisSession load(Study study) throws StudyException {
        return new AnalysisSession(new StudyData().requireSubjectData(study));
    }

    /** @return the data */
    public SubjectData data() {
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

    /**
     * @return the current plan as the plan-file JSON the stored result's parameters keep, so the
     *         result can be re-run with the same population and overrides
     */
    public synchronized String planJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("population", population);
        Map<String, Object> overrides = new LinkedHashMap<>();
        variableTests.forEach((variable, tests) -> {
            java.util.List<Object> list = new java.util.ArrayList<>();
            tests.forEach((comparison, test) -> list.add(Map.of("test", test, "comparison", comparison.id())));
            if (!list.isEmpty()) {
                overrides.put(variable, list);
            }
        });
        m.put("overrides", overrides);
        Map<String, Object> tables = new LinkedHashMap<>();
        tableTests.forEach((section, test) -> tables.put(section.id(), Map.of("test", test)));
        m.put("table_overrides", tables);
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(m);
    }

    /**
     * Runs the current plan and stores the result in the study with its provenance (every analysis
     * a user runs is stored).
     *
     * @param study the study the data came from
     * @param actor who runs it
     * @return the report and its stored result
     * @throws StudyException if the result cannot be stored
     */
    public Stored runAndStore(Study study, String actor) throws StudyException {
        return runAndStore(study, actor, new NullProgressMonitor());
    }

    /**
     * As {@link #runAndStore(Study, String)}, cancellable: the result is stored (in one
     * transaction) only after the tables are complete and the run was not cancelled, so a
     * cancelled run stores nothing.
     *
     * @param study the study the data came from
     * @param actor who runs it
     * @param monitor checked for cancellation between tables and before storing
     * @return the report and its stored result
     * @throws StudyException if the result cannot be stored
     * @throws OperationCanceledException when cancelled
     */
    public Stored runAndStore(Study study, String actor, IProgressMonitor monitor) throws StudyException {
        Map<String, String> parameters = parameters();
        PaperTablesAnalysis.Outcome outcome = PaperTablesAnalysis.compute(new Provided<>(data, provider), parameters, monitor);
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
        try {
            outcome = PaperTablesAnalysis.cite(study, outcome, parameters);
        } catch (IllegalArgumentException e) {
            throw new StudyException(e.getMessage(), e);
        }
        StoredResult stored = new AnalysisRunner().record(study, PaperTablesAnalysis.ID, parameters, outcome.result(),
                actor);
        return new Stored(outcome.report(), stored);
    }

    /**
     * A run of the session and the result it stored.
     *
     * @param report the tables
     * @param result the stored result
     */
    public record Stored(PaperReport report, StoredResult result) {
    }

    /** @return the analysis parameters of the current plan and citations, as the stored result keeps them */
    public synchronized Map<String, String> parameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(PaperTablesAnalysis.PLAN, planJson());
        m.putAll(citing.parameters());
        return m;
    }

    /** @return what the report cites */
    public synchronized Citing citing() {
        return citing;
    }

    /** @param value what the report cites from now on (the next run formats it) */
    public synchronized void citing(Citing value) {
        this.citing = value == null ? Citing.NONE : value;
    }

    /**
     * The references a report cites: keys for the statistical methods, keys per variable, and the style.
     *
     * @param methods keys cited for the methods
     * @param variables per variable, the keys cited after its label
     * @param style the citation style (short name)
     */
    public record Citing(List<String> methods, Map<String, List<String>> variables, String style) {
        /** Nothing cited. */
        public static final Citing NONE = new Citing(List.of(), Map.of(), ReportCitations.DEFAULT_STYLE);

        /** Copies the lists and drops variables that cite nothing. */
        public Citing {
            methods = List.copyOf(methods);
            Map<String, List<String>> v = new LinkedHashMap<>();
            variables.forEach((k, keys) -> {
                if (!keys.isEmpty()) {
                    v.put(k, List.copyOf(keys));
                }
            });
            variables = java.util.Collections.unmodifiableMap(v);
            style = style == null || style.isBlank() ? ReportCitations.DEFAULT_STYLE : style;
        }

        /** @return the keys cited anywhere, without repeats */
        public List<String> allKeys() {
            java.util.Set<String> all = new java.util.LinkedHashSet<>(methods);
            variables.values().forEach(all::addAll);
            return List.copyOf(all);
        }

        /** @return the analysis parameters ({@link ReportCitations}) that cite these */
        public Map<String, String> parameters() {
            Map<String, String> m = new LinkedHashMap<>();
            if (!methods.isEmpty()) {
                m.put(ReportCitations.CITE, String.join(",", methods));
            }
            variables.forEach((v, keys) -> m.put(ReportCitations.CITE_VARIABLE + v, String.join(",", keys)));
            if (!m.isEmpty()) {
                m.put(ReportCitations.STYLE, style);
            }
            return m;
        }
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

    /**
     * As {@link #export(Path)}, with the references the session cites from {@code study}'s library.
     *
     * @param study the study whose library is cited
     * @param out report file; its extension picks the format
     * @return the report written
     * @throws IOException if it cannot be written
     * @throws StudyException if a reference cannot be cited (no provider, a key gone, an unknown style)
     */
    public PaperReport export(Study study, Path out) throws IOException, StudyException {
        PaperReport r = new PaperTables().build(data, plan());
        try {
            r = new ReportCitations().cite(study, citing().parameters(), r);
        } catch (IllegalArgumentException e) {
            throw new StudyException(e.getMessage(), e);
        }
        ReportRunner.writerFor(out, data).write(r, out);
        return r;
    }
}
