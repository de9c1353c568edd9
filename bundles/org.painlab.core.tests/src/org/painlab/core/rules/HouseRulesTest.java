package org.painlab.core.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules on bundle dependencies, checked on every bundles/*&#47;META-INF/MANIFEST.MF of the
 * source tree so they stay true: engines know no front end, core knows no area, areas meet only
 * through core, and implementation packages are hidden. The bundles folder is found from the working
 * directory (the module's folder when tycho-surefire runs the test) upwards.
 */
class HouseRulesTest {
    /** What an engine may neither require nor import: the front ends and their toolkits. */
    private static final List<String> FRONT_ENDS = List.of("org.painlab.cli", "picocli", "org.eclipse.swt",
            "org.eclipse.jface", "org.eclipse.ui");

    private static List<BundleManifest> bundles;

    @BeforeAll
    static void readManifests() throws IOException {
        Path folder = bundlesFolder();
        List<BundleManifest> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path b : s.sorted().toList()) {
                if (Files.isRegularFile(b.resolve("META-INF/MANIFEST.MF"))) {
                    out.add(BundleManifest.read(b));
                }
            }
        }
        bundles = out;
    }

    private static Path bundlesFolder() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("bundles");
            if (Files.isRegularFile(candidate.resolve("org.painlab.core/META-INF/MANIFEST.MF"))) {
                return candidate;
            }
        }
        return fail("no bundles/org.painlab.core/META-INF/MANIFEST.MF found in " + start + " or any folder above it:"
                + " run this test from inside the source tree (tycho-surefire runs it in bundles/org.painlab.core.tests)");
    }

    /** An engine: core or an area's headless bundle, not a front end (.ui, .cli, the painlab CLI), test or benchmark. */
    private static boolean isEngine(BundleManifest b) {
        String n = b.symbolicName();
        return n.startsWith("org.painlab.") && !n.endsWith(".ui") && !n.endsWith(".cli") && !n.endsWith(".tests")
                && !n.equals("org.painlab.cli") && !n.contains(".bench") && !b.isFragment();
    }

    /** The area a bundle belongs to: org.painlab.imaging for org.painlab.imaging.dl. */
    private static String area(String symbolicName) {
        String[] parts = symbolicName.split("\\.");
        return parts.length <= 3 ? symbolicName : String.join(".", parts[0], parts[1], parts[2]);
    }

    private static boolean within(String name, String root) {
        return name.equals(root) || name.startsWith(root + ".");
    }

    private static void check(List<String> broken, String rule) {
        if (!broken.isEmpty()) {
            fail(rule + ":\n  " + String.join("\n  ", broken));
        }
    }

    @Test
    void theSourceTreeHasEnginesToCheck() {
        assertTrue(bundles.stream().anyMatch(b -> b.symbolicName().equals("org.painlab.core")), "org.painlab.core read");
        assertFalse(bundles.stream().filter(HouseRulesTest::isEngine).filter(b -> !b.symbolicName().equals("org.painlab.core"))
                .toList().isEmpty(), "at least one area engine besides core");
    }

    @Test
    void enginesKnowNoFrontEnd() {
        List<String> broken = new ArrayList<>();
        for (BundleManifest b : bundles.stream().filter(HouseRulesTest::isEngine).toList()) {
            for (BundleManifest.Clause c : b.requiredBundles()) {
                for (String name : c.names()) {
                    FRONT_ENDS.stream().filter(f -> within(name, f)).findFirst()
                            .ifPresent(f -> broken.add(b.symbolicName() + ": Require-Bundle " + name));
                }
            }
            for (BundleManifest.Clause c : b.importedPackages()) {
                for (String name : c.names()) {
                    FRONT_ENDS.stream().filter(f -> within(name, f)).findFirst()
                            .ifPresent(f -> broken.add(b.symbolicName() + ": Import-Package " + name));
                }
            }
        }
        check(broken, "engines (core and each area's headless bundle) must not require or import a front end ("
                + String.join(", ", FRONT_ENDS) + "); move the code to the area's .ui or .cli bundle");
    }

    @Test
    void coreKnowsNoArea() {
        List<String> broken = new ArrayList<>();
        for (BundleManifest b : bundles.stream().filter(x -> x.symbolicName().equals("org.painlab.core")).toList()) {
            b.requiredBundles().forEach(c -> c.names().stream().filter(n -> within(n, "org.painlab"))
                    .forEach(n -> broken.add("org.painlab.core: Require-Bundle " + n)));
            b.importedPackages().forEach(c -> c.names().stream().filter(n -> within(n, "org.painlab"))
                    .forEach(n -> broken.add("org.painlab.core: Import-Package " + n)));
        }
        check(broken, "org.painlab.core must require and import no org.painlab bundle or package");
    }

    @Test
    void areasMeetOnlyThroughCore() {
        List<String> broken = new ArrayList<>();
        for (BundleManifest b : bundles.stream().filter(HouseRulesTest::isEngine)
                .filter(x -> !x.symbolicName().equals("org.painlab.core")).toList()) {
            String own = b.symbolicName();
            String area = area(own);
            b.requiredBundles().forEach(c -> c.names().stream()
                    .filter(n -> within(n, "org.painlab") && !n.equals("org.painlab.core"))
                    .forEach(n -> broken.add(own + ": Require-Bundle " + n)));
            // a second engine bundle of an area (org.painlab.imaging.dl) imports its own area's API packages
            b.importedPackages().forEach(c -> c.names().stream()
                    .filter(n -> within(n, "org.painlab") && !within(n, "org.painlab.core") && !within(n, area))
                    .forEach(n -> broken.add(own + ": Import-Package " + n)));
        }
        check(broken, "an area engine may use only org.painlab.core of PainLab's bundles (areas meet through core's"
                + " contracts)");
    }

    @Test
    void internalPackagesAreExportedHidden() {
        List<String> broken = new ArrayList<>();
        for (BundleManifest b : bundles) {
            for (BundleManifest.Clause c : b.exportedPackages()) {
                boolean hidden = "true".equals(c.parameter("x-internal")) || c.parameter("x-friends") != null;
                for (String name : c.names()) {
                    if (name.contains(".internal") && !hidden) {
                        broken.add(b.symbolicName() + ": Export-Package " + name);
                    }
                }
            }
        }
        check(broken, "packages named *.internal* must be exported x-internal:=true or x-friends:=\"...\"");
    }
}
