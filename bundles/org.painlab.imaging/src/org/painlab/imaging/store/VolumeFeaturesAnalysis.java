package org.painlab.imaging.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.analysis.Analysis;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.features.Discretisation;
import org.painlab.imaging.features.Feature;
import org.painlab.imaging.features.FeatureExtractor;
import org.painlab.imaging.features.FeatureSet;
import org.painlab.imaging.features.FeatureSettings;
import org.painlab.imaging.features.TextureAggregation;

/**
 * The IBSI features of a study's volumes (all, or one subject's) inside their masks, as an analysis (id
 * {@value #ID}) contributed through {@code org.painlab.core.analyses}, so the result is stored with its
 * provenance: the settings as parameters, the volumes' ids and SHA-256 as inputs. Volumes are extracted in
 * parallel on every core. Parameters (all optional):
 * <ul>
 * <li>{@value #SUBJECT}: only this subject's volumes;</li>
 * <li>{@value #DISCRETISATION}: {@code bin-number:N} (default {@code bin-number:32}), {@code bin-width:W},
 * {@code bin-width:W:LOWER} or {@code none};</li>
 * <li>{@value #AGGREGATIONS}: comma-separated aggregations ({@code 3d-averaged}, {@code 3d-merged}, {@code 2d-averaged},
 * {@code 2d-slice-merged}, {@code 2.5d-direction-merged}, {@code 2.5d-merged}) or groups ({@code 3d}, {@code 2d},
 * {@code 2.5d}, {@code all}); default both 3D ones;</li>
 * <li>{@value #MORAN_MAX_VOXELS}: largest ROI for Moran's I and Geary's C (default 0: left out, as they take
 * every voxel pair and every volume then has the same features).</li>
 * </ul>
 * Feature keys are the IBSI symbol, followed by {@code .} and the aggregation code where the family has
 * aggregations ({@code stat.mean}, {@code cm.joint.max.ITBB}); see {@link #key(Feature)}. (IBSI codes alone
 * are not unique: {@code ivh.V10} and {@code ivh.V90} share one.) The body's {@code feature_keys} give each
 * key's IBSI code.
 *
 * @since 0.1
 */
public final class VolumeFeaturesAnalysis implements Analysis {
    /** The analysis id saved studies refer to. */
    public static final String ID = "org.painlab.imaging.volumeFeatures";
    /** Parameter: one subject's volumes only. */
    public static final String SUBJECT = "subject";
    /** Parameter: discretisation. */
    public static final String DISCRETISATION = "discretisation";
    /** Parameter: GLCM/GLRLM aggregations. */
    public static final String AGGREGATIONS = "aggregations";
    /** Parameter: Moran/Geary ROI limit. */
    public static final String MORAN_MAX_VOXELS = "moran_max_voxels";

