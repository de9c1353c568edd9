package org.painlab.imaging.synth;

import org.painlab.imaging.ScanSite;

/**
 * One volume of a simulated study before it is simulated: whose it is, where, its true fat fraction, the
 * MRI grade a reader gave it and the scan condition that {@link UltrasoundSimulator} turns into voxels.
 *
 * @param patient     patient number, from 1
 * @param site        side and level
 * @param fatFraction true fat fraction (what the image shows)
 * @param mriGrade    MRI grade 0..3 (what the label says: the fat fraction read with noise)
 * @param condition   the scan condition
 * @since 0.1
 */
public record PlannedScan(int patient, ScanSite site, double fatFraction, int mriGrade, ScanCondition condition) {
}
