package org.painlab.imaging.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;

/** {@code painlab imaging read|features} as a user runs them, through the contributed command tree. */
class ImagingCliTest {
    @TempDir
    Path tmp;

    private static Path phantom(String name) {
        String ref = System.getProperty("painlab.reference");
        if (ref == null) {
            throw new IllegalStateException("System property 'painlab.reference' is not set: run with -Dpainlab.reference=/work/shared/reference");
        }
        Path p = Path.of(ref, "ibsi", name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("missing " + p + " (from -Dpainlab.reference=" + ref + ")");
        }
        return p;
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void readDescribesTheNrrdPhantom() {
        Painlab.Result r = Painlab.run("imaging", "read", phantom("Phantom.nrrd").toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        assertEquals("nrrd", m.get("format"));
        assertEquals(List.of(5, 4, 4), m.get("dims"));
        assertEquals(List.of(2.0, 2.0, 2.0), m.get("spacing"));
        assertEquals("float32", m.get("type"));
        assertEquals("LPS", m.get("orientation"));
        assertEquals(1.0, num(m.get("min")));
        assertEquals(9.0, num(m.get("max")));
        assertEquals(80, ((Number) m.get("voxels")).intValue());
    }

    @Test
    void readGivesTheNiftiPhantomTheSameGeometry() {
        Map<String, Object> nrrd = Painlab.run("imaging", "read", phantom("Phantom.nrrd").toString(), "--json").json();
        Painlab.Result r = Painlab.run("imaging", "read", phantom("phantom.nii.gz").toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> nii = r.json();
        assertEquals("nifti1", nii.get("format"));
        assertEquals("int16", nii.get("type"));
        for (String key : List.of("dims", "spacing", "origin", "orientation", "min", "max")) {
            assertEquals(nrrd.get(key), nii.get(key), key);
        }
    }

    @Test
    void badVolumeIsExitOneNamingFileAndField() throws Exception {
        Path bad = tmp.resolve("cut.nrrd");
        Files.writeString(bad, "NRRD0004\ntype: short\ndimension: 3\nsizes: 4 4 4\nendian: little\nencoding: raw\n\n\1\2\3");
        Painlab.Result r = Painlab.run("imaging", "read", bad.toString(), "--json");
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("sizes") && r.err().contains("truncated"), r.err());
        Path dcm = tmp.resolve("scan.dcm");
        Files.writeString(dcm, "x");
        Painlab.Result unknown = Painlab.run("imaging", "read", dcm.toString());
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains(dcm.toString()), unknown.err());
    }

    @Test
    void missingArgumentIsUsageError() {
        assertEquals(2, Painlab.run("imaging", "read").exitCode());
        assertEquals(2, Painlab.run("imaging", "features", phantom("Phantom.nrrd").toString()).exitCode(), "--mask is required");
    }

    @SuppressWarnings("unchecked")
    @Test
    void featuresOfThePhantomCarryCodesAggregationAndSettings() {
        Painlab.Result r = Painlab.run("imaging", "features", phantom("Phantom.nrrd").toString(), "--mask",
                phantom("Phantom-label.nrrd").toString(), "--no-discretisation", "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        assertEquals(74, ((Number) m.get("roi_voxels")).intValue());
        Map<String, Object> settings = (Map<String, Object>) m.get("settings");
        assertEquals("none", ((Map<String, Object>) settings.get("discretisation")).get("method"));
        assertEquals(List.of("3d-averaged", "3d-merged"), settings.get("aggregations"));
        List<Map<String, Object>> features = (List<Map<String, Object>>) m.get("features");
        Map<String, Object> glnu = features.stream()
                .filter(f -> "rlm.glnu".equals(f.get("symbol")) && "IAZD".equals(f.get("aggregation_code"))).findFirst().orElseThrow();
        assertEquals("R5YN", glnu.get("ibsi_code"));
        assertEquals("rlm", glnu.get("family"));
        assertEquals("3D, merged", glnu.get("aggregation"));
        assertEquals(281, num(glnu.get("value")), 0.5, "IBSI consensus 281");
        Map<String, Object> vol = features.stream().filter(f -> "RNU0".equals(f.get("ibsi_code"))).findFirst().orElseThrow();
        assertEquals(556, num(vol.get("value")), 4, "IBSI mesh volume 556 +- 4");
        for (Map<String, Object> f : features) {
            assertTrue(f.keySet().containsAll(List.of("ibsi_code", "family", "name", "aggregation", "value")), f.toString());
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void aggregationOptionKeepsOnlyThatAggregation() {
        Painlab.Result r = Painlab.run("imaging", "features", phantom("phantom.nii.gz").toString(), "--mask", phantom("mask.nii.gz").toString(),
                "--no-discretisation", "--aggregation", "3d-averaged", "--json");
        assertEquals(0, r.exitCode(), r.err());
        List<Map<String, Object>> features = (List<Map<String, Object>>) r.json().get("features");
        assertTrue(features.stream().anyMatch(f -> "ITBB".equals(f.get("aggregation_code"))));
        assertFalse(features.stream().anyMatch(f -> "IAZD".equals(f.get("aggregation_code"))));
        Map<String, Object> glnu = features.stream()
                .filter(f -> "rlm.glnu".equals(f.get("symbol"))).findFirst().orElseThrow();
        assertEquals(21.8, num(glnu.get("value")), 0.05, "IBSI consensus 21.8 (3D averaged)");
    }

    @SuppressWarnings("unchecked")
    @Test
    void sliceAggregationsGiveTheIbsi2DAnd25DValues() {
        Painlab.Result r = Painlab.run("imaging", "features", phantom("Phantom.nrrd").toString(), "--mask",
                phantom("Phantom-label.nrrd").toString(), "--no-discretisation", "--aggregation", "2d,2.5d-merged", "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> settings = (Map<String, Object>) r.json().get("settings");
        assertEquals(List.of("2d-averaged", "2d-slice-merged", "2.5d-merged"), settings.get("aggregations"));
        List<Map<String, Object>> features = (List<Map<String, Object>>) r.json().get("features");
        assertFalse(features.stream().anyMatch(f -> "KOBO".equals(f.get("aggregation_code")) || "ITBB".equals(f.get("aggregation_code"))));
        // IBSI consensus (reference_values_all_aggregations.csv, 3 significant figures): GLRLM grey level
        // non-uniformity 2D averaged 5.20, 2.5D merged 77.1; GLSZM small zone emphasis 2D 0.363
        assertEquals(5.20, num(value(features, "rlm.glnu", "BTW3")), 0.005);
        assertEquals(77.1, num(value(features, "rlm.glnu", "ZW7Z")), 0.05);
        assertEquals(0.363, num(value(features, "szm.sze", "8QNN")), 0.0005);
    }

    private static Object value(List<Map<String, Object>> features, String symbol, String code) {
        return features.stream().filter(f -> symbol.equals(f.get("symbol")) && code.equals(f.get("aggregation_code"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + symbol + " " + code)).get("value");
    }

    @Test
    void badOptionsAreUsageErrors() {
        String img = phantom("Phantom.nrrd").toString();
        String mask = phantom("Phantom-label.nrrd").toString();
        assertEquals(2, Painlab.run("imaging", "features", img, "--mask", mask, "--aggregation", "4d").exitCode());
        assertEquals(2, Painlab.run("imaging", "features", img, "--mask", mask, "--bin-number", "8", "--bin-width", "2").exitCode());
        assertEquals(2, Painlab.run("imaging", "features", img, "--mask", mask, "--bin-number", "0").exitCode());
        assertEquals(2, Painlab.run("imaging", "features", img, "--mask", mask, "--bin-lower", "0").exitCode());
    }

    @Test
    void binnedFeaturesAndAMismatchedMask() throws Exception {
        String img = phantom("Phantom.nrrd").toString();
        Painlab.Result r = Painlab.run("imaging", "features", img, "--mask", phantom("Phantom-label.nrrd").toString(), "--bin-width", "2",
                "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(3, ((Number) r.json().get("grey_levels")).intValue(), "intensities 1..6 in bins of 2 from 1");
        Path small = tmp.resolve("small.nrrd");
        Files.writeString(small, "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 2 1 1\nencoding: ascii\n\n1 1\n");
        Painlab.Result bad = Painlab.run("imaging", "features", img, "--mask", small.toString(), "--json");
        assertEquals(1, bad.exitCode());
        assertEquals("", bad.out());
        assertTrue(bad.err().contains(small.toString()) && bad.err().contains("mask"), bad.err());
    }

    @SuppressWarnings("unchecked")
    @Test
    void pluginsListShowsTheReaderExtensionPoint() {
        Painlab.Result r = Painlab.run("plugins", "list", "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> points = (Map<String, Object>) r.json().get("points");
        List<Map<String, Object>> readers = (List<Map<String, Object>>) points.get("org.painlab.imaging.volumeReaders");
        assertTrue(readers != null && readers.stream().map(x -> x.get("id")).toList().containsAll(List.of("nrrd", "nifti1", "metaimage")),
                String.valueOf(points.keySet()));
    }
}
