package org.painlab.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extension point as the running platform sees it: built-ins contributed in plugin.xml, broken contributions skipped. */
class VolumeReadersTest {
    @TempDir
    Path tmp;

    private final VolumeReaders readers = new VolumeReaders();

    @Test
    void builtInsAreContributedThroughTheExtensionPoint() {
        List<VolumeReaders.ReaderInfo> list = readers.list();
        List<String> ids = list.stream().map(VolumeReaders.ReaderInfo::id).toList();
        assertTrue(ids.containsAll(List.of("nrrd", "nifti1", "metaimage")), ids.toString());
        for (VolumeReaders.ReaderInfo r : list) {
            if (List.of("nrrd", "nifti1", "metaimage").contains(r.id())) {
                assertEquals("org.painlab.imaging", r.contributor());
            }
        }
        assertEquals(List.of(".nii", ".nii.gz"), list.stream().filter(r -> r.id().equals("nifti1")).findFirst().orElseThrow().extensions());
    }

    @Test
    void theLongestEndingPicksTheReader() {
        assertEquals("nifti1", readers.formatOf(Path.of("a/b/brain.NII.GZ")));
        assertEquals("nrrd", readers.formatOf(Path.of("x.nhdr")));
        assertEquals("metaimage", readers.formatOf(Path.of("x.mhd")));
        assertEquals(null, readers.formatOf(Path.of("x.dcm")));
    }

    @Test
    void contributionsWithoutOrWithAMissingClassAreSkipped() throws Exception {
        List<String> ids = readers.list().stream().map(VolumeReaders.ReaderInfo::id).toList();
        assertTrue(!ids.contains("org.painlab.imaging.tests.noClass"), "a reader without class is refused: " + ids);
        Path p = tmp.resolve("x.badclass");
        Files.writeString(p, "x");
        ImagingException e = assertThrows(ImagingException.class, () -> readers.read(p));
        assertTrue(e.getMessage().contains("cannot be created") && e.getMessage().contains(p.toString()), e.getMessage());
        // the built-ins still work
        assertEquals(9, readers.read(IbsiPhantom.folder().resolve("Phantom.nrrd")).max());
    }

    @Test
    void aReaderThatThrowsIsReportedAgainstTheFileAndCannotTakeOverABuiltInEnding() throws Exception {
        Path p = tmp.resolve("x.throws");
        Files.writeString(p, "x");
        ImagingException e = assertThrows(ImagingException.class, () -> readers.read(p));
        assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("org.painlab.imaging.tests.throwing")
                && e.getMessage().contains("failed"), e.getMessage());
        assertEquals("nrrd", readers.formatOf(Path.of("a.nrrd")), "the built-in keeps .nrrd");
        assertEquals(9, readers.read(IbsiPhantom.folder().resolve("Phantom.nrrd")).max());
    }

    @Test
    void unknownEndingAndMissingFileNameTheFile() throws Exception {
        Path p = tmp.resolve("scan.dcm");
        Files.writeString(p, "x");
        ImagingException e = assertThrows(ImagingException.class, () -> readers.read(p));
        assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains(".nrrd"), e.getMessage());
        Path gone = tmp.resolve("gone.nrrd");
        e = assertThrows(ImagingException.class, () -> readers.read(gone));
        assertTrue(e.getMessage().contains(gone.toString()) && e.getMessage().contains("no such file"), e.getMessage());
    }
}
