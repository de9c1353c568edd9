package org.painlab.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.core.analysis.Analysis;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.core.data.StudyData;
import org.painlab.core.data.StudyData.Provided;
import org.painlab.core.data.SubjectData;

/** Mean of "value" per arm, times the parameter "scale" (default 1), read through the data contract. */
public class TestMeanAnalysis implements Analysis {
    @Override
    public AnalysisResult run(Study study, Map<String, String> parameters, IProgressMonitor monitor) throws StudyException {
        Provided<SubjectData> p = new StudyData().requireSubjectData(study);
        SubjectData d = p.data();
        double scale;
        try {
            scale = Double.parseDouble(parameters.getOrDefault("scale", "1"));
        } catch (NumberFormatException e) {
            throw new StudyException("parameter 'scale': not a number: " + parameters.get("scale"), e);
        }
        double[] v = d.numeric("value", null);
        List<Object> rows = new ArrayList<>();
        Map<String, Object> means = new LinkedHashMap<>();
        for (int arm = 0; arm < d.arms().size(); arm++) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < v.length; i++) {
                if (d.armOf(i) == arm) {
                    sum += v[i];
                    n++;
                }
            }
            double mean = scale * sum / n;
            means.put(d.arms().get(arm), mean);
            rows.add(List.of(d.arms().get(arm), n, mean));
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("title", "Mean value per arm");
        table.put("header", List.of("arm", "n", "mean"));
        table.put("rows", rows);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("means", means);
        body.put("tables", List.of(table));
        return new AnalysisResult("Mean value per arm", body, Map.of("subject_data", d.fingerprint(), "provider", p.provider()));
    }
}
