package org.painlab.imaging.ui.internal.views;

import java.util.Locale;

/**
 * A row of the Volumes list: one image of a subject at a side and level, with what the list shows of it.
 *
 * @param id the volume's number in the study
 * @param subject the subject's pseudonymous id
 * @param side left or right
 * @param level the spinal level (e.g. L4-L5)
 * @param dims voxels along x, y, z
 * @param spacing voxel size in mm
 * @param grade the MRI grade (0..3) or null when not graded
 * @param hasMask whether a mask is stored with it
 */
public record VolumeEntry(long id, String subject, String side, String level, int[] dims, double[] spacing,
        Integer grade, boolean hasMask) {

    public String dimsText() {
        return dims[0] + " x " + dims[1] + " x " + dims[2];
    }

    public String spacingText() {
        return String.format(Locale.ROOT, "%.3g x %.3g x %.3g", spacing[0], spacing[1], spacing[2]);
    }

    /** A title for the viewer and the feature table. */
    public String title() {
        return subject + " " + side + " " + level + " (volume " + id + ")";
    }
}
