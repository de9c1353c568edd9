package org.painlab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unsigned copies of the framework's jars: everything but the signature files, written once. */
class FrameworkCopiesTest {
    @TempDir
    Path tmp;

    private Path jar(String name, String... entries) throws IOException {
        Path jar = tmp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file)) {
            for (String entry : entries) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(("content of " + entry).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = new ArrayList<>();
            Collections.list(zip.entries()).forEach(e -> names.add(e.getName()));
            return names;
        }
    }

    @Test
    void theCopyHasEveryEntryButTheSignature() throws IOException {
        Path signed = jar("org.eclipse.osgi_3.24.jar", "META-INF/MANIFEST.MF", "META-INF/ECLIPSE_.SF", "META-INF/ECLIPSE_.RSA",
                "META-INF/services/org.osgi.framework.launch.FrameworkFactory", "org/eclipse/osgi/A.class", "about.html");
        Path folder = tmp.resolve("headless/framework");
        FrameworkCopies.write(folder, List.of(signed));
        Path copy = folder.resolve("org.eclipse.osgi_3.24.jar");
        assertEquals(List.of("META-INF/MANIFEST.MF", "META-INF/services/org.osgi.framework.launch.FrameworkFactory",
                "org/eclipse/osgi/A.class", "about.html"), entries(copy));
        try (JarFile in = new JarFile(copy.toFile()); JarFile original = new JarFile(signed.toFile())) {
            assertArrayEquals(original.getInputStream(original.getEntry("org/eclipse/osgi/A.class")).readAllBytes(),
                    in.getInputStream(in.getEntry("org/eclipse/osgi/A.class")).readAllBytes());
        }
    }

    @Test
    void anExistingCopyIsKept() throws IOException {
        Path signed = jar("launcher.jar", "META-INF/MANIFEST.MF", "Main.class");
        Path folder = Files.createDirectories(tmp.resolve("framework"));
        Files.writeString(folder.resolve("launcher.jar"), "made by an earlier call");
        FrameworkCopies.write(folder, List.of(signed));
        assertEquals("made by an earlier call", Files.readString(folder.resolve("launcher.jar")));
    }

    @Test
    void aMissingJarLeavesNoCopyAndNoTemporaryFile() throws IOException {
        Path folder = tmp.resolve("framework");
        System.setProperty(FrameworkCopies.FOLDER, folder.toString());
        System.setProperty(FrameworkCopies.JARS, tmp.resolve("no-such.jar").toString());
        try {
            FrameworkCopies.writeRequested();
        } finally {
            System.clearProperty(FrameworkCopies.FOLDER);
            System.clearProperty(FrameworkCopies.JARS);
        }
        try (var left = Files.list(folder)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void signatureFilesAreTheTopLevelMetaInfOnes() {
        assertTrue(FrameworkCopies.isSignature("META-INF/ECLIPSE_.SF"));
        assertTrue(FrameworkCopies.isSignature("META-INF/ECLIPSE_.RSA"));
        assertTrue(FrameworkCopies.isSignature("META-INF/KEY.dsa"));
        assertTrue(FrameworkCopies.isSignature("META-INF/SIG-BLOCK"));
        assertFalse(FrameworkCopies.isSignature("META-INF/MANIFEST.MF"));
        assertFalse(FrameworkCopies.isSignature("META-INF/services/X.SF"));
        assertFalse(FrameworkCopies.isSignature("org/x/Y.RSA"));
    }
}