    @Override
    public AnalysisResult run(Study study, Map<String, String> parameters, IProgressMonitor monitor) throws StudyException {
        FeatureSettings settings = settings(parameters);
        String subject = parameters == null ? null : blankToNull(parameters.get(SUBJECT));
        ImagingStore store = new ImagingStore(study);
        List<StoredVolume> volumes = subject == null ? store.volumes() : store.volumes(subject);
        if (volumes.isEmpty()) {
            throw new StudyException(study.folder() + ": " + (subject == null ? "the study has no volumes"
                    : "parameter '" + SUBJECT + "': subject '" + subject + "' has no volumes"));
        }
        List<StoredVolume> withMask = new ArrayList<>();
        Map<Long, StoredVolume> masks = new LinkedHashMap<>();
        List<Map<String, Object>> withoutMask = new ArrayList<>();
        for (StoredVolume v : volumes) {
            if (v.maskId() == null) {
                withoutMask.add(Map.of("volume_id", Long.toString(v.id()), "reason", "no mask"));
                continue;
            }
            StoredVolume m = store.get(v.maskId()).orElseThrow(() -> new StudyException(study.folder() + ": volume "
                    + v.id() + " names mask " + v.maskId() + ", which is not in the study"));
            masks.put(v.id(), m);
            withMask.add(v);
        }
        List<FeatureSet> sets = extract(store, withMask, masks, settings, monitor);
        Map<String, Object> inputs = new LinkedHashMap<>();
        List<Object> inputVolumes = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<List<Object>> table = new ArrayList<>();
        for (int i = 0; i < withMask.size(); i++) {
            StoredVolume v = withMask.get(i);
            StoredVolume m = masks.get(v.id());
            FeatureSet fs = sets.get(i);
            inputVolumes.add(List.of(Long.toString(v.id()), v.sha256(), m.sha256()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("volume_id", Long.toString(v.id()));
            row.put("subject", v.subjectId());
            row.put("side", v.site().side().id());
            row.put("level", v.site().level());
            row.put("sha256", v.sha256());
            row.put("mask_sha256", m.sha256());
            row.put("roi_voxels", fs.roiVoxels());
            row.put("grey_levels", fs.greyLevels());
            Map<String, Object> values = new LinkedHashMap<>();
            for (Feature f : fs.features()) {
                values.put(key(f), Double.isFinite(f.value()) ? f.value() : null);
            }
            row.put("features", values);
            row.put("skipped", fs.skipped());
            rows.add(row);
            table.add(List.of(Long.toString(v.id()), v.subjectId(), v.site().side().id(), v.site().level(),
                    v.mriGrade() == null ? "" : v.mriGrade().toString(), fs.roiVoxels(), fs.greyLevels(), fs.features().size()));
        }
        inputs.put("volumes", inputVolumes);
        inputs.put("subject", subject == null ? "" : subject);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("settings", settings.describe());
        body.put("feature_keys", keys(sets));
        body.put("volumes", rows);
        body.put("volumes_without_mask", withoutMask);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("title", "IBSI features per volume");
        t.put("header", List.of("Volume", "Subject", "Side", "Level", "MRI grade", "ROI voxels", "Grey levels", "Features"));
        t.put("rows", table);
        t.put("footnotes", List.of("Settings: " + settings.describe(), "Volumes without a mask: " + withoutMask.size()));
        body.put("tables", List.of(t));
        String title = "IBSI features of " + rows.size() + " volume" + (rows.size() == 1 ? "" : "s")
                + (subject == null ? "" : " of subject " + subject);
        return new AnalysisResult(title, body, inputs);
    }

    private static List<Map<String, Object>> keys(List<FeatureSet> sets) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (FeatureSet fs : sets) {
            for (Feature f : fs.features()) {
                out.computeIfAbsent(key(f), k -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("key", k);
                    m.put("ibsi_code", f.ibsiCode());
                    m.put("family", f.family());
                    m.put("name", f.name());
                    m.put("symbol", f.symbol());
                    m.put("aggregation", f.aggregation());
                    m.put("aggregation_code", f.aggregationCode());
                    return m;
                });
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The key of a feature in {@link org.painlab.imaging.classify.Case#features()}: IBSI symbol [. aggregation code]. */
    public static String key(Feature f) {
        return f.aggregationCode().isEmpty() ? f.symbol() : f.symbol() + "." + f.aggregationCode();
    }

    private static List<FeatureSet> extract(ImagingStore store, List<StoredVolume> volumes, Map<Long, StoredVolume> masks,
            FeatureSettings settings, IProgressMonitor monitor) throws StudyException {
        SubMonitor sub = SubMonitor.convert(monitor, "IBSI features of " + volumes.size() + " volumes", volumes.size());
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), volumes.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "imaging-features");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FeatureSet>> futures = new ArrayList<>();
            FeatureExtractor extractor = new FeatureExtractor();
            for (StoredVolume v : volumes) {
                StoredVolume m = masks.get(v.id());
                futures.add(pool.submit(() -> {
                    Volume image = store.load(v);
                    Volume mask = store.load(m);
                    return extractor.extract(image, mask, settings);
                }));
            }
            List<FeatureSet> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                if (sub.isCanceled()) {
                    throw new OperationCanceledException();
                }
                StoredVolume v = volumes.get(i);
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    String why = c instanceof ImagingException ? c.getMessage() : String.valueOf(c);
                    throw new StudyException("volume " + v.id() + " (subject " + v.subjectId() + ", " + v.site() + "): " + why, c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new OperationCanceledException();
                }
                sub.subTask("volume " + (i + 1) + " of " + volumes.size());
                sub.worked(1);
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * @param parameters the analysis parameters
     * @return the feature settings they name
     * @throws StudyException naming the parameter that cannot be read
     */
    public static FeatureSettings settings(Map<String, String> parameters) throws StudyException {
        Map<String, String> p = parameters == null ? Map.of() : parameters;
        FeatureSettings s = FeatureSettings.defaults().withMoranMaxVoxels(0);
        String d = blankToNull(p.get(DISCRETISATION));
        if (d != null) {
            try {
                s = s.withDiscretisation(discretisation(d));
            } catch (IllegalArgumentException e) {
                throw new StudyException("parameter '" + DISCRETISATION + "': " + e.getMessage(), e);
            }
        }
        String a = blankToNull(p.get(AGGREGATIONS));
        if (a != null) {
            try {
                s = s.withAggregations(TextureAggregation.parse(a));
            } catch (IllegalArgumentException e) {
                throw new StudyException("parameter '" + AGGREGATIONS + "': " + e.getMessage(), e);
            }
        }
        String moran = blankToNull(p.get(MORAN_MAX_VOXELS));
        if (moran != null) {
            try {
                int n = Integer.parseInt(moran);
                if (n < 0) {
                    throw new NumberFormatException();
                }
                s = s.withMoranMaxVoxels(n);
            } catch (NumberFormatException e) {
                throw new StudyException("parameter '" + MORAN_MAX_VOXELS + "': expected a whole number >= 0, found '" + moran + "'", e);
            }
        }
        return s;
    }

    private static Discretisation discretisation(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":");
        try {
            return switch (parts[0]) {
                case "none" -> Discretisation.none();
                case "bin-number" -> Discretisation.binNumber(Integer.parseInt(parts[1]));
                case "bin-width" -> parts.length > 2 ? Discretisation.binWidth(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]))
                        : Discretisation.binWidth(Double.parseDouble(parts[1]));
                default -> throw new IllegalArgumentException("expected bin-number:N, bin-width:W[:LOWER] or none, found '" + text + "'");
            };
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("expected bin-number:N, bin-width:W[:LOWER] or none, found '" + text + "'", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
