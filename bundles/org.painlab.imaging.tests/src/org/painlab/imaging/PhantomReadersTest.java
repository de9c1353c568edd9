package org.painlab.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The IBSI phantom as NRRD (float, ascii, spacings only) and as official NIfTI-1 (int16, gzip,
 * sform/qform with x and y flipped): read through the extension point, both give the same voxels
 * and the same LPS geometry.
 */
class PhantomReadersTest {
    private final VolumeReaders readers = new VolumeReaders();

    @Test
    void nrrdAndNiftiPhantomsAreIdentical() throws Exception {
        Path dir = IbsiPhantom.folder();
        check(readers.read(dir.resolve("Phantom.nrrd")), readers.read(dir.resolve("phantom.nii.gz")), VoxelType.FLOAT32, 1, 9);
        check(readers.read(dir.resolve("Phantom-label.nrrd")), readers.read(dir.resolve("mask.nii.gz")), VoxelType.UINT8, 0, 1);
    }

    private static void check(Volume nrrd, Volume nifti, VoxelType nrrdType, double min, double max) {
        assertArrayEquals(new int[] {5, 4, 4}, nrrd.dims());
        assertArrayEquals(nrrd.dims(), nifti.dims());
        assertArrayEquals(new double[] {2, 2, 2}, nrrd.spacing(), 0);
        assertArrayEquals(nrrd.spacing(), nifti.spacing(), 1e-6);
        assertArrayEquals(nrrd.origin(), nifti.origin(), 1e-6);
        assertArrayEquals(nrrd.direction(), nifti.direction(), 1e-6);
        assertTrue(nrrd.sameGeometry(nifti));
        assertEquals(nrrdType, nrrd.type());
        assertEquals(VoxelType.INT16, nifti.type());
        for (int i = 0; i < nrrd.voxelCount(); i++) {
            assertEquals(nrrd.value(i), nifti.value(i), 0, "voxel " + i);
        }
        assertEquals(min, nrrd.min());
        assertEquals(max, nrrd.max());
        assertEquals(min, nifti.min());
        assertEquals(max, nifti.max());
    }

    @Test
    void firstRowOfThePhantomIsWhereTheNrrdSaysItIs() throws Exception {
        Volume v = readers.read(IbsiPhantom.folder().resolve("Phantom.nrrd"));
        // first ascii line: 1 4 4 1 1 (x fastest), third slice's third row: 1 1 9 1 1
        assertArrayEquals(new double[] {1, 4, 4, 1, 1}, new double[] {v.value(0, 0, 0), v.value(1, 0, 0), v.value(2, 0, 0),
            v.value(3, 0, 0), v.value(4, 0, 0)});
        assertEquals(9, v.value(2, 2, 2));
    }
}
