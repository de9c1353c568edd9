package org.painlab.cli.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.painlab.cli.CliFailure;

/**
 * The product installation this process runs from, as the p2 director needs it: its folder, its
 * configuration folder, the launcher jar that starts a child of the same installation, and the id
 * of its p2 profile (the product build materializes one, {@code DefaultProfile}).
 *
 * @param home the installation folder (where {@code plugins/} and {@code p2/} are)
 * @param configuration the installation's configuration folder, whose bundles.info and config.ini p2
 *        rewrites and the workbench starts from (without the p2 bundles: {@link P2Bundles})
 * @param directorConfiguration the configuration area the director's child launch starts on: one that
 *        lists the p2 bundles too (the launch script's {@code configuration/plugins}, which this process
 *        runs on)
 * @param launcher {@code plugins/org.eclipse.equinox.launcher_*.jar}
 * @param profile the p2 profile id to install into
 */
public record P2Installation(Path home, Path configuration, Path directorConfiguration, Path launcher, String profile) {
    static final String PROFILE_REGISTRY = "p2/org.eclipse.equinox.p2.engine/profileRegistry";

    /** The installation of the running process; fails with a clear message when it is not a p2-managed product. */
    public static P2Installation running() {
        Path home = area("osgi.install.area");
        // the launch script runs commands on a configuration without the UI bundles and names the
        // installation's own one here: p2 must install into that, or the workbench would not see a plug-in
        String own = System.getProperty("painlab.configuration");
        Path running = area("osgi.configuration.area");
        Path configuration = own != null && !own.isBlank() ? Path.of(own).toAbsolutePath().normalize() : running;
        if (home == null) {
            throw new CliFailure("this process has no installation folder (osgi.install.area is not set)");
        }
        if (configuration == null) {
            configuration = home.resolve("configuration");
        }
        // the director starts on the configuration this process runs on: the launch script's one for
        // `plugins` commands, which lists the p2 bundles (the installation's own does not)
        return of(home, configuration, running == null ? configuration : running, System.getProperty("eclipse.p2.profile"));
    }

    /** The installation in {@code home} whose director starts on {@code configuration} itself. */
    public static P2Installation of(Path home, Path configuration, String profile) {
        return of(home, configuration, configuration, profile);
    }

    /**
     * The installation in {@code home}; {@code profile} may be null when the product names none
     * (then the only profile in its registry is used).
     */
    public static P2Installation of(Path home, Path configuration, Path directorConfiguration, String profile) {
        Path launcher = launcherJar(home);
        String id = profile != null && !profile.isBlank() ? profile : onlyProfile(home);
        if (!Files.isDirectory(home.resolve(PROFILE_REGISTRY).resolve(id + ".profile"))) {
            throw new CliFailure("" + home + " has no p2 profile '" + id + "' (expected "
                    + home.resolve(PROFILE_REGISTRY).resolve(id + ".profile") + ")");
        }
        if (!Files.isWritable(home) || !Files.isWritable(home.resolve("plugins"))) {
            throw new CliFailure("" + home + " is not writable by this user; install as the user who owns it");
        }
        return new P2Installation(home, configuration, directorConfiguration, launcher, id);
    }

    private static Path launcherJar(Path home) {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(home.resolve("plugins"), "org.eclipse.equinox.launcher_*.jar")) {
            s.forEach(jars::add);
        } catch (IOException e) {
            // reported below like a missing jar
        }
        if (jars.isEmpty()) {
            throw new CliFailure("" + home + " is not a PainLab product installation (no "
                    + "plugins/org.eclipse.equinox.launcher_*.jar); plugins can be installed into an unpacked product only");
        }
        jars.sort(null);
        return jars.get(jars.size() - 1);
    }

    private static String onlyProfile(Path home) {
        Path registry = home.resolve(PROFILE_REGISTRY);
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(registry, "*.profile")) {
            s.forEach(p -> ids.add(p.getFileName().toString().replaceFirst("\\.profile$", "")));
        } catch (IOException e) {
            throw new CliFailure("" + home + " is not managed by p2 (no " + registry
                    + "); plugins can be installed into a product installation only");
        }
        if (ids.size() != 1) {
            throw new CliFailure("" + registry + " holds " + ids.size()
                    + " profiles " + ids + "; set eclipse.p2.profile to the one to install into");
        }
        return ids.get(0);
    }

    private static Path area(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // Equinox writes these as file: URLs that are not always valid URIs (spaces)
            URL url = new URL(value);
            return Path.of(new URI(url.getProtocol(), url.getPath(), null)).toAbsolutePath().normalize();
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return Path.of(value).toAbsolutePath().normalize();
        }
    }
}
