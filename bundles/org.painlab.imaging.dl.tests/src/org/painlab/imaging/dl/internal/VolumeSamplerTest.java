package org.painlab.imaging.dl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.painlab.imaging.Volume;

class VolumeSamplerTest {

    @Test
    void sameSizeKeepsTheVoxelsAndNormalises() {
        float[] data = new float[8];
        for (int i = 0; i < 8; i++) {
            data[i] = 100 + 10 * i;
        }
        float[] cube = new VolumeSampler(2).sample(Volume.builder(2, 2, 2).data(data).build(), null);
        // mean 135, population sd = 10 * sqrt(5.25)
        double sd = 10 * Math.sqrt(5.25);
        for (int i = 0; i < 8; i++) {
            assertEquals((100 + 10 * i - 135) / sd, cube[i], 1e-6, "voxel " + i);
        }
    }

    @Test
    void halvingAveragesEachTwoByTwoByTwoBlock() {
        // 4^3 volume whose 2x2x2 blocks are constant: the 2^3 result holds the block values (then normalised)
        float[] data = new float[64];
        for (int z = 0; z < 4; z++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    data[x + 4 * (y + 4 * z)] = (x / 2) + 2 * (y / 2) + 4 * (z / 2);
                }
            }
        }
        float[] cube = new VolumeSampler(2).sample(Volume.builder(4, 4, 4).data(data).build(), null);
        double sd = Math.sqrt(5.25);
        for (int i = 0; i < 8; i++) {
            assertEquals((i - 3.5) / sd, cube[i], 1e-6, "block " + i);
        }
    }

    @Test
    void maskCropsToItsBox() {
        float[] data = new float[64];
        float[] mask = new float[64];
        for (int i = 0; i < 64; i++) {
            data[i] = 1000; // outside the mask: must not count
        }
        int[][] inside = {{1, 1, 1}, {2, 1, 1}, {1, 2, 1}, {2, 2, 1}, {1, 1, 2}, {2, 1, 2}, {1, 2, 2}, {2, 2, 2}};
        for (int k = 0; k < inside.length; k++) {
            int i = inside[k][0] + 4 * (inside[k][1] + 4 * inside[k][2]);
            data[i] = k;
            mask[i] = 1;
        }
        float[] cube = new VolumeSampler(2).sample(Volume.builder(4, 4, 4).data(data).build(),
                Volume.builder(4, 4, 4).data(mask).build());
        double sd = Math.sqrt(5.25);
        float[] expected = new float[8];
        for (int k = 0; k < 8; k++) {
            expected[k] = (float) ((k - 3.5) / sd);
        }
        assertArrayEquals(expected, cube, 1e-6f);
    }

    @Test
    void constantVolumeGivesZerosAndMismatchedMaskIsRefused() {
        float[] cube = new VolumeSampler(3).sample(Volume.builder(5, 5, 5).data(new float[125]).build(), null);
        assertArrayEquals(new float[27], cube);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VolumeSampler(2).sample(Volume.builder(4, 4, 4).data(new float[64]).build(),
                        Volume.builder(2, 2, 2).data(new float[8]).build()));
        assertEquals("mask dims 2 x 2 x 2 differ from volume dims 4 x 4 x 4", e.getMessage());
    }
}
