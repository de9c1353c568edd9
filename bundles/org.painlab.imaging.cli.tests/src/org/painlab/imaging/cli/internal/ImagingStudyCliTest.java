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

/** {@code painlab imaging synth|import|extract|volumes} and {@code study info} on a small simulated study. */
class ImagingStudyCliTest {
    @TempDir
    Path tmp;

    private static int num(Object o) {
        return ((Number) o).intValue();
    }

    @Test
    void synthCreatesAStudyThenAddsToIt() {
        Path dir = tmp.resolve("us");
        Painlab.Result r = Painlab.run("imaging", "synth", dir.toString(), "--patients", "2", "--seed", "9", "--size", "16x32x6", "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        assertEquals(true, m.get("created"));
        assertEquals(16, num(m.get("volumes")));
        assertEquals(List.of("US001", "US002"), m.get("subjects"));
        assertEquals(List.of(16, 32, 6), m.get("size"));
        Map<?, ?> grades = (Map<?, ?>) m.get("mri_grades");
        assertEquals(16, grades.values().stream().mapToInt(v -> ((Number) v).intValue()).sum());
        assertTrue(Files.isRegularFile(dir.resolve("files/imaging/US001/left-L4-L5.nrrd")));
        assertTrue(Files.isRegularFile(dir.resolve("files/imaging/US001/left-L4-L5-mask.nrrd")));

        Painlab.Result more = Painlab.run("imaging", "synth", dir.toString(), "--patients", "1", "--seed", "10", "--size", "16x32x6", "--json");
        assertEquals(0, more.exitCode(), more.err());
        assertEquals(false, more.json().get("created"));
        assertEquals(List.of("US003"), more.json().get("subjects"));

        Map<String, Object> info = Painlab.run("study", "info", dir.toString(), "--json").json();
        assertEquals(24, num(info.get("volumes")));
        assertEquals(24, num(info.get("masks")));
        assertEquals(3, num(info.get("imaging_subjects")));

        Painlab.Result list = Painlab.run("imaging", "volumes", dir.toString(), "--subject", "US003", "--json");
        assertEquals(0, list.exitCode(), list.err());
        List<?> vols = (List<?>) list.json().get("volumes");
        assertEquals(8, vols.size());
        assertEquals("simulated", ((Map<?, ?>) vols.get(0)).get("source"));
    }

    @Test
    void extractStoresTheFeaturesAsAResult() {
        Path dir = tmp.resolve("us");
        assertEquals(0, Painlab.run("imaging", "synth", dir.toString(), "--patients", "1", "--seed", "9", "--size", "16x32x6").exitCode());
        Painlab.Result r = Painlab.run("imaging", "extract", dir.toString(), "--bin-number", "16", "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        assertEquals("org.painlab.imaging.volumeFeatures", m.get("analysis"));
        assertEquals(8, num(m.get("volumes")));
        assertEquals(208, num(m.get("features_per_volume")));
        assertEquals(Map.of("discretisation", "bin-number:16"), m.get("parameters"));
        Map<String, Object> results = Painlab.run("study", "results", dir.toString(), "--json").json();
        assertFalse(results.isEmpty());
        Painlab.Result check = Painlab.run("study", "results", dir.toString(), "--check", m.get("id").toString(), "--json");
        assertEquals(0, check.exitCode(), check.err());
        assertTrue(check.out().contains("true"), check.out());
    }

    @Test
    void importAddsAVolumeOfASubjectAndRefusesBadInput() throws Exception {
        Path dir = tmp.resolve("us");
        assertEquals(0, Painlab.run("imaging", "synth", dir.toString(), "--patients", "1", "--size", "16x32x6").exitCode());
        Path image = dir.resolve("files/imaging/US001/left-L2-L3.nrrd");
        Path mask = dir.resolve("files/imaging/US001/left-L2-L3-mask.nrrd");
        Path copy = tmp.resolve("scan.nrrd");
        Files.copy(image, copy);
        Painlab.Result r = Painlab.run("imaging", "import", dir.toString(), copy.toString(), "--subject", "P-17", "--side", "right",
                "--level", "L4-L5", "--mask", mask.toString(), "--grade", "3", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("P-17", r.json().get("subject"));
        assertEquals("imported", r.json().get("source"));
        assertEquals(3, num(r.json().get("mri_grade")));

        Painlab.Result badSide = Painlab.run("imaging", "import", dir.toString(), copy.toString(), "--subject", "P-17", "--side", "up",
                "--level", "L4-L5");
        assertEquals(2, badSide.exitCode());
        assertTrue(badSide.err().contains("--side"), badSide.err());

        Path cut = tmp.resolve("cut.nrrd");
        byte[] bytes = Files.readAllBytes(copy);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        Painlab.Result bad = Painlab.run("imaging", "import", dir.toString(), cut.toString(), "--subject", "P-18", "--side", "left",
                "--level", "L4-L5");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains(cut.toString()), bad.err());
        assertEquals(9, num(Painlab.run("study", "info", dir.toString(), "--json").json().get("volumes")));
    }
}
