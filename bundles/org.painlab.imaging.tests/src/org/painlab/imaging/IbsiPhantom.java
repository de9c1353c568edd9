package org.painlab.imaging;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The IBSI digital phantom and its reference values in the shared reference folder, found through
 * the system property {@code painlab.reference} (set by the build to ../shared/reference). A missing
 * property or folder fails the test and says what to set; it never skips.
 */
public final class IbsiPhantom {
    private IbsiPhantom() {
    }

    /** The folder holding Phantom.nrrd, phantom.nii.gz and reference_values.csv. */
    public static Path folder() {
        String ref = System.getProperty("painlab.reference");
        if (ref == null || ref.isBlank()) {
            throw new IllegalStateException("System property 'painlab.reference' is not set: run the tests with"
                    + " -Dpainlab.reference=/work/shared/reference (the folder holding ibsi/)");
        }
        Path dir = Path.of(ref, "ibsi");
        if (!Files.isRegularFile(dir.resolve("reference_values.csv"))) {
            throw new IllegalStateException("no ibsi/reference_values.csv under " + ref + " (from -Dpainlab.reference=" + ref + ")");
        }
        return dir;
    }
}
