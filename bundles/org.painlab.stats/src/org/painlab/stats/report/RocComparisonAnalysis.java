package org.painlab.stats.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.analysis.Analysis;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.core.data.ClusteredObservations;
import org.painlab.core.data.StudyData;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.tests.RocClusteredTest;
import org.painlab.stats.internal.tests.RocDeLongTest;

/**
 * Compares markers (e.g. the out-of-fold probabilities of two classifiers) on the same clustered
 * units as an analysis (id {@value #ID}), contributed through {@code org.painlab.core.analyses}
 * for clustered observations: per marker the AUC with DeLong's and Obuchowski's clustered 95%
 * intervals, and per pair of markers the paired DeLong test ({@code roc-delong}) and its
 * clustered variant ({@code roc-clustered}). It reads any area's {@link ClusteredObservations}
 * through the core data contract, so it knows nothing of imaging. Parameters: {@value #OBSERVATIONS}
 * (name of the observation set, default {@value #DEFAULT_OBSERVATIONS}), {@value #LABEL} (0/1 column,
 * default {@value #LABEL}), {@value #MARKERS} (comma-separated columns; default every other column).
 *
 * @since 0.1
 */
public final class RocComparisonAnalysis implements Analysis {
    /** The analysis id saved studies refer to. */
    public static final String ID = "org.painlab.stats.rocComparison";
    /** Parameter: the observation set's name. */
    public static final String OBSERVATIONS = "observations";
    /** The observation set imaging's predictions provider names the models' common cases. */
    public static final String DEFAULT_OBSERVATIONS = "predictions";
    /** Parameter (and default column): the 0/1 label column. */
    public static final String LABEL = "label";
    /** Parameter: the marker columns. */
    public static final String MARKERS = "markers";

