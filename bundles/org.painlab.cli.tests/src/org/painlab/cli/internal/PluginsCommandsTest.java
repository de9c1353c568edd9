package org.painlab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.CliFailure;
import org.painlab.cli.Painlab;

class PluginsCommandsTest {
    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> json, String point) {
        Map<String, Object> points = (Map<String, Object>) json.get("points");
        assertTrue(points.containsKey(point), point + " missing in " + points.keySet());
        return (List<Map<String, Object>>) points.get(point);
    }

    @Test
    void listJsonHasEveryPainLabPointWithIdNameAndContributor() {
        Painlab.Result r = Painlab.run("plugins", "list", "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        @SuppressWarnings("unchecked")
        Map<String, Object> points = (Map<String, Object>) json.get("points");
        assertFalse(points.isEmpty());
        points.keySet().forEach(p -> assertTrue(p.startsWith("org.painlab."), p));
        // core defines these even when nothing contributes to them: an empty list, not a missing key
        for (String p : List.of("org.painlab.core.importers", "org.painlab.core.analyses", "org.painlab.cli.commands")) {
            assertTrue(points.containsKey(p), p + " missing in " + points.keySet());
        }
        List<Map<String, Object>> commands = entries(json, "org.painlab.cli.commands");
        assertTrue(commands.contains(Map.of("id", "org.painlab.cli.plugins.install", "name", "org.painlab.cli.plugins.install",
                "contributor", "org.painlab.cli")), commands.toString());
        // a group has no id: its name stands in
        assertTrue(commands.stream().anyMatch(e -> "plugins".equals(e.get("id")) && "org.painlab.cli".equals(e.get("contributor"))),
                commands.toString());
        List<Map<String, Object>> schemas = entries(json, "org.painlab.core.schemas");
        assertTrue(schemas.stream().anyMatch(e -> "org.painlab.core".equals(e.get("id")) && "org.painlab.core".equals(e.get("contributor"))),
                schemas.toString());
    }

    @Test
    void listWithoutJsonIsReadableAndNamesContributors() {
        Painlab.Result r = Painlab.run("plugins", "list");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("org.painlab.cli.commands ("), r.out());
        assertTrue(r.out().contains("org.painlab.cli.plugins.list  [org.painlab.cli]"), r.out());
    }

    @Test
    void installFromAMissingFolderFailsNamingIt() {
        Path missing = tmp.resolve("no-such-repo");
        Painlab.Result r = Painlab.run("plugins", "install", missing.toString());
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains(missing.toString()) && r.err().contains("does not exist"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void installFromAFolderThatIsNoRepositoryFailsNamingIt() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Painlab.Result r = Painlab.run("plugins", "install", plain.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("no p2 repository at " + plain), r.err());
    }

    @Test
    void repositoryListsItsFeatureGroupsAndRefusesAnUnknownUnitByName() throws Exception {
        Path repo = repository(tmp.resolve("repo"));
        P2Repository loaded = P2Repository.load(repo.toString(), Files.createDirectories(tmp.resolve("agent")));
        assertEquals(List.of(new P2Repository.Unit("com.example.lab.feature.group", "1.2.0")), loaded.featureGroups());
        assertEquals(new P2Repository.Unit("com.example.lab.bundle", "1.2.0"), loaded.find("com.example.lab.bundle"));
        CliFailure e = assertThrows(CliFailure.class, () -> loaded.find("com.example.nope"));
        assertTrue(e.getMessage().contains("'com.example.nope'") && e.getMessage().contains("com.example.lab.feature.group"),
                e.getMessage());
        CliFailure v = assertThrows(CliFailure.class, () -> loaded.find("com.example.lab.bundle/9.9.9"));
        assertTrue(v.getMessage().contains("com.example.lab.bundle/9.9.9"), v.getMessage());
    }

    @Test
    void installOfAnUnknownUnitFailsWithExitOneNamingIt() throws Exception {
        Path repo = repository(tmp.resolve("repo"));
        Painlab.Result r = Painlab.run("plugins", "install", repo.toString(), "com.example.nope");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("IU 'com.example.nope' is not in the repository"), r.err());
    }

    @Test
    void installIntoARuntimeWithoutAProductInstallationIsRefusedClearly() throws Exception {
        // the test runtime is an OSGi framework without launcher or p2 profile
        Path repo = repository(tmp.resolve("repo"));
        Painlab.Result r = Painlab.run("plugins", "install", repo.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("plugins install:") && (r.err().contains("not a PainLab product installation")
                || r.err().contains("no p2 profile") || r.err().contains("not managed by p2")), r.err());
    }

    @Test
    void directorLaunchesTheSameInstallationWithTheRunningJava() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("painlab"));
        Files.createDirectories(home.resolve("plugins"));
        Files.createFile(home.resolve("plugins/org.eclipse.equinox.launcher_1.8.0.v1.jar"));
        Files.createDirectories(home.resolve(P2Installation.PROFILE_REGISTRY).resolve("DefaultProfile.profile"));
        P2Installation installation = P2Installation.of(home, home.resolve("configuration"), home.resolve("configuration/plugins"), null);
        assertEquals("DefaultProfile", installation.profile());
        P2Repository repo = P2Repository.load(repository(tmp.resolve("repo")).toString(), Files.createDirectories(tmp.resolve("a")));
        List<String> cmd = new DirectorLaunch(installation).command(repo, repo.featureGroups());
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), cmd.get(0));
        String line = String.join(" ", cmd);
        assertTrue(line.contains("-application org.eclipse.equinox.p2.director"), line);
        assertTrue(line.contains("-installIU com.example.lab.feature.group/1.2.0"), line);
        assertTrue(line.contains("-destination " + home + " -profile DefaultProfile"), line);
        // the director starts on the configuration that lists the p2 bundles, not on the installation's own
        assertTrue(line.contains("-install " + home + " -configuration " + home.resolve("configuration/plugins") + " "), line);
    }

    @Test
    void directorErrorsAreShortenedToTheirMessages() {
        String out = "!SESSION 2026\n!ENTRY org.eclipse.equinox.p2.director 4 0\n!MESSAGE Cannot complete the install\n"
                + "!SUBENTRY 1 org.eclipse.equinox.p2.engine 4 0 2026\n"
                + "java.lang.IllegalStateException: x\n\tat a.b.C.d(C.java:1)\nInstallation failed.\n";
        assertEquals("Cannot complete the install | java.lang.IllegalStateException: x | Installation failed.",
                PluginsInstallCommand.reason(out));
    }

    /** A minimal p2 metadata repository: one feature group and one bundle unit, written as p2 writes content.xml. */
    static Path repository(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("content.xml"), """
                <?xml version='1.0' encoding='UTF-8'?>
                <?metadataRepository version='1.2.0'?>
                <repository name='test' type='org.eclipse.equinox.internal.p2.metadata.repository.LocalMetadataRepository' version='1'>
                  <properties size='1'><property name='p2.timestamp' value='1'/></properties>
                  <units size='2'>
                    <unit id='com.example.lab.feature.group' version='1.2.0'>
                      <properties size='1'><property name='org.eclipse.equinox.p2.type.group' value='true'/></properties>
                      <provides size='1'><provided namespace='org.eclipse.equinox.p2.iu' name='com.example.lab.feature.group' version='1.2.0'/></provides>
                    </unit>
                    <unit id='com.example.lab.bundle' version='1.2.0'>
                      <provides size='1'><provided namespace='org.eclipse.equinox.p2.iu' name='com.example.lab.bundle' version='1.2.0'/></provides>
                    </unit>
                  </units>
                </repository>
                """);
        return dir;
    }
}
