package org.painlab.imaging.store;

import org.painlab.imaging.ScanSite;
import org.painlab.imaging.VoxelType;

/**
 * A volume (or mask) stored in a study: its row of the imaging tables. The voxels are in {@link #file()},
 * a NRRD file under the study's {@code files/} folder whose SHA-256 is {@link #sha256()}; loading checks it.
 *
 * @param id          the volume's number in the study
 * @param mask        true for a mask row (the region of interest of an image)
 * @param subjectId   the subject (the study's pseudonymous id)
 * @param site        side and level
 * @param file        path of the NRRD file relative to the study's {@code files/} folder, with {@code /}
 * @param sha256      SHA-256 (hex) of that file
 * @param dims        voxels along x, y, z
 * @param spacing     voxel size, mm
 * @param type        stored voxel type
 * @param maskId      the id of the image's mask row, or null (always null for a mask)
 * @param mriGrade    the MRI grade (0..3) of the muscle, or null when not graded
 * @param fatFraction the true fat fraction of a simulated volume, or null (real volumes have none)
 * @param source      {@code simulated} or {@code imported}
 * @param originalFile the file a volume was imported from, or null
 * @since 0.1
 */
public record StoredVolume(long id, boolean mask, String subjectId, ScanSite site, String file, String sha256, int[] dims,
        double[] spacing, VoxelType type, Long maskId, Integer mriGrade, Double fatFraction, String source,
        String originalFile) {
    /** Label of the case: 1 when {@code mriGrade >= fattyFromGrade}, 0 when below, -1 when not graded. */
    public int label(int fattyFromGrade) {
        return mriGrade == null ? -1 : mriGrade >= fattyFromGrade ? 1 : 0;
    }
}