    @Override
    public AnalysisResult run(Study study, Map<String, String> parameters, IProgressMonitor monitor)
            throws StudyException {
        String name = parameters.getOrDefault(OBSERVATIONS, DEFAULT_OBSERVATIONS);
        List<ClusteredObservations> all = new StudyData().clusteredObservations(study);
        ClusteredObservations data = all.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new StudyException(study.folder() + ": parameter '" + OBSERVATIONS
                        + "': no clustered observations named '" + name + "' (present: "
                        + all.stream().map(ClusteredObservations::name).toList() + ")"));
        try {
            return compute(data, parameters);
        } catch (IllegalArgumentException e) {
            throw new StudyException("'" + name + "': " + e.getMessage(), e);
        }
    }

    /**
     * @param data the units with a label column and marker columns
     * @param parameters {@value #LABEL} and {@value #MARKERS}, both optional
     * @return the comparison
     * @throws IllegalArgumentException naming the column when a label is not 0/1 or a marker is missing
     */
    public static AnalysisResult compute(ClusteredObservations data, Map<String, String> parameters) {
        String labelColumn = parameters.getOrDefault(LABEL, LABEL);
        List<String> markers = new ArrayList<>();
        String given = parameters.get(MARKERS);
        if (given == null || given.isBlank()) {
            data.columns().stream().filter(c -> !c.equals(labelColumn)).forEach(markers::add);
        } else {
            for (String m : given.split(",")) {
                markers.add(m.trim());
            }
        }
        if (markers.isEmpty()) {
            throw new IllegalArgumentException("no marker column besides '" + labelColumn + "'");
        }
        double[] labels = data.values(labelColumn);
        List<Object> label = new ArrayList<>();
        List<Object> cluster = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("column '" + labelColumn + "' observation '" + data.observationId(i)
                        + "': label must be 0 or 1, was " + labels[i]);
            }
            label.add((int) labels[i]);
            cluster.add(data.subjectId(i));
        }
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (String m : markers) {
            double[] v = data.values(m);
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < v.length; i++) {
                if (Double.isNaN(v[i])) {
                    throw new IllegalArgumentException("column '" + m + "' observation '" + data.observationId(i)
                            + "' has no value");
                }
                list.add(v[i]);
            }
            values.put(m, list);
        }
        List<Map<String, Object>> perMarker = new ArrayList<>();
        List<List<Object>> markerRows = new ArrayList<>();
        for (String m : markers) {
            TestResult delong = new RocDeLongTest().run(TestInput.of(Map.of(LABEL, label, "marker1", values.get(m))),
                    TestOptions.defaults());
            TestResult clustered = new RocClusteredTest().run(TestInput.of(Map.of(LABEL, label, "marker1",
                    values.get(m), "cluster", cluster)), TestOptions.defaults());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("marker", m);
            r.put("auc", delong.extraDouble("auc1"));
            r.put("ci95_delong", delong.extra("ci95_auc1"));
            r.put("se_delong", delong.extraDouble("se_auc1"));
            r.put("ci95_clustered", clustered.extra("ci95_auc1"));
            r.put("se_clustered", clustered.extraDouble("se_auc1"));
            perMarker.add(r);
            markerRows.add(List.of(m, round(delong.extraDouble("auc1")), interval(delong.extra("ci95_auc1")),
                    interval(clustered.extra("ci95_auc1"))));
        }
        List<Map<String, Object>> pairs = new ArrayList<>();
        List<List<Object>> pairRows = new ArrayList<>();
        for (int a = 0; a < markers.size(); a++) {
            for (int b = a + 1; b < markers.size(); b++) {
                Map<String, Object> in = new LinkedHashMap<>();
                in.put(LABEL, label);
                in.put("marker1", values.get(markers.get(a)));
                in.put("marker2", values.get(markers.get(b)));
                TestResult delong = new RocDeLongTest().run(TestInput.of(in), TestOptions.defaults());
                in.put("cluster", cluster);
                TestResult clustered = new RocClusteredTest().run(TestInput.of(in), TestOptions.defaults());
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("marker1", markers.get(a));
                r.put("marker2", markers.get(b));
                r.put("auc_difference", delong.extraDouble("auc_difference"));
                r.put("delong", Map.of("z", delong.statistic(), "p_value", delong.pValue()));
                r.put("clustered", Map.of("z", clustered.statistic(), "p_value", clustered.pValue()));
                pairs.add(r);
                pairRows.add(List.of(markers.get(a) + " vs " + markers.get(b), round(delong.extraDouble("auc_difference")),
                        round(delong.pValue()), round(clustered.pValue())));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("observations", data.name());
        body.put("n", data.size());
        body.put("clusters", data.clusters().size());
        body.put("markers", perMarker);
        body.put("comparisons", pairs);
        List<Object> tables = new ArrayList<>();
        tables.add(Map.of("title", "AUC per marker (" + data.size() + " units in " + data.clusters().size() + " clusters)",
                "header", List.of("Marker", "AUC", "95% CI (DeLong)", "95% CI (clustered, Obuchowski)"),
                "rows", markerRows));
        if (!pairRows.isEmpty()) {
            tables.add(Map.of("title", "Paired comparison of AUCs", "header",
                    List.of("Markers", "AUC difference", "P (DeLong)", "P (clustered)"), "rows", pairRows,
                    "footnotes", List.of("Clustered: Obuchowski 1997, units of one cluster are not independent.")));
        }
        body.put("tables", tables);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("observations", data.name());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            ids.add(data.observationId(i));
        }
        inputs.put("ids", ids);
        inputs.put("clusters", cluster);
        inputs.put(labelColumn, label);
        inputs.put("markers", values);
        return new AnalysisResult("ROC comparison of " + String.join(", ", markers) + " (" + data.name() + ")", body, inputs);
    }

    private static String interval(Object ci) {
        List<?> c = (List<?>) ci;
        return round(((Number) c.get(0)).doubleValue()) + " to " + round(((Number) c.get(1)).doubleValue());
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
