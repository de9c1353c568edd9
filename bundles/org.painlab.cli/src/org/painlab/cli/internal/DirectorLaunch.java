package org.painlab.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import org.painlab.cli.CliFailure;

/**
 * Runs the p2 director ({@code org.eclipse.equinox.p2.director}) as a child launch of the same
 * installation: same launcher, the configuration this process runs on (one that lists the p2 bundles,
 * which the installation's own configuration does not: {@link P2Bundles}), the Java that runs this
 * process. p2 writes the installation's configuration (its profile's install folder's), not the one the
 * child runs on. A child and
 * not this process because the director is a main-thread application of its own, and because its
 * exit status and output then belong to one install only.
 */
public final class DirectorLaunch {
    /** The director application id, contributed by org.eclipse.equinox.p2.director.app. */
    public static final String APPLICATION = "org.eclipse.equinox.p2.director";
    private static final long TIMEOUT_MINUTES = 30;

    /** What the director printed and how it ended. */
    public record Outcome(int exitCode, String output) {
    }

    private final P2Installation installation;

    public DirectorLaunch(P2Installation installation) {
        this.installation = installation;
    }

    /** The child's command line: Java, launcher, then the director's own arguments. */
    public List<String> command(P2Repository repository, List<P2Repository.Unit> units) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        StringJoiner ius = new StringJoiner(",");
        units.forEach(u -> ius.add(u.id() + "/" + u.version()));
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx1g", "-Djava.awt.headless=true",
                "-Dosgi.requiredJavaVersion=21", "-jar", installation.launcher().toString(),
                "-install", installation.home().toString(),
                "-configuration", installation.directorConfiguration().toString(),
                "-data", "@none", "-nosplash", "-consoleLog",
                "-application", APPLICATION,
                "-repository", repository.location().toString(),
                "-installIU", ius.toString(),
                "-destination", installation.home().toString(),
                "-profile", installation.profile()));
        return cmd;
    }

    /** Runs the director and waits for it; its output is returned, not printed. */
    public Outcome run(P2Repository repository, List<P2Repository.Unit> units) {
        ProcessBuilder pb = new ProcessBuilder(command(repository, units)).redirectErrorStream(true);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new CliFailure("the p2 director did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliFailure("cannot start the p2 director (" + pb.command().get(0) + "): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted while the p2 director ran", e);
        }
    }
}
