package org.painlab.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that it is either complete or not there: the content goes to a
 * temporary file beside the target, which is moved over the target only when writing
 * succeeded. A failed export or a killed process never leaves half a file. Every file
 * PainLab writes for a user (exports, reports, manifests) goes through here.
 *
 * @since 0.1
 */
public final class AtomicFiles {
    /** Writes the content to an output stream. */
    @FunctionalInterface
    public interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    /** Writes the content to the given (temporary) file, e.g. with a library that wants a path. */
    @FunctionalInterface
    public interface FileBody {
        void write(Path file) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} from an output stream. */
    public static void write(Path target, StreamBody body) throws IOException {
        writeFile(target, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                body.write(out);
            }
        });
    }

    /** Writes {@code target} through a temporary file that {@code body} fills. */
    public static void writeFile(Path target, FileBody body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp", readableByOthers());
        try {
            body.write(tmp);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A temp file is private (rw-------) by default; an exported report must end up like any
     * file the user saves (rw-r--r--, narrowed by the umask), so colleagues can read it.
     */
    private static FileAttribute<?>[] readableByOthers() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")) };
    }
}
