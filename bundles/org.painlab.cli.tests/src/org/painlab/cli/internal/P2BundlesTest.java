package org.painlab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class P2BundlesTest {
    @TempDir
    Path tmp;

    static final String HEADER = "#encoding=UTF-8\n#version=1\n";
    static final String CONFIG_INI = "#written by p2\neclipse.p2.data.area=@config.dir/../p2\n"
            + "osgi.framework=file\\:plugins/org.eclipse.osgi_3.24.300.jar\n"
            + "osgi.framework.extensions=reference\\:file\\:org.eclipse.osgi.compatibility.state_1.3.0.v1.jar\n"
            + "osgi.bundles.defaultStartLevel=4\n";

    private Path configuration(String bundles) throws Exception {
        Path conf = Files.createDirectories(tmp.resolve("configuration"));
        Files.createDirectories(conf.resolve("org.eclipse.equinox.simpleconfigurator"));
        Files.writeString(conf.resolve(P2Bundles.BUNDLES_INFO), HEADER + bundles);
        Files.writeString(conf.resolve("config.ini"), CONFIG_INI);
        return conf;
    }

    @Test
    void theDirectorsBundlesAreP2AndTheWorkbenchsAreNot() {
        for (String n : List.of("bcprov", "bcpg", "bcutil", "org.eclipse.ecf", "org.eclipse.ecf.provider.filetransfer",
                "org.eclipse.equinox.p2.engine", "org.eclipse.equinox.p2.director.app", "org.sat4j.core", "org.sat4j.pb",
                "org.eclipse.equinox.frameworkadmin", "org.eclipse.equinox.frameworkadmin.equinox",
                "org.eclipse.equinox.simpleconfigurator.manipulator", "org.eclipse.equinox.concurrent",
                "org.eclipse.equinox.security", "org.eclipse.osgi.compatibility.state")) {
            assertTrue(P2Bundles.isP2(n), n);
        }
        for (String n : List.of("org.eclipse.osgi", "org.eclipse.equinox.simpleconfigurator", "org.eclipse.equinox.common",
                "org.eclipse.core.runtime", "org.painlab.cli", "org.eclipse.equinox.p2", "org.eclipse.ecfx", "org.example.painlab.pcs")) {
            assertFalse(P2Bundles.isP2(n), n);
        }
    }

    @Test
    void splitMovesTheP2LinesAndTheStateExtensionOutAndIsIdempotent() throws Exception {
        Path conf = configuration("bcprov,1.84.0,plugins/bcprov_1.84.0.jar,4,false\n"
                + "org.eclipse.core.runtime,3.35.0,plugins/org.eclipse.core.runtime_3.35.0.jar,4,true\n"
                + "org.eclipse.equinox.p2.engine,2.11.100,plugins/org.eclipse.equinox.p2.engine_2.11.100.jar,4,false\n"
                + "org.eclipse.osgi.compatibility.state,1.3.0.v1,plugins/org.eclipse.osgi.compatibility.state_1.3.0.v1.jar,4,false\n"
                + "org.painlab.cli,0.1.0,plugins/org.painlab.cli_0.1.0.jar,4,false\n");
        P2Bundles.Result r = P2Bundles.split(conf);
        assertEquals(3, r.moved());
        assertEquals(2, r.kept());
        assertTrue(r.configIniChanged());
        assertEquals(HEADER + "org.eclipse.core.runtime,3.35.0,plugins/org.eclipse.core.runtime_3.35.0.jar,4,true\n"
                + "org.painlab.cli,0.1.0,plugins/org.painlab.cli_0.1.0.jar,4,false\n", Files.readString(conf.resolve(P2Bundles.BUNDLES_INFO)));
        assertEquals(HEADER + "bcprov,1.84.0,plugins/bcprov_1.84.0.jar,4,false\n"
                + "org.eclipse.equinox.p2.engine,2.11.100,plugins/org.eclipse.equinox.p2.engine_2.11.100.jar,4,false\n"
                + "org.eclipse.osgi.compatibility.state,1.3.0.v1,plugins/org.eclipse.osgi.compatibility.state_1.3.0.v1.jar,4,false\n",
                Files.readString(conf.resolve(P2Bundles.P2_LIST)));
        String ini = Files.readString(conf.resolve("config.ini"));
        assertFalse(ini.contains("osgi.framework.extensions"), ini);
        assertTrue(ini.contains("osgi.framework=file\\:plugins/org.eclipse.osgi_3.24.300.jar\nosgi.bundles.defaultStartLevel=4\n"), ini);

        // again (nothing left to move): the p2 list stays
        byte[] list = Files.readAllBytes(conf.resolve(P2Bundles.P2_LIST));
        P2Bundles.Result again = P2Bundles.split(conf);
        assertEquals(0, again.moved());
        assertFalse(again.configIniChanged());
        assertArrayEquals(list, Files.readAllBytes(conf.resolve(P2Bundles.P2_LIST)));
        try (var files = Files.list(conf.resolve("org.eclipse.equinox.simpleconfigurator"))) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void theListsKeepTheirPermissionsAndANewOneIsReadableByAll() throws Exception {
        Path conf = configuration("org.painlab.cli,0.1.0,plugins/org.painlab.cli_0.1.0.jar,4,false\n"
                + "bcprov,1.84.0,plugins/bcprov_1.84.0.jar,4,false\n");
        Path info = conf.resolve(P2Bundles.BUNDLES_INFO);
        Files.setPosixFilePermissions(info, PosixFilePermissions.fromString("rw-rw-r--"));
        Files.setPosixFilePermissions(conf.resolve("config.ini"), PosixFilePermissions.fromString("rw-r-----"));
        P2Bundles.split(conf);
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(info)));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(conf.resolve("config.ini"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(conf.resolve(P2Bundles.P2_LIST))));
    }

    @Test
    void otherFrameworkExtensionsStay() {
        assertEquals("a=1\nosgi.framework.extensions=reference\\:file\\:other_1.0.jar\nb=2\n",
                P2Bundles.withoutStateExtension("a=1\nosgi.framework.extensions=reference\\:file\\:other_1.0.jar,"
                        + "reference\\:file\\:org.eclipse.osgi.compatibility.state_1.3.0.jar\nb=2\n"));
        assertEquals("a=1\r\nb=2", P2Bundles.withoutStateExtension(
                "a=1\r\nosgi.framework.extensions=reference\\:file\\:org.eclipse.osgi.compatibility.state_1.3.0.jar\r\nb=2"));
    }

    @Test
    void aSnapshotPutsBackWhatARunChangedAndRemovesWhatItAdded() throws Exception {
        Path conf = configuration("org.painlab.cli,0.1.0,plugins/org.painlab.cli_0.1.0.jar,4,false\n");
        byte[] info = Files.readAllBytes(conf.resolve(P2Bundles.BUNDLES_INFO));
        byte[] ini = Files.readAllBytes(conf.resolve("config.ini"));
        P2Bundles.Snapshot before = P2Bundles.snapshot(conf);
        Files.writeString(conf.resolve(P2Bundles.BUNDLES_INFO), HEADER + "half,1,plugins/half_1.jar,4,false\n");
        Files.delete(conf.resolve("config.ini"));
        Files.createDirectories(conf.resolve(P2Bundles.P2_LIST).getParent());
        Files.writeString(conf.resolve(P2Bundles.P2_LIST), HEADER);
        assertEquals(3, before.restore());
        assertArrayEquals(info, Files.readAllBytes(conf.resolve(P2Bundles.BUNDLES_INFO)));
        assertArrayEquals(ini, Files.readAllBytes(conf.resolve("config.ini")));
        assertFalse(Files.exists(conf.resolve(P2Bundles.P2_LIST)));
        assertEquals(0, before.restore());
    }
}
