package org.painlab.imaging.cli.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.painlab.imaging.store.StoredVolume;

/** The JSON of a stored volume for {@code imaging import} and {@code imaging volumes}. */
final class VolumesJson {
    private VolumesJson() {
    }

    static Map<String, Object> describe(StoredVolume v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Long.toString(v.id()));
        m.put("subject", v.subjectId());
        m.put("side", v.site().side().id());
        m.put("level", v.site().level());
        m.put("file", "files/" + v.file());
        m.put("sha256", v.sha256());
        m.put("dims", v.dims());
        m.put("spacing", v.spacing());
        m.put("type", v.type().id());
        m.put("mask_id", v.maskId() == null ? null : Long.toString(v.maskId()));
        m.put("mri_grade", v.mriGrade());
        m.put("source", v.source());
        if (v.fatFraction() != null) {
            m.put("fat_fraction", v.fatFraction());
        }
        if (v.originalFile() != null) {
            m.put("original_file", v.originalFile());
        }
        return m;
    }
}
