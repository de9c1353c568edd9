package org.painlab.integration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * An unpacked PainLab product run through its own {@code painlab} launch script, as a user runs
 * it, with the Java that runs the build (the script honours JAVA_HOME).
 */
final class Painlab {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What one run printed and how it ended. */
    record Run(List<String> args, int exitCode, String out, String err) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return JSON.readValue(out, Map.class);
        }

        @Override
        public String toString() {
            return "painlab " + String.join(" ", args) + " -> exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    private final Path home;
    private final Path workspace;

    Painlab(Path home, Path workspace) {
        this.home = home;
        this.workspace = workspace;
    }

    Path home() {
        return home;
    }

    /**
     * A fresh copy of the built product, unpacked into the integration tests' work folder {@code name} (a sibling of
     * {@code painlab.it.work}), which is deleted first; the folder is {@code home().getParent()}.
     */
    static Painlab fresh(String name) throws IOException, InterruptedException {
        Path work = Path.of(System.getProperty("painlab.it.work", "target/it")).resolveSibling(name);
        InstalledPluginTest.deleteTree(work);
        return unpack(InstalledPluginTest.productArchive(), work);
    }

    /** Unpacks {@code archive} (the product's tar.gz) into {@code into}; the product is its {@code painlab/} folder. */
    static Painlab unpack(Path archive, Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        Process p = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("tar xzf " + archive + " failed: " + out);
        }
        return new Painlab(into.resolve("painlab"), Files.createDirectories(into.resolve("home")));
    }

    Run run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    /** Runs with extra environment variables (e.g. the launch script's switches). */
    Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("painlab").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("HOME", workspace.toString());
        pb.environment().put("PAINLAB_XMX", "1g");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(workspace, "out", ".txt");
        Path err = Files.createTempFile(workspace, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("painlab " + String.join(" ", args) + " did not end within 5 minutes");
        }
        return new Run(List.of(args), p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
