package org.painlab.trial.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.FileLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.painlab.core.Study;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;

/**
 * Kills a process with SIGKILL in the middle of an import and in the middle of data
 * entry, then reopens the study: committed data is all there, the interrupted import
 * left nothing, and the audit trail matches the data.
 */
class CrashRecoveryTest {
    @TempDir
    Path tmp;

    @Test
    void killDuringImportLeavesNothing() throws Exception {
        Path dir = tmp.resolve("import");
        long auditBefore;
        try (Study s = TrialTestStudies.demo(dir)) {
            auditBefore = s.read(c -> new AuditLog(c).size());
        }
        Path csv = tmp.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("subject_id,arm");
            for (int v = 1; v <= 20; v++) {
                header.append(",x").append(v);
            }
            w.write(header.append('\n').toString());
            for (int i = 0; i < 60_000; i++) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "K%06d,%s", i, i % 2 == 0 ? "S" : "P"));
                for (int v = 1; v <= 20; v++) {
                    row.append(',').append((i + v) % 97);
                }
                w.write(row.append('\n').toString());
            }
        }
        Path marker = tmp.resolve("import.log");
        Process p = start("import", dir, marker, csv.toString());
        waitFor(() -> Files.exists(marker), p, 60);
        Thread.sleep(300);
        assertTrue(p.isAlive(), "the import must still be running when it is killed");
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertFalse(Files.readString(marker).contains("finished"));

        try (Study s = TrialTestStudies.open(dir)) {
            assertEquals(77L, s.info().count("subjects"), "the interrupted import added nothing");
            assertEquals(auditBefore, (long) s.read(c -> new AuditLog(c).size()), "and wrote no audit rows");
        }
    }

    @Test
    void killDuringDataEntryKeepsEveryCommittedSave() throws Exception {
        Path dir = tmp.resolve("entry");
        TrialTestStudies.demo(dir).close();
        Path marker = tmp.resolve("entry.log");
        Process p = start("entry", dir, marker);
        waitFor(() -> lines(marker).size() >= 40, p, 60);
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Map<String, Double> lastCommitted = new LinkedHashMap<>();
        for (String line : lines(marker)) {
            String[] f = line.split(",");
            if (f.length == 2) {
                lastCommitted.put(f[0], Double.parseDouble(f[1]));
            }
        }
        assertTrue(lastCommitted.size() >= 10, "saves were committed before the kill");
        try (Study s = TrialTestStudies.open(dir)) {
            TrialStore store = new TrialStore(s, InstrumentCatalog.installed());
            List<AuditEntry> audit = s.read(c -> new AuditLog(c).entries(0, Integer.MAX_VALUE));
            int differing = 0;
            for (Map.Entry<String, Double> e : lastCommitted.entrySet()) {
                String subject = e.getKey();
                Double stored = store.answers(subject, "admission", "vas").get("vas");
                assertTrue(stored != null, subject + ": its committed answer is there");
                // Only the save in flight at the kill may have committed without reaching the log.
                if (stored.doubleValue() != e.getValue()) {
                    differing++;
                }
                AuditEntry last = null;
                for (AuditEntry a : audit) {
                    if ("answer".equals(a.entity()) && (subject + "/admission/vas").equals(a.entityId()) && "vas".equals(a.field())) {
                        last = a;
                    }
                }
                assertTrue(last != null, subject + ": the change is in the audit trail");
                assertEquals(stored, Double.parseDouble(last.newValue()), 1e-9,
                        subject + ": the last audit row's new value is the stored value");
            }
            assertTrue(differing <= 1, differing + " subjects lost a logged (committed) save");
        }
    }

    private Process start(String mode, Path dir, Path marker, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(CrashWorker.class.getName());
        cmd.add(mode);
        cmd.add(dir.toString());
        cmd.add(marker.toString());
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(mode + ".out").toFile()).start();
    }

    /** Every installed bundle's jar or folder: the worker runs the same code outside OSGi. */
    private static String classPath() throws Exception {
        Set<String> entries = new LinkedHashSet<>();
        for (Bundle b : FrameworkUtil.getBundle(CrashRecoveryTest.class).getBundleContext().getBundles()) {
            FileLocator.getBundleFileLocation(b).ifPresent(f -> {
                entries.add(f.getAbsolutePath());
                // bundles of the build itself are installed as project folders (classes in target/classes)
                for (String sub : new String[] { "target/classes", "bin" }) {
                    File classes = new File(f, sub);
                    if (classes.isDirectory()) {
                        entries.add(classes.getAbsolutePath());
                    }
                }
            });
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private void waitFor(BooleanSupplier done, Process p, int seconds) throws Exception {
        long end = System.currentTimeMillis() + seconds * 1000L;
        while (!done.getAsBoolean()) {
            if (!p.isAlive()) {
                throw new AssertionError("worker ended early: " + Files.readString(tmp.resolve(
                        Files.list(tmp).filter(f -> f.toString().endsWith(".out")).findFirst().orElseThrow())));
            }
            if (System.currentTimeMillis() > end) {
                p.destroyForcibly();
                throw new AssertionError("worker did not get going within " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }
}
