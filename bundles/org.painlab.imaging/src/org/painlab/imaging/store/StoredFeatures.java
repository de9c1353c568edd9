package org.painlab.imaging.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;

/**
 * The texture features of a study's volumes as stored by {@link VolumeFeaturesAnalysis} results: for each
 * volume, the features of the newest result that holds it for the volume's current file (same SHA-256), so
 * extracting for one subject later does not hide the other subjects' features.
 *
 * @since 0.1
 */
public final class StoredFeatures {
    private final Study study;

    /** @param study an open study */
    public StoredFeatures(Study study) {
        this.study = study;
    }

    /**
     * @param volumes the images wanted
     * @return volume id to feature key to value; volumes without a stored result are absent
     * @throws StudyException the results cannot be read
     */
    public Map<Long, Map<String, Double>> latest(List<StoredVolume> volumes) throws StudyException {
        Map<String, StoredVolume> wanted = new HashMap<>();
        for (StoredVolume v : volumes) {
            wanted.put(Long.toString(v.id()), v);
        }
        Map<Long, Map<String, Double>> out = new LinkedHashMap<>();
        List<StoredResult> results = new ArrayList<>(new ResultStore(study).list());
        for (int r = results.size() - 1; r >= 0 && out.size() < wanted.size(); r--) {
            StoredResult result = results.get(r);
            if (!VolumeFeaturesAnalysis.ID.equals(result.analysisId())
                    || !(result.body().get("volumes") instanceof List<?> rows)) {
                continue;
            }
            for (Object o : rows) {
                if (!(o instanceof Map<?, ?> row)) {
                    continue;
                }
                StoredVolume v = wanted.get(String.valueOf(row.get("volume_id")));
                if (v == null || out.containsKey(v.id()) || !v.sha256().equals(row.get("sha256"))
                        || !(row.get("features") instanceof Map<?, ?> values)) {
                    continue;
                }
                Map<String, Double> f = new LinkedHashMap<>();
                values.forEach((k, x) -> {
                    if (x instanceof Number n && Double.isFinite(n.doubleValue())) {
                        f.put(String.valueOf(k), n.doubleValue());
                    }
                });
                out.put(v.id(), f);
            }
        }
        return out;
    }
}
