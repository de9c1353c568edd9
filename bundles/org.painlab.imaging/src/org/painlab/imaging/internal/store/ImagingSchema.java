package org.painlab.imaging.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.core.store.Migration;
import org.painlab.core.store.StudySchema;

/**
 * The imaging tables of a study: one row per stored volume file (images and their masks), linked to a
 * subject (by the study's pseudonymous subject id), a side and a level. The voxels live in NRRD files under
 * the study's {@code files/imaging/} folder, each row holding the file's path and SHA-256.
 */
public final class ImagingSchema implements StudySchema {
    public static final String AREA = "org.painlab.imaging";

    @Override
    public String area() {
        return AREA;
    }

    @Override
    public List<Migration> migrations() {
        return List.of(Migration.sql(1, "volumes and masks linked to subject, side and level",
                "CREATE TABLE imaging_volume(id BIGINT AUTO_INCREMENT PRIMARY KEY, role VARCHAR(10) NOT NULL, "
                        + "subject_id VARCHAR(50) NOT NULL, side VARCHAR(10) NOT NULL, level VARCHAR(10) NOT NULL, "
                        + "file_path VARCHAR(1000) NOT NULL UNIQUE, sha256 CHAR(64) NOT NULL, "
                        + "nx INT NOT NULL, ny INT NOT NULL, nz INT NOT NULL, "
                        + "sx DOUBLE PRECISION NOT NULL, sy DOUBLE PRECISION NOT NULL, sz DOUBLE PRECISION NOT NULL, "
                        + "voxel_type VARCHAR(10) NOT NULL, mask_id BIGINT REFERENCES imaging_volume(id), mri_grade INT, "
                        + "fat_fraction DOUBLE PRECISION, source VARCHAR(20) NOT NULL, original_file VARCHAR(1000), "
                        + "added_at TIMESTAMP WITH TIME ZONE NOT NULL, added_by VARCHAR(100), "
                        + "CHECK (role IN ('image', 'mask')), CHECK (side IN ('left', 'right')))",
                "CREATE INDEX imaging_volume_subject ON imaging_volume(subject_id, role)"));
    }

    @Override
    public Map<String, Object> counts(Connection c) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("volumes", single(c, "SELECT COUNT(*) FROM imaging_volume WHERE role = 'image'"));
        out.put("masks", single(c, "SELECT COUNT(*) FROM imaging_volume WHERE role = 'mask'"));
        out.put("imaging_subjects", single(c, "SELECT COUNT(DISTINCT subject_id) FROM imaging_volume WHERE role = 'image'"));
        out.put("graded_volumes", single(c, "SELECT COUNT(*) FROM imaging_volume WHERE role = 'image' AND mri_grade IS NOT NULL"));
        return out;
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
