package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file through a temporary file beside it and an atomic move, so a reader never sees half a file. */
public final class AtomicFile {
    /** Writes content to a temporary path. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @param tmp the temporary file to write
         * @throws IOException when writing fails
         */
        void write(Path tmp) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code target}.
     *
     * @param target the file to create or replace
     * @param content writes the temporary file
     * @throws IOException when writing or moving fails (the target is then unchanged)
     */
    public static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            content.write(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
