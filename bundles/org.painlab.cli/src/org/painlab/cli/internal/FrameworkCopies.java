package org.painlab.cli.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.painlab.core.io.AtomicFiles;

/**
 * Copies of the framework's jars (the Equinox launcher, org.eclipse.osgi and its framework extensions)
 * without their signature files, for the launch script's headless start. The JDK verifies a signed jar it
 * loads classes from (hashing every class, checking the certificate chain: about a fifth of a short
 * command's time) and keeps classes of signed jars out of the class-data archive; bundle jars are not
 * affected, Equinox does not check signatures. The launch script asks for the copies with two system
 * properties ({@value #FOLDER}, {@value #JARS}), after a command has run, and uses them from the next
 * call on; it removes them with the rest of the headless configuration when the installation changes.
 * Whatever fails here is ignored: the script keeps starting from the installation's jars.
 */
public final class FrameworkCopies {
    /** System property: the folder the copies are written to. */
    public static final String FOLDER = "painlab.frameworkCopies";
    /** System property: the jars to copy, separated by the path separator. */
    public static final String JARS = "painlab.frameworkJars";

    private FrameworkCopies() {
    }

    /** Writes the copies the launch script asked for, if it asked; never throws. */
    public static void writeRequested() {
        String folder = System.getProperty(FOLDER);
        String jars = System.getProperty(JARS);
        if (folder == null || folder.isBlank() || jars == null || jars.isBlank()) {
            return;
        }
        List<Path> sources = new ArrayList<>();
        for (String jar : jars.split(File.pathSeparator)) {
            if (!jar.isBlank()) {
                sources.add(Path.of(jar));
            }
        }
        try {
            write(Path.of(folder), sources);
        } catch (IOException | RuntimeException e) {
            // the plain start from the installation's jars still works; the next call tries again
        }
    }

    /** Writes an unsigned copy of each jar into {@code folder} under its own name, unless one is there. */
    public static void write(Path folder, List<Path> jars) throws IOException {
        for (Path jar : jars) {
            Path copy = folder.resolve(jar.getFileName().toString());
            if (!Files.isRegularFile(copy)) {
                AtomicFiles.write(copy, out -> copyWithoutSignature(jar, out));
            }
        }
    }

    private static void copyWithoutSignature(Path jar, OutputStream target) throws IOException {
        try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(target)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (isSignature(entry.getName())) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                if (!entry.isDirectory()) {
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }

    /** A jar signature's files: META-INF/NAME.SF and its block NAME.RSA, .DSA or .EC (and SIG-* files). */
    static boolean isSignature(String name) {
        if (!name.startsWith("META-INF/") || name.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-");
    }
}
