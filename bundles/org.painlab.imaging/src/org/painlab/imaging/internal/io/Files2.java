package org.painlab.imaging.internal.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;

/** Reads a whole file, refusing one too large to hold a volume of at most {@link Volume#MAX_VOXELS} doubles. */
final class Files2 {
    private Files2() {
    }

    static byte[] readAll(Path file) throws ImagingException {
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 8) {
                throw new ImagingException(file, null, "file larger than 2 GiB is not supported");
            }
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ImagingException(file, null, "no such file", e);
        } catch (IOException e) {
            throw new ImagingException(file, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The data file a header names, next to the header (or where an absolute name points). A name the file
     * system cannot take (a NUL byte, an invalid character) is the header's fault, not a crash.
     */
    static Path dataFile(Path header, String field, String name) throws ImagingException {
        try {
            return header.toAbsolutePath().getParent().resolve(name);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ImagingException(header, field, "'" + name.replaceAll("[^\\x20-\\x7e]", "?")
                    + "' is not a usable file name (" + e.getReason() + ")", e);
        }
    }
}
