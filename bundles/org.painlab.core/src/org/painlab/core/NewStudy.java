package org.painlab.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.painlab.core.internal.FileProblems;
import org.painlab.core.store.StudySchema;

/**
 * Creates a study, optionally filled by a demo, as one step: it is built beside its
 * final folder and moved in at the end, so a failure or a killed process never leaves
 * a half-made study behind.
 *
 * @since 0.1
 */
public final class NewStudy {
    private final List<StudySchema> schemas;

    public NewStudy(List<StudySchema> schemas) {
        this.schemas = List.copyOf(schemas);
    }

    /**
     * Creates the study at {@code target} (a new or empty folder) and returns it closed.
     *
     * @param demo a demo to fill it with, or null for an empty study
     */
    public Path create(Path target, String name, StudyDemo demo, long seed, IProgressMonitor monitor) throws StudyException {
        SubMonitor sub = SubMonitor.convert(monitor, "Creating study " + name, 10);
        Path dir = target.toAbsolutePath().normalize();
        try {
            if (Files.exists(dir) && !isEmptyDir(dir)) {
                throw new StudyException(dir + ": exists and is not an empty folder; choose a new folder");
            }
            Path parent = dir.getParent();
            if (Files.exists(parent) && !Files.isDirectory(parent)) {
                throw new StudyException(dir + ": cannot create the study (" + parent + " is a file, not a folder)");
            }
            Files.createDirectories(parent);
            if (!Files.isWritable(parent)) {
                // said before the staging folder is tried, whose temporary name would be all the error gives
                throw new StudyException(dir + ": cannot create the study (permission denied: cannot write in " + parent + ")");
            }
            Path staging = Files.createTempDirectory(parent, "." + dir.getFileName() + ".creating-");
            try {
                Path work = staging.resolve("study");
                try (Study study = Study.create(work, name, schemas)) {
                    sub.worked(1);
                    if (demo != null) {
                        demo.fill(study, seed, sub.split(8));
                    }
                }
                if (Files.exists(dir)) {
                    Files.delete(dir);
                }
                Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
                sub.worked(1);
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new StudyException(dir + ": cannot create the study (" + FileProblems.reason(e) + ")", e);
        }
        return dir;
    }

    private static boolean isEmptyDir(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
