package org.painlab.core.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

/**
 * The OSGi headers of one bundle's META-INF/MANIFEST.MF that the house rules look at, parsed the
 * way the framework reads them: clauses split at commas outside quotes, each with its names,
 * attributes and directives.
 */
final class BundleManifest {
    /** One clause of a header: its names (bundles or packages) and its attributes and directives. */
    record Clause(List<String> names, Map<String, String> parameters) {
        String parameter(String key) {
            return parameters.get(key);
        }
    }

    private final String folder;
    private final Manifest manifest;

    private BundleManifest(String folder, Manifest manifest) {
        this.folder = folder;
        this.manifest = manifest;
    }

    static BundleManifest read(Path bundleFolder) throws IOException {
        try (InputStream in = Files.newInputStream(bundleFolder.resolve("META-INF/MANIFEST.MF"))) {
            return new BundleManifest(bundleFolder.getFileName().toString(), new Manifest(in));
        }
    }

    /** The bundle's folder name under bundles/ (its symbolic name, by the house layout). */
    String folder() {
        return folder;
    }

    String symbolicName() {
        String v = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        return v == null ? folder : v.split(";")[0].trim();
    }

    boolean isFragment() {
        return manifest.getMainAttributes().getValue("Fragment-Host") != null;
    }

    List<Clause> requiredBundles() {
        return header("Require-Bundle");
    }

    List<Clause> importedPackages() {
        return header("Import-Package");
    }

    List<Clause> exportedPackages() {
        return header("Export-Package");
    }

    private List<Clause> header(String name) {
        String value = manifest.getMainAttributes().getValue(name);
        List<Clause> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String clause : split(value, ',')) {
            List<String> names = new ArrayList<>();
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    names.add(part.trim());
                    continue;
                }
                boolean directive = eq > 0 && part.charAt(eq - 1) == ':';
                String key = part.substring(0, directive ? eq - 1 : eq).trim();
                String v = part.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                parameters.put(key, v);
            }
            out.add(new Clause(names, parameters));
        }
        return out;
    }

    /** Splits at {@code sep} outside double quotes (version ranges and x-friends lists hold commas). */
    private static List<String> split(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == sep && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().trim());
        }
        return out;
    }
}
