package org.painlab.imaging;

import java.nio.file.Path;

/** A contributed reader with a bug (contributed by the test fragment): it throws an unchecked exception. */
public final class ThrowingReader implements VolumeReader {
    @Override
    public Volume read(Path file) {
        throw new IllegalStateException("bug in a contributed reader");
    }
}
