package org.painlab.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/**
 * The example plug-in is what a lab can write: every PainLab package it imports is exported as
 * API (not x-internal, not x-friends) by some PainLab bundle, with a version range, and it
 * requires no PainLab bundle by name. (The compiler makes a use of internals a build error too.)
 */
class ExampleUsesExportedApiTest {
    private static final Path ROOT = Path.of(System.getProperty("painlab.root", "../..")).toAbsolutePath().normalize();

    @Test
    void importsOnlyExportedPainLabApiWithVersionRanges() throws IOException {
        Map<String, String> exports = painLabExports();
        assertFalse(exports.isEmpty(), "no PainLab manifests under " + ROOT.resolve("bundles"));
        Manifest example = manifest(ROOT.resolve("examples/org.example.painlab.pcs/META-INF/MANIFEST.MF"));
        String required = example.getMainAttributes().getValue("Require-Bundle");
        if (required != null) {
            assertFalse(required.contains("org.painlab."), "requires PainLab bundles by name: " + required);
        }
        List<String> painLabImports = new ArrayList<>();
        for (String clause : clauses(example.getMainAttributes().getValue("Import-Package"))) {
            String pkg = clause.split(";", 2)[0].strip();
            if (!pkg.startsWith("org.painlab.")) {
                continue;
            }
            painLabImports.add(pkg);
            assertTrue(exports.containsKey(pkg), pkg + " is not exported by any PainLab bundle");
            String directives = exports.get(pkg);
            assertFalse(directives.contains("x-internal") || directives.contains("x-friends"),
                    pkg + " is not API: exported " + directives);
            assertTrue(clause.matches(".*version=\"\\[[0-9.]+,[0-9.]+\\)\".*"), "no version range on " + clause);
        }
        assertEquals(6, painLabImports.size(), painLabImports.toString());
    }

    private static Map<String, String> painLabExports() throws IOException {
        Map<String, String> out = new HashMap<>();
        try (DirectoryStream<Path> bundles = Files.newDirectoryStream(ROOT.resolve("bundles"), "org.painlab.*")) {
            for (Path b : bundles) {
                Path mf = b.resolve("META-INF/MANIFEST.MF");
                if (!Files.exists(mf)) {
                    continue;
                }
                for (String clause : clauses(manifest(mf).getMainAttributes().getValue("Export-Package"))) {
                    String[] parts = clause.split(";", 2);
                    out.put(parts[0].strip(), parts.length > 1 ? parts[1] : "");
                }
            }
        }
        return out;
    }

    private static Manifest manifest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Manifest(in);
        }
    }

    /** Splits a manifest header at the commas between clauses (not those inside quotes). */
    private static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
