package org.painlab.imaging.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.features.FeatureSettings;

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

    /** A volume's row in the result that holds its newest features. */
    private record Source(StoredResult result, Map<?, ?> features) {
    }

    /**
     * @param volumes the images wanted
     * @return volume id to feature key to value; volumes without a stored result are absent
     * @throws StudyException the results cannot be read
     */
    public Map<Long, Map<String, Double>> latest(List<StoredVolume> volumes) throws StudyException {
        Map<Long, Map<String, Double>> out = new LinkedHashMap<>();
        sources(volumes).forEach((id, source) -> {
            Map<String, Double> f = new LinkedHashMap<>();
            source.features().forEach((k, x) -> {
                if (x instanceof Number n && Double.isFinite(n.doubleValue())) {
                    f.put(String.valueOf(k), n.doubleValue());
                }
            });
            out.put(id, f);
        });
        return out;
    }

    private Map<Long, Source> sources(List<StoredVolume> volumes) throws StudyException {
        Map<String, StoredVolume> wanted = new HashMap<>();
        for (StoredVolume v : volumes) {
            wanted.put(Long.toString(v.id()), v);
        }
        Map<Long, Source> out = new LinkedHashMap<>();
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
                out.put(v.id(), new Source(result, values));
            }
        }
        return out;
    }

    /**
     * How the training cases' features were computed, to save with a model on features so that it can grade a
     * new volume: present when every case is a volume of this study whose features come from stored results
     * with the same settings; empty when a case is not (a feature table) or the settings differ.
     *
     * @param training the cases a model learnt from (ids = volume ids)
     * @throws StudyException the study cannot be read
     */
    public Optional<FeatureRecipe> recipe(List<Case> training) throws StudyException {
        ImagingStore store = new ImagingStore(study);
        List<StoredVolume> volumes = new ArrayList<>();
        TreeSet<String> keys = null;
        for (Case c : training) {
            Optional<StoredVolume> v;
            try {
                v = store.get(Long.parseLong(c.id()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (v.isEmpty()) {
                return Optional.empty();
            }
            volumes.add(v.get());
            if (keys == null) {
                keys = new TreeSet<>(c.features().keySet());
            } else {
                keys.retainAll(c.features().keySet());
            }
        }
        Map<Long, Source> sources = sources(volumes);
        if (volumes.isEmpty() || sources.size() < volumes.size()) {
            return Optional.empty();
        }
        FeatureSettings settings = null;
        TreeSet<Long> results = new TreeSet<>();
        for (Source s : sources.values()) {
            FeatureSettings these = VolumeFeaturesAnalysis.settings(s.result().parameters());
            if (settings != null && !settings.equals(these)) {
                return Optional.empty();
            }
            settings = these;
            results.add(s.result().id());
        }
        return Optional.of(FeatureRecipe.of(settings, new ArrayList<>(keys), new ArrayList<>(results)));
    }
}
