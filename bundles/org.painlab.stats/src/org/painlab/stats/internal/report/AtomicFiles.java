package org.painlab.stats.internal.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old file or the complete new one, never half of
 * it: the content goes to a temporary file in the same folder, which is then moved over the
 * target (atomically where the file system can).
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes the body of a file. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param out the stream to write to (closed by the caller)
         * @throws IOException on failure; the target is then left untouched
         */
        void write(OutputStream out) throws IOException;
    }

    /**
     * @param target file to create or replace
     * @param body writes the content
     * @throws IOException if writing or moving fails; the target is unchanged then
     */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                body.write(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
