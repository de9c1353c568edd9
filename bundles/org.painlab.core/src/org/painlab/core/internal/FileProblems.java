package org.painlab.core.internal;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Turns a file-system failure into the reason a user can act on. Java's exceptions of
 * java.nio.file carry only the path as their message ("/x/.s.creating-123"), which
 * reads like an answer without a question.
 */
public final class FileProblems {
    private FileProblems() {
    }

    /** "permission denied: /x", "no such file or folder: /x", "disk full"..., never just a path. */
    public static String reason(Exception e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        if (e instanceof FileAlreadyExistsException x) {
            return "already exists: " + x.getFile();
        }
        if (e instanceof NotDirectoryException d) {
            return "not a folder: " + d.getFile();
        }
        if (e instanceof DirectoryNotEmptyException d) {
            return "folder not empty: " + d.getFile();
        }
        if (e instanceof FileSystemException f) {
            return (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName()) + ": " + f.getFile();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
