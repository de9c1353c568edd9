package org.painlab.imaging.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.painlab.imaging.IbsiPhantom;
import org.painlab.imaging.Volume;
import org.painlab.imaging.VolumeReaders;

/**
 * The IBSI digital phantom's consensus values (../shared/reference/ibsi, found through
 * -Dpainlab.reference) against our features, under the phantom's rules: no discretisation, GLCM
 * symmetric at distance 1, NGTDM/NGLDM distance 1, alpha 0; 2D and 2.5D by axial slice. Prints how many
 * rows match per family;
 * fails on any computed feature that does not match; lists reference rows we do not compute.
 */
class IbsiReferenceTest {
    private static final FeatureSettings PHANTOM = FeatureSettings.defaults().withDiscretisation(Discretisation.none())
            .withAggregations(EnumSet.allOf(TextureAggregation.class));

    private static FeatureSet phantomFeatures(String image, String mask) throws Exception {
        VolumeReaders readers = new VolumeReaders();
        Path dir = IbsiPhantom.folder();
        Volume img = readers.read(dir.resolve(image));
        Volume msk = readers.read(dir.resolve(mask));
        return new FeatureExtractor().extract(img, msk, PHANTOM);
    }

    /** Compares and reports; returns the number of matching rows. */
    private static int compare(String csv, FeatureSet fs) throws Exception {
        List<ReferenceRow> rows = ReferenceRow.read(IbsiPhantom.folder().resolve(csv));
        Map<String, Feature> byKey = new TreeMap<>();
        for (Feature f : fs.features()) {
            byKey.put(f.symbol() + "|" + f.aggregationCode(), f);
        }
        Map<String, int[]> perFamily = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        List<String> notComputed = new ArrayList<>();
        int matched = 0;
        for (ReferenceRow r : rows) {
            int[] counts = perFamily.computeIfAbsent(r.family(), k -> new int[3]);
            counts[2]++;
            Feature f = byKey.get(r.key());
            if (f == null) {
                notComputed.add(r.symbol() + " [" + r.aggregation() + "]");
                continue;
            }
            counts[1]++;
            if (r.matches(f.value())) {
                counts[0]++;
                matched++;
            } else {
                mismatches.add(r.symbol() + " [" + r.aggregation() + "] line " + r.line() + ": reference " + r.value() + " (tolerance "
                        + r.tolerance() + "), computed " + f.value());
            }
            if (!r.code().isEmpty()) {
                assertEquals(r.code(), f.ibsiCode(), "IBSI code of " + r.symbol());
            }
        }
        StringBuilder report = new StringBuilder("IBSI phantom, " + csv + ": " + matched + " of " + rows.size() + " rows match\n");
        perFamily.forEach((fam, c) -> report.append(String.format("  %-6s %3d of %3d match (%d computed)%n", fam, c[0], c[2], c[1])));
        report.append("  not computed (" + notComputed.size() + "): " + summarize(notComputed) + "\n");
        System.out.print(report);
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " computed features differ from the IBSI consensus:\n  " + String.join("\n  ", mismatches));
        }
        return matched;
    }

    private static String summarize(List<String> items) {
        return items.size() <= 12 ? items.toString() : items.subList(0, 12) + " ... and " + (items.size() - 12) + " more";
    }

    @Test
    void everyComputedFeatureMatchesTheConsensusOf210Rows() throws Exception {
        int matched = compare("reference_values.csv", phantomFeatures("Phantom.nrrd", "Phantom-label.nrrd"));
        assertEquals(210, matched, "all 210 rows of the 3D table are computed and match");
    }

    @Test
    void allAggregationsTableMatchesIn3D2DAnd25D() throws Exception {
        int matched = compare("reference_values_all_aggregations.csv", phantomFeatures("Phantom.nrrd", "Phantom-label.nrrd"));
        assertEquals(482, matched, "every row of the full table (3D, 2D and 2.5D aggregations) is computed and matches");
    }

    @Test
    void eachAggregationAloneGivesOnlyItsOwnTextureFeatures() throws Exception {
        VolumeReaders readers = new VolumeReaders();
        Volume img = readers.read(IbsiPhantom.folder().resolve("Phantom.nrrd"));
        Volume msk = readers.read(IbsiPhantom.folder().resolve("Phantom-label.nrrd"));
        FeatureSet all = new FeatureExtractor().extract(img, msk, PHANTOM);
        for (TextureAggregation a : TextureAggregation.values()) {
            FeatureSet alone = new FeatureExtractor().extract(img, msk, PHANTOM.withAggregations(EnumSet.of(a)));
            java.util.Set<String> codes = new java.util.TreeSet<>();
            for (Feature f : alone.features()) {
                codes.add(f.aggregationCode());
                // the same value as when computed together with every other aggregation
                assertEquals(all.find(f.symbol(), f.aggregationCode()).orElseThrow().value(), f.value(), 0.0, f.symbol());
            }
            assertEquals(new java.util.TreeSet<>(java.util.List.of("", a.code(), a.dimension().code())), codes, a.id());
            assertEquals(25 + 2 + 18 + 23 + 6 + 25 + 16 + 16 + 16 + 5 + 17, alone.features().size(), a.id());
        }
    }

    @Test
    void niftiPhantomGivesTheSameFeatures() throws Exception {
        FeatureSet nrrd = phantomFeatures("Phantom.nrrd", "Phantom-label.nrrd");
        FeatureSet nifti = phantomFeatures("phantom.nii.gz", "mask.nii.gz");
        assertEquals(nrrd.features().size(), nifti.features().size());
        for (int i = 0; i < nrrd.features().size(); i++) {
            Feature a = nrrd.features().get(i);
            Feature b = nifti.features().get(i);
            assertEquals(a.symbol() + a.aggregationCode(), b.symbol() + b.aggregationCode());
            assertEquals(a.value(), b.value(), 1e-9 * Math.max(1, Math.abs(a.value())), a.symbol());
        }
        assertEquals(74, nifti.roiVoxels());
        assertEquals(6, nifti.greyLevels());
    }
}
