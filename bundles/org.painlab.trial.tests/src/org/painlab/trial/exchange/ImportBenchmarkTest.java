package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.importer.ImportSummary;
import org.painlab.trial.store.GridRow;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;

/**
 * Import speed: 100,000 subjects x 50 variables from a wide CSV into a fresh study. Not run by the
 * test command (tagged "bench"); releng/bench/trial-import.sh runs it and prints the timings.
 */
@Tag("bench")
class ImportBenchmarkTest {
    @TempDir
    Path tmp;

    @Test
    void hundredThousandSubjectsByFiftyVariables() throws Exception {
        int n = Integer.getInteger("bench.subjects", 100_000);
        Path csv = tmp.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            StringBuilder h = new StringBuilder("subject_id,arm");
            for (int v = 1; v <= 50; v++) {
                h.append(",v").append(String.format(Locale.ROOT, "%02d", v));
            }
            w.write(h.append('\n').toString());
            for (int i = 0; i < n; i++) {
                StringBuilder sb = new StringBuilder();
                sb.append(String.format(Locale.ROOT, "B%06d", i)).append(',').append(i % 2 == 0 ? 'S' : 'P');
                for (int v = 1; v <= 50; v++) {
                    sb.append(',').append((i * 31 + v * 7) % 1000 / 10.0);
                }
                w.write(sb.append('\n').toString());
            }
        }
        try (Study study = TrialTestStudies.create(tmp.resolve("study"))) {
            TrialStore store = new TrialStore(study, InstrumentCatalog.installed());
            long t0 = System.nanoTime();
            ImportSummary s = new TrialExchange(store).importFile(csv, ImportOptions.forFile(csv), null);
            long t1 = System.nanoTime();
            assertEquals((long) n, s.added().get("subjects"));
            assertEquals(50L * n, s.added().get("variables"));
            long[] rows = {0};
            store.grid().forEach((GridRow r) -> rows[0]++);
            long t2 = System.nanoTime();
            Path out = tmp.resolve("out.csv");
            new TrialExchange(store).exportFile(out, new ExportOptions(ExchangeFormat.CSV, Layout.WIDE), null);
            long t3 = System.nanoTime();
            assertEquals(n, rows[0]);
            System.out.printf(Locale.ROOT, "BENCH import %d subjects x 50 variables (%.1f MB CSV): %.1f s; grid stream %.1f s; "
                    + "export %.1f s; audit rows %d%n", n, Files.size(csv) / 1e6, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    (t3 - t2) / 1e9, study.info().count("audit_rows"));
            long peak = 0;
            for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(Locale.ROOT, "BENCH peak Java heap during the run: %.0f MB%n", peak / 1e6);
        }
    }
}
