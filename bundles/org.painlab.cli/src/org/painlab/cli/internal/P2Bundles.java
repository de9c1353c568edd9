package org.painlab.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Keeps the bundles that only the p2 director needs (p2, ECF, sat4j, Bouncy Castle, frameworkadmin,
 * the simpleconfigurator manipulator, equinox.concurrent and equinox.security, and the framework
 * extension org.eclipse.osgi.compatibility.state) out of the list the workbench and the ordinary
 * headless commands start from. Equinox installs every line of
 * {@code configuration/org.eclipse.equinox.simpleconfigurator/bundles.info} at every cold start
 * (about 2.5 ms a bundle, more for a jar with a large signed manifest such as bcprov's), and these
 * bundles serve {@code painlab plugins install} only.
 * <p>
 * Their lines live in {@code configuration/org.painlab.p2/bundles.info}; the launch script starts
 * {@code plugins} commands (and so the director, a child of the same configuration) on
 * {@code configuration/plugins}, made from both lists. The product build splits the materialised
 * product's list once ({@link #main}); after every director run, which rewrites bundles.info and
 * config.ini from the p2 profile (so with the p2 bundles again), {@code plugins install} splits
 * them again ({@link #split}).
 * <p>
 * JDK classes only: the build runs this file as a single-file source program,
 * {@code java P2Bundles.java split INSTALLATION}.
 */
public final class P2Bundles {
    /** The workbench's list, relative to a configuration folder. */
    public static final String BUNDLES_INFO = "org.eclipse.equinox.simpleconfigurator/bundles.info";
    /** The p2 director's lines, relative to a configuration folder. */
    public static final String P2_LIST = "org.painlab.p2/bundles.info";
    /** The framework extension p2 needs (its PlatformAdmin state); named in config.ini's osgi.framework.extensions. */
    public static final String STATE_EXTENSION = "org.eclipse.osgi.compatibility.state";
    static final String EXTENSIONS_KEY = "osgi.framework.extensions=";

    private static final Set<String> NAMES = Set.of("bcprov", "bcpg", "bcutil", "org.eclipse.ecf",
            "org.eclipse.equinox.concurrent", "org.eclipse.equinox.security", "org.eclipse.equinox.frameworkadmin",
            "org.eclipse.equinox.frameworkadmin.equinox", "org.eclipse.equinox.simpleconfigurator.manipulator",
            STATE_EXTENSION);
    private static final List<String> PREFIXES = List.of("org.eclipse.equinox.p2.", "org.eclipse.ecf.", "org.sat4j.");

    private P2Bundles() {
    }

    /** Whether the bundle {@code symbolicName} serves the p2 director only. */
    public static boolean isP2(String symbolicName) {
        return NAMES.contains(symbolicName) || PREFIXES.stream().anyMatch(symbolicName::startsWith);
    }

    /** What {@link #split} did: lines moved to the p2 list, and whether config.ini changed. */
    public record Result(int moved, int kept, boolean configIniChanged) {
    }

    /**
     * Moves the p2 lines of {@code configuration}'s bundles.info into its p2 list (replacing the list: the
     * lines p2 just wrote are the current ones) and the state extension out of config.ini's
     * osgi.framework.extensions. Each file is replaced atomically (a temporary file moved over it), the p2 list
     * first, so that a failure half-way leaves no p2 line only in bundles.info's past. A bundles.info without
     * p2 lines leaves the p2 list as it is.
     */
    public static Result split(Path configuration) throws IOException {
        Path info = configuration.resolve(BUNDLES_INFO);
        List<String> header = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> p2 = new ArrayList<>();
        for (String line : Files.readAllLines(info, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                header.add(line);
            } else if (isP2(symbolicName(line))) {
                p2.add(line);
            } else {
                kept.add(line);
            }
        }
        if (!p2.isEmpty()) {
            Path list = configuration.resolve(P2_LIST);
            Files.createDirectories(list.getParent());
            write(list, join(header, p2));
            write(info, join(header, kept));
        }
        boolean changed = false;
        Path ini = configuration.resolve("config.ini");
        if (Files.isRegularFile(ini)) {
            String text = Files.readString(ini, StandardCharsets.ISO_8859_1);
            String without = withoutStateExtension(text);
            if (!without.equals(text)) {
                write(ini, without.getBytes(StandardCharsets.ISO_8859_1));
                changed = true;
            }
        }
        return new Result(p2.size(), kept.size(), changed);
    }

    /** config.ini's text without the state extension in osgi.framework.extensions (the line goes when nothing is left). */
    static String withoutStateExtension(String configIni) {
        StringBuilder out = new StringBuilder(configIni.length());
        for (String line : configIni.split("(?<=\n)")) {
            String body = line.stripTrailing();
            if (!body.startsWith(EXTENSIONS_KEY)) {
                out.append(line);
                continue;
            }
            List<String> left = new ArrayList<>(Arrays.asList(body.substring(EXTENSIONS_KEY.length()).split(",")));
            left.removeIf(e -> e.isBlank() || e.contains(STATE_EXTENSION + "_"));
            if (!left.isEmpty()) {
                out.append(EXTENSIONS_KEY).append(String.join(",", left)).append(line.substring(body.length()));
            }
        }
        return out.toString();
    }

    static String symbolicName(String bundlesInfoLine) {
        int comma = bundlesInfoLine.indexOf(',');
        return comma < 0 ? bundlesInfoLine.strip() : bundlesInfoLine.substring(0, comma).strip();
    }

    private static byte[] join(List<String> header, List<String> lines) {
        StringBuilder b = new StringBuilder();
        header.forEach(h -> b.append(h).append('\n'));
        lines.forEach(l -> b.append(l).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Replaces {@code file} by {@code content} atomically: a temporary file next to it, moved over it. The file keeps
     * its permissions (a new one gets rw-r--r--): a temporary file is created readable by its owner only, and the
     * lists must stay readable by everyone who starts the installation.
     */
    static void write(Path file, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, content);
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, Files.exists(file) ? Files.getPosixFilePermissions(file)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The contents of the files a director run may rewrite, to put back when the run fails. */
    public record Snapshot(Path configuration, List<Path> files, List<byte[]> contents) {
        /** Puts back every file whose content differs from the snapshot's (atomically each); returns how many. */
        public int restore() throws IOException {
            int restored = 0;
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                byte[] before = contents.get(i);
                byte[] now = Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
                if (before == null) {
                    if (now != null) {
                        Files.delete(f);
                        restored++;
                    }
                } else if (now == null || !Arrays.equals(before, now)) {
                    Files.createDirectories(f.getParent());
                    write(f, before);
                    restored++;
                }
            }
            return restored;
        }
    }

    /** bundles.info, the p2 list and config.ini of {@code configuration} as they are now. */
    public static Snapshot snapshot(Path configuration) throws IOException {
        List<Path> files = List.of(configuration.resolve(BUNDLES_INFO), configuration.resolve(P2_LIST),
                configuration.resolve("config.ini"));
        List<byte[]> contents = new ArrayList<>();
        for (Path f : files) {
            contents.add(Files.isRegularFile(f) ? Files.readAllBytes(f) : null);
        }
        return new Snapshot(configuration, files, contents);
    }

    /**
     * {@code split INSTALLATION}: splits the installation's configuration (the product build runs this after
     * materialising the product, before archiving it). Fails when the product has no p2 line at all: the
     * build would otherwise ship a product whose {@code plugins install} cannot start the director.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !"split".equals(args[0])) {
            System.err.println("usage: java P2Bundles.java split INSTALLATION");
            System.exit(2);
        }
        Path configuration = Path.of(args[1]).resolve("configuration");
        Result r = split(configuration);
        Path list = configuration.resolve(P2_LIST);
        if (!Files.isRegularFile(list) || Files.readAllLines(list).stream().noneMatch(l -> !l.startsWith("#") && !l.isBlank())) {
            System.err.println("P2Bundles: no p2 bundle in " + configuration.resolve(BUNDLES_INFO) + " nor in " + list);
            System.exit(1);
        }
        System.out.println("P2Bundles: " + r.moved() + " bundles moved to " + list + ", " + r.kept()
                + " left in " + configuration.resolve(BUNDLES_INFO) + (r.configIniChanged() ? "; " + STATE_EXTENSION
                        + " taken out of config.ini's osgi.framework.extensions" : ""));
    }
}
