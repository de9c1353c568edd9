package org.painlab.imaging.internal.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.data.ClusteredObservations;
import org.painlab.core.data.DataProvider;
import org.painlab.imaging.store.ImagingStore;
import org.painlab.imaging.store.StoredFeatures;
import org.painlab.imaging.store.StoredVolume;

/**
 * Imaging's data for any analysis, through the core data contract: the study's volumes as clustered
 * observations named {@value #NAME} (one per image, clustered by subject, observation id = volume id), with
 * a column per stored feature key (NaN where a volume has no stored value), {@code mri_grade} (NaN when not
 * graded) and {@code label} (1 fatty, 0 not, NaN when not graded).
 */
public final class ImagingDataProvider implements DataProvider {
    public static final String NAME = "volume";

    @Override
    public List<ClusteredObservations> clusteredObservations(Study study) throws StudyException {
        ImagingStore store = new ImagingStore(study);
        List<StoredVolume> volumes = store.volumes();
        if (volumes.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, Double>> features = new StoredFeatures(study).latest(volumes);
        TreeSet<String> keys = new TreeSet<>();
        features.values().forEach(f -> keys.addAll(f.keySet()));
        int n = volumes.size();
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (String k : keys) {
            double[] c = new double[n];
            Arrays.fill(c, Double.NaN);
            columns.put(k, c);
        }
        double[] grade = new double[n];
        double[] label = new double[n];
        List<String> subjects = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StoredVolume v = volumes.get(i);
            subjects.add(v.subjectId());
            ids.add(Long.toString(v.id()));
            grade[i] = v.mriGrade() == null ? Double.NaN : v.mriGrade();
            int l = v.label(ImagingStore.FATTY_FROM_GRADE);
            label[i] = l < 0 ? Double.NaN : l;
            Map<String, Double> f = features.get(v.id());
            if (f != null) {
                for (Map.Entry<String, Double> e : f.entrySet()) {
                    columns.get(e.getKey())[i] = e.getValue();
                }
            }
        }
        columns.put("mri_grade", grade);
        columns.put("label", label);
        return List.of(new ClusteredObservations(NAME, "ultrasound volumes (IBSI features of the latest stored extraction, "
                + "MRI grade, fatty label = grade >= " + ImagingStore.FATTY_FROM_GRADE + ")", subjects, ids, columns));
    }
}
