package org.painlab.imaging.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.painlab.imaging.Volume;
import org.painlab.imaging.features.previous.PreviousExtractor;

/**
 * The optimised extractor (padded neighbour look-ups, families on both cores, hull pre-filter,
 * local intensity in strips) against the frozen previous one: the same features in the same order,
 * each value equal to within 1e-12 relative; most are bit-identical, and the test says how many.
 */
class ExtractorEquivalenceTest {
    private static final double RELATIVE = 1e-12;

    @Test
    void benchVolumeGivesThePreviousValues() throws Exception {
        assertSame(IbsiSpeedBench.image(7), IbsiSpeedBench.mask(8), IbsiSpeedBench.settings());
    }

    @Test
    void randomVolumesGiveThePreviousValuesUnderEverySetting() throws Exception {
        Random r = new Random(20261202L);
        for (int k = 0; k < 6; k++) {
            int nx = 3 + r.nextInt(20);
            int ny = 3 + r.nextInt(20);
            int nz = 1 + r.nextInt(15);
            double[] img = new double[nx * ny * nz];
            double[] mask = new double[img.length];
            for (int i = 0; i < img.length; i++) {
                img[i] = k % 2 == 0 ? 1 + r.nextInt(6) : 50 + 30 * r.nextGaussian();
                mask[i] = r.nextDouble() < 0.7 ? 1 : 0;
            }
            mask[r.nextInt(mask.length)] = 1;
            if (k == 3) {
                // non-finite intensities leave the ROI and the local intensity spheres: the counted path
                for (int i = 0; i < img.length; i += 7) {
                    img[i] = i % 2 == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
                }
            }
            double sx = 0.5 + r.nextDouble();
            Volume image = Volume.builder(nx, ny, nz).spacing(sx, 0.8, 1.7).data(img).build();
            Volume roi = Volume.builder(nx, ny, nz).spacing(sx, 0.8, 1.7).data(mask).build();
            FeatureSettings s = FeatureSettings.defaults();
            s = s.withMoranMaxVoxels(k == 5 ? 10 : 20_000);
            if (k % 2 == 0) {
                s = s.withDiscretisation(k == 2 ? Discretisation.none() : Discretisation.binWidth(1.5));
            }
            if (k == 4) {
                s = s.withAggregations(Set.of(TextureAggregation.AVERAGED_3D));
            }
            assertSame(image, roi, s);
        }
    }

    private static void assertSame(Volume image, Volume mask, FeatureSettings s) throws Exception {
        FeatureSet now = new FeatureExtractor().extract(image, mask, s);
        FeatureSet before = new PreviousExtractor().extract(image, mask, s);
        assertEquals(before.skipped(), now.skipped());
        assertEquals(before.roiVoxels(), now.roiVoxels());
        assertEquals(before.greyLevels(), now.greyLevels());
        List<Feature> a = before.features();
        List<Feature> b = now.features();
        assertEquals(a.size(), b.size());
        int identical = 0;
        for (int i = 0; i < a.size(); i++) {
            Feature x = a.get(i);
            Feature y = b.get(i);
            assertEquals(x.symbol() + " " + x.aggregationCode(), y.symbol() + " " + y.aggregationCode(), "order of feature " + i);
            if (Double.doubleToLongBits(x.value()) == Double.doubleToLongBits(y.value())) {
                identical++;
            } else {
                double tol = RELATIVE * Math.max(Math.abs(x.value()), Math.abs(y.value()));
                assertTrue(Math.abs(x.value() - y.value()) <= tol, x.symbol() + " " + x.aggregationCode() + ": previous " + x.value()
                        + ", now " + y.value());
            }
        }
        System.out.printf("equivalence: %d features, %d bit-identical, the rest within %.0e relative%n", a.size(), identical, RELATIVE);
    }
}
