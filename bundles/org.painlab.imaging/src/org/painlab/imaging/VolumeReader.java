package org.painlab.imaging;

import java.nio.file.Path;

/**
 * Reads one 3D image file format into a {@link Volume}; contributed through the extension point
 * {@code org.painlab.imaging.volumeReaders}. Implementations are stateless: one instance may read
 * several files, also at the same time.
 *
 * @since 0.1
 */
public interface VolumeReader {
    /**
     * Reads {@code file} completely.
     *
     * @throws ImagingException when the file cannot be read or its header does not match its data;
     *         the message names the file and the header field. Never returns a partly read volume.
     */
    Volume read(Path file) throws ImagingException;
}
