package org.painlab.imaging.store;

import java.util.Objects;

import org.painlab.imaging.ScanSite;
import org.painlab.imaging.Volume;

/**
 * A volume to add to a study: whose, where, the voxels, its mask (or null) and what is known of it.
 *
 * @param subjectId    the subject
 * @param site         side and level
 * @param image        the voxels
 * @param mask         the region of interest on the image's grid, or null
 * @param mriGrade     MRI grade 0..3, or null
 * @param fatFraction  true fat fraction (simulated volumes only), or null
 * @param source       {@code simulated} or {@code imported}
 * @param originalFile the file it was read from, or null
 * @since 0.1
 */
public record NewVolume(String subjectId, ScanSite site, Volume image, Volume mask, Integer mriGrade, Double fatFraction,
        String source, String originalFile) {
    /** Checks the subject id, grade and that the mask fits the image. */
    public NewVolume {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(image, "image");
        if (subjectId == null || subjectId.isBlank() || subjectId.length() > 50) {
            throw new IllegalArgumentException("subject id must be 1 to 50 characters, found '" + subjectId + "'");
        }
        subjectId = subjectId.trim();
        if (mriGrade != null && (mriGrade < 0 || mriGrade > 3)) {
            throw new IllegalArgumentException("MRI grade must be 0, 1, 2 or 3, found " + mriGrade);
        }
        if (mask != null && !mask.sameGeometry(image)) {
            throw new IllegalArgumentException("the mask's grid or geometry differs from the image's");
        }
        if (!"simulated".equals(source) && !"imported".equals(source)) {
            throw new IllegalArgumentException("source must be simulated or imported, found '" + source + "'");
        }
    }
}
