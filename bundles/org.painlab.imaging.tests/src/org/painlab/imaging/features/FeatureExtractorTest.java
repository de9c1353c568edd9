package org.painlab.imaging.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;

/** Settings, discretisation, refusals and geometric features with values known in closed form. */
class FeatureExtractorTest {
    private final FeatureExtractor extractor = new FeatureExtractor();

    private static Volume volume(int nx, int ny, int nz, double spacing, java.util.function.IntToDoubleFunction f) {
        double[] v = new double[nx * ny * nz];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(i);
        }
        return Volume.builder(nx, ny, nz).spacing(spacing, spacing, spacing).data(v).build();
    }

    private static double value(FeatureSet fs, String symbol, String aggregationCode) {
        return fs.find(symbol, aggregationCode).orElseThrow(() -> new AssertionError("no " + symbol)).value();
    }

    @Test
    void fixedBinNumberSpreadsTheRoiRangeOverTheBins() throws Exception {
        Volume img = volume(4, 1, 1, 1, i -> new double[] {0, 10, 20, 30}[i]);
        Volume mask = volume(4, 1, 1, 1, i -> 1);
        FeatureSet fs = extractor.extract(img, mask, FeatureSettings.defaults().withDiscretisation(Discretisation.binNumber(3)));
        assertEquals(3, fs.greyLevels());
        // floor(3 (x - 0) / 30) + 1 = 1, 2, 3, and the maximum in bin 3: mean (1 + 2 + 3 + 3) / 4
        assertEquals(2.25, value(fs, "ih.mean", ""), 1e-12);
        assertEquals(15, value(fs, "stat.mean", ""), 1e-12);
        assertEquals(Discretisation.binNumber(3), fs.settings().discretisation());
    }

    @Test
    void fixedBinWidthCountsFromTheLowerBound() throws Exception {
        Volume img = volume(4, 1, 1, 1, i -> new double[] {-100, -75, -50, 0}[i]);
        Volume mask = volume(4, 1, 1, 1, i -> 1);
        FeatureSet fs = extractor.extract(img, mask, FeatureSettings.defaults().withDiscretisation(Discretisation.binWidth(25, -100)));
        // bins floor((x + 100) / 25) + 1 = 1, 2, 3, 5
        assertEquals(5, fs.greyLevels());
        assertEquals(5, value(fs, "ih.max", ""), 0);
        assertEquals("fixed-bin-width", fs.settings().describe().get("discretisation") instanceof java.util.Map<?, ?> m ? m.get("method") : null);
    }

    @Test
    void singleVoxelMeshIsTheOctahedronOfEdgeMidpoints() throws Exception {
        Volume img = volume(3, 3, 3, 2, i -> 5);
        Volume mask = volume(3, 3, 3, 2, i -> i == 13 ? 1 : 0);
        FeatureSet fs = extractor.extract(img, mask, FeatureSettings.defaults());
        // vertices at half a voxel (1 mm) from the centre along the axes: volume 4/3 r^3, area 4 sqrt(3) r^2
        assertEquals(4.0 / 3.0, value(fs, "morph.vol", ""), 1e-12);
        assertEquals(4 * Math.sqrt(3), value(fs, "morph.area", ""), 1e-12);
        assertEquals(8, value(fs, "morph.approx.vol", ""), 1e-12);
        assertEquals(1, fs.roiVoxels());
    }

    @Test
    void boxMeshHasChamferedEdgesAndCorners() throws Exception {
        Volume img = volume(6, 5, 4, 1, i -> 1 + i % 3);
        Volume mask = volume(6, 5, 4, 1, i -> 1);
        FeatureSet fs = extractor.extract(img, mask, FeatureSettings.defaults());
        // a x b x c voxels: interior cubes 1, face cubes 1/2, edge cubes 1/8, corner cubes 1/48
        int a = 6;
        int b = 5;
        int c = 4;
        double expected = (a - 1) * (b - 1) * (c - 1) + 0.5 * 2 * ((a - 1) * (b - 1) + (a - 1) * (c - 1) + (b - 1) * (c - 1))
                + 0.125 * 4 * ((a - 1) + (b - 1) + (c - 1)) + 8.0 / 48;
        assertEquals(expected, value(fs, "morph.vol", ""), 1e-9);
        assertEquals(1.0, value(fs, "morph.v.dens.conv.hull", ""), 1e-9, "a box is convex");
        double diameter = value(fs, "morph.diam", "");
        assertTrue(diameter > Math.sqrt(5 * 5 + 4 * 4 + 3 * 3) && diameter < Math.sqrt(6 * 6 + 5 * 5 + 4 * 4),
                "between the diagonals of the voxel centres and of the voxel faces: " + diameter);
    }

    @Test
    void aCavityCountsAsTheIbsiConsensusDoes() throws Exception {
        Volume img = volume(3, 3, 3, 1, i -> 1);
        Volume full = volume(3, 3, 3, 1, i -> 1);
        Volume hollow = volume(3, 3, 3, 1, i -> i == 13 ? 0 : 1);
        double vFull = value(extractor.extract(img, full, FeatureSettings.defaults()), "morph.vol", "");
        double vHollow = value(extractor.extract(img, hollow, FeatureSettings.defaults()), "morph.vol", "");
        // the cavity's own closed surface (an octahedron of 1/6 voxel) is added, not subtracted
        assertEquals(vFull + 1.0 / 6, vHollow, 1e-9);
    }

    @Test
    void onlyTheChosenAggregationIsComputed() throws Exception {
        Volume img = volume(4, 4, 4, 1, i -> 1 + i % 4);
        Volume mask = volume(4, 4, 4, 1, i -> 1);
        FeatureSet fs = extractor.extract(img, mask, FeatureSettings.defaults().withAggregations(Set.of(TextureAggregation.MERGED_3D)));
        assertTrue(fs.find("cm.joint.max", "IAZD").isPresent());
        assertTrue(fs.find("cm.joint.max", "ITBB").isEmpty());
        assertTrue(fs.find("rlm.sre", "ITBB").isEmpty());
        assertTrue(fs.find("szm.sze", "KOBO").isPresent(), "zone matrices have one 3D aggregation");
        assertEquals("5QRC", fs.find("szm.sze", "KOBO").orElseThrow().ibsiCode());
    }

    @Test
    void moranAndGearyAreSkippedAboveTheLimitAndSaidSo() throws Exception {
        Volume img = volume(5, 5, 5, 1, i -> i % 7);
        Volume mask = volume(5, 5, 5, 1, i -> 1);
        FeatureSet fs = extractor.extract(img, mask, FeatureSettings.defaults().withMoranMaxVoxels(100));
        assertTrue(fs.find("morph.moran.i", "").isEmpty());
        assertTrue(fs.skipped().get("morph.moran.i").contains("125"), fs.skipped().toString());
        assertTrue(extractor.extract(img, mask, FeatureSettings.defaults()).find("morph.moran.i", "").isPresent());
    }

    @Test
    void refusalsNameTheField() {
        Volume img = volume(3, 3, 3, 1, i -> 1.5);
        ImagingException e = assertThrows(ImagingException.class,
                () -> extractor.extract(img, volume(3, 3, 2, 1, i -> 1), FeatureSettings.defaults()));
        assertEquals("mask", e.field());
        e = assertThrows(ImagingException.class, () -> extractor.extract(img, volume(3, 3, 3, 1, i -> 0), FeatureSettings.defaults()));
        assertEquals("mask", e.field());
        e = assertThrows(ImagingException.class, () -> extractor.extract(img, volume(3, 3, 3, 1, i -> 1),
                FeatureSettings.defaults().withDiscretisation(Discretisation.none())));
        assertEquals("discretisation", e.field());
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Discretisation.binNumber(0));
        assertThrows(IllegalArgumentException.class, () -> Discretisation.binWidth(-1));
        assertThrows(IllegalArgumentException.class, () -> FeatureSettings.defaults().withAggregations(EnumSet.noneOf(TextureAggregation.class)));
    }

    @Test
    void aggregationListsReadIdsAndGroups() {
        assertEquals(EnumSet.of(TextureAggregation.AVERAGED_3D, TextureAggregation.MERGED_3D), TextureAggregation.parse("3d"));
        assertEquals(FeatureSettings.defaults().aggregations(), TextureAggregation.parse("3d-averaged, 3d-merged"));
        assertEquals(EnumSet.of(TextureAggregation.AVERAGED_2D, TextureAggregation.SLICE_MERGED_2D, TextureAggregation.MERGED_2_5D),
                TextureAggregation.parse("2d,2.5D-merged"));
        assertEquals(EnumSet.allOf(TextureAggregation.class), TextureAggregation.parse("all"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextureAggregation.parse("3d,4d"));
        assertTrue(e.getMessage().contains("'4d'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TextureAggregation.parse(" , "));
    }

    @Test
    void oneSliceGivesThe3DValuesWhereIbsiDefinitionsCoincide() throws Exception {
        // one axial slice: 3D GLCM directions leaving the slice see no pair, 26-connected zones are 8-connected
        // in plane, the 26 neighbours are the 8 in-plane ones; so these 2D/2.5D values must equal the 3D ones
        java.util.Random r = new java.util.Random(11);
        Volume img = volume(9, 7, 1, 1, i -> 1 + r.nextInt(4));
        Volume mask = volume(9, 7, 1, 1, i -> i % 5 == 0 ? 0 : 1);
        FeatureSet fs = extractor.extract(img, mask, FeatureSettings.defaults().withDiscretisation(Discretisation.none())
                .withAggregations(EnumSet.allOf(TextureAggregation.class)));
        int compared = 0;
        for (Feature f : fs.features()) {
            String same = switch (f.aggregationCode()) {
                case "BTW3", "JJUI" -> f.family().equals("cm") ? "ITBB" : null;
                case "SUJT", "ZW7Z" -> f.family().equals("cm") ? "IAZD" : null;
                case "8QNN", "62GR" -> f.family().equals("dzm") ? null : "KOBO";
                default -> null;
            };
            if (same != null) {
                assertEquals(value(fs, f.symbol(), same), f.value(), 1e-12 * Math.max(1, Math.abs(f.value())), f.symbol() + " " + f.aggregationCode());
                compared++;
            }
        }
        assertEquals(4 * 25 + 2 * (16 + 5 + 17), compared);
    }

    @Test
    void sliceAggregationsLeaveOutEmptySlicesAndMatricesWithoutPairs() throws Exception {
        // three slices: a full one, an empty one, and one holding a single voxel (no in-plane pair)
        Volume img = volume(4, 4, 3, 1, i -> 1 + (i % 3));
        Volume mask = volume(4, 4, 3, 1, i -> i < 16 || i == 40 ? 1 : 0);
        FeatureSet all = extractor.extract(img, mask, FeatureSettings.defaults().withDiscretisation(Discretisation.none())
                .withAggregations(EnumSet.allOf(TextureAggregation.class)));
        Volume first = volume(4, 4, 1, 1, i -> 1 + (i % 3));
        FeatureSet alone = extractor.extract(first, volume(4, 4, 1, 1, i -> 1), FeatureSettings.defaults()
                .withDiscretisation(Discretisation.none()).withAggregations(EnumSet.allOf(TextureAggregation.class)));
        // GLCM 2D: the lone voxel's slice has no pair, so only the full slice is averaged
        assertEquals(value(alone, "cm.contrast", "BTW3"), value(all, "cm.contrast", "BTW3"), 1e-12);
        assertEquals(value(alone, "cm.contrast", "SUJT"), value(all, "cm.contrast", "SUJT"), 1e-12);
        // zones 2D: both slices with voxels count; the lone voxel is one zone of size 1 (emphasis 1)
        assertEquals((value(alone, "szm.sze", "8QNN") + 1) / 2, value(all, "szm.sze", "8QNN"), 1e-12);
        assertTrue(all.skipped().isEmpty(), all.skipped().toString());
    }
}
