import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes the jar signatures of the Equinox launcher and of the framework (org.eclipse.osgi) in a
 * materialised product, in place. These two jars are the only ones the JDK itself loads classes from
 * (the launcher through {@code -jar}, the framework through the launcher's class loader); a signed jar
 * makes the JDK check its certificate chain and hash every class it loads, at every start, about 50 ms
 * of a workbench start and a fifth of a short headless command (measured: docs/plugin-developer-guide.md,
 * "Start-up cost of a contribution"), and keeps its classes out of class-data archives. Bundles are not
 * affected: Equinox loads them through its own class loaders and does not check signatures.
 * <p>
 * Everything but the signature is kept byte for byte: the signature files (META-INF/*.SF and their
 * blocks) are dropped and the manifest loses only its per-entry digest sections. Each jar is rewritten
 * through a temporary file and a move, keeping its time stamp. Running it again changes nothing.
 * <p>
 * JDK classes only: the product build runs this file as a single-file source program,
 * {@code java UnsignedFramework.java INSTALLATION}.
 */
public final class UnsignedFramework {
    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private UnsignedFramework() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java UnsignedFramework.java INSTALLATION");
            System.exit(2);
        }
        Path installation = Path.of(args[0]);
        List<Path> jars = frameworkJars(installation);
        for (Path jar : jars) {
            System.out.println((unsign(jar) ? "unsigned " : "not signed: ") + installation.relativize(jar));
        }
    }

    /** The launcher and the framework jar of {@code installation}; fails when either is missing. */
    static List<Path> frameworkJars(Path installation) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String prefix : List.of("org.eclipse.equinox.launcher_", "org.eclipse.osgi_")) {
            try (var plugins = Files.list(installation.resolve("plugins"))) {
                List<Path> found = plugins.filter(p -> p.getFileName().toString().startsWith(prefix)
                        && p.getFileName().toString().endsWith(".jar")).toList();
                if (found.size() != 1) {
                    throw new IOException(installation.resolve("plugins") + ": expected one " + prefix + "*.jar, found " + found.size());
                }
                jars.add(found.get(0));
            }
        }
        return jars;
    }

    /** Rewrites {@code jar} without its signature; returns false (and leaves it alone) when it has none. */
    static boolean unsign(Path jar) throws IOException {
        try (ZipFile in = new ZipFile(jar.toFile())) {
            if (in.stream().noneMatch(e -> isSignature(e.getName()))) {
                return false;
            }
        }
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        FileTime time = Files.getLastModifiedTime(jar);
        try {
            try (OutputStream file = Files.newOutputStream(tmp)) {
                copyWithoutSignature(jar, file);
            }
            Files.setLastModifiedTime(tmp, time);
            try {
                Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return true;
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
                try (InputStream content = in.getInputStream(entry)) {
                    if (entry.getName().equals(MANIFEST)) {
                        out.write(withoutDigests(new String(content.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                    } else {
                        content.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }

    /**
     * The manifest without the digest attributes of its per-entry sections (and without the sections
     * that had nothing else); the main section is kept as it was, line breaks included.
     */
    static String withoutDigests(String manifest) {
        String eol = manifest.contains("\r\n") ? "\r\n" : "\n";
        String[] sections = manifest.split("\\r?\\n\\r?\\n", -1);
        StringBuilder out = new StringBuilder(sections[0]).append(eol).append(eol);
        for (int i = 1; i < sections.length; i++) {
            List<String> kept = new ArrayList<>();
            String attribute = null;
            for (String line : sections[i].split("\\r?\\n")) {
                if (line.startsWith(" ") && attribute != null) {
                    attribute += eol + line;
                    continue;
                }
                if (attribute != null) {
                    kept.add(attribute);
                }
                attribute = line.isEmpty() ? null : line;
            }
            if (attribute != null) {
                kept.add(attribute);
            }
            kept.removeIf(a -> a.substring(0, Math.max(0, a.indexOf(':'))).toLowerCase(Locale.ROOT).endsWith("-digest"));
            // a section left with its Name: only said which entry the digest belonged to
            if (kept.size() > 1 || (kept.size() == 1 && !kept.get(0).startsWith("Name:"))) {
                out.append(String.join(eol, kept)).append(eol).append(eol);
            }
        }
        return out.toString();
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
