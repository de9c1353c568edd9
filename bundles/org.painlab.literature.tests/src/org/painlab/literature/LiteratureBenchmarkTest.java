package org.painlab.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.store.AuditLog;

/**
 * Import, index and search speed over a large MEDLINE file (made by releng/bench/lit-medline-gen.py,
 * path in system property {@code bench.medline}). Not run by the test command (tagged "bench");
 * releng/bench/lit-import-search.sh runs it and prints the timings.
 */
@Tag("bench")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class LiteratureBenchmarkTest {
    private static final String[] EN = {"chronic pain", "neuropathic pain", "postherpetic neuralgia", "sciatica",
        "radiofrequency ablation", "spinal cord stimulation", "nerve block", "microglia", "exosomes", "neuroinflammation",
        "central sensitization", "ketamine", "pregabalin", "acupuncture", "fibromyalgia", "migraine", "TRPV1", "BDNF",
        "VAS", "ODI", "NRS", "WOMAC", "allodynia", "hyperalgesia", "dorsal horn", "cancer pain", "randomized"};
    private static final String[] ZH = {"疼痛", "神经病理性疼痛", "带状疱疹后神经痛", "腰椎间盘突出症", "射频消融", "脊髓电刺激",
        "神经阻滞", "背根神经节", "小胶质细胞", "外泌体", "神经炎症", "中枢敏化", "针刺", "偏头痛", "三叉神经痛", "癌痛",
        "术后疼痛", "超声引导", "脉冲射频", "生活质量", "随机对照试验", "研究进展"};

    private static final SearchFilter NONE = new SearchFilter(null, null, null, null);

    @TempDir
    Path tmp;

    @Test
    @org.junit.jupiter.api.Order(1) // first: its peak RSS figures are of this JVM's whole life
    void importIndexAndSearchALargeMedlineFile() throws Exception {
        Path file = Path.of(System.getProperty("bench.medline", "missing"));
        assertTrue(Files.isRegularFile(file), "set -Dbench.medline to a file made by releng/bench/lit-medline-gen.py");
        // the build machine is shared: the thread's CPU time says what the work costs whatever the load
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        // as lit import does: a scan for problems, then the records streamed into the import (no file held whole)
        LiteratureFormats formats = new LiteratureFormats();
        LiteratureFormats.FileScan read = formats.scan(file, "medline");
        long t1 = System.nanoTime();
        long c1 = cpu.getCurrentThreadCpuTime();
        int n = read.good();
        assertTrue(read.problems().isEmpty(), read.problems().toString());
        try (Study study = Study.create(tmp.resolve("study"), "bench", StudySchemas.contributed())) {
            long t2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            ImportOutcome o = new LiteratureStore(study, "bench").importStream(file.getFileName().toString(), "medline",
                    sink -> formats.stream(file, "medline", sink), DuplicatePolicy.KEEP_BOTH);
            long t3 = System.nanoTime();
            long c3 = cpu.getCurrentThreadCpuTime();
            String rssAfterImport = peakRss();
            assertEquals(n, o.added().size());
            long audit = study.read(c -> new AuditLog(c).size());
            assertTrue(audit >= n + 1, "one audit row per reference and one for the import: " + audit);
            long chinese = new LiteratureStore(study, null).list().stream().filter(r -> "zh".equals(r.language())).count();
            long t4 = System.nanoTime();
            long c4 = cpu.getCurrentThreadCpuTime();
            try (LiteratureIndex index = new LibrarySearch(study).open()) {
                long t5 = System.nanoTime();
                long c5 = cpu.getCurrentThreadCpuTime();
                Random rnd = new Random(7);
                long[] nanos = new long[1000];
                long[] cpuNanos = new long[1000];
                long hits = 0;
                for (int i = 0; i < nanos.length; i++) {
                    String q = i % 2 == 0 ? EN[rnd.nextInt(EN.length)] + (rnd.nextBoolean() ? " " + EN[rnd.nextInt(EN.length)] : "")
                            : ZH[rnd.nextInt(ZH.length)] + (rnd.nextBoolean() ? " " + ZH[rnd.nextInt(ZH.length)] : "");
                    long s = System.nanoTime();
                    long cs = cpu.getCurrentThreadCpuTime();
                    hits += index.search(q, NONE, 20).size();
                    nanos[i] = System.nanoTime() - s;
                    cpuNanos[i] = cpu.getCurrentThreadCpuTime() - cs;
                }
                Arrays.sort(nanos);
                Arrays.sort(cpuNanos);
                assertTrue(index.search("VAS", NONE, 5).size() == 5);
                assertTrue(index.search("外泌体", NONE, 5).size() == 5);
                System.out.printf(Locale.ROOT, "BENCH lit: %d records (%d Chinese), file %.0f MB%n", n, chinese,
                        Files.size(file) / 1e6);
                System.out.printf(Locale.ROOT, "BENCH lit: scan %.1f s, parse + store (one transaction, %d audit rows) %.1f s, "
                        + "read back + index (one commit) %.1f s%n", (t1 - t0) / 1e9, audit, (t3 - t2) / 1e9, (t5 - t4) / 1e9);
                System.out.printf(Locale.ROOT, "BENCH lit: 1000 mixed zh/en queries with highlights (top 20, %d hits): "
                        + "median %.1f ms, p95 %.1f ms, max %.1f ms%n", hits, nanos[500] / 1e6, nanos[950] / 1e6,
                        nanos[999] / 1e6);
                System.out.printf(Locale.ROOT, "BENCH lit: CPU time of the working thread: scan %.1f s, parse + store %.1f s, "
                        + "read back + index %.1f s (merges run on Lucene's own threads), query median %.1f ms, p95 %.1f ms%n",
                        (c1 - c0) / 1e9, (c3 - c2) / 1e9, (c5 - c4) / 1e9, cpuNanos[500] / 1e6, cpuNanos[950] / 1e6);
                System.out.println("BENCH lit: peak RSS of the test JVM after scan + streamed import " + rssAfterImport
                        + ", after read back + index + queries " + peakRss());
            }
        }
    }

    /**
     * What each way of importing keeps alive, measured after full collections (RSS only says how far the
     * collector let the heap grow): the whole file read at once (as before streaming), against the streamed import sampled every 20,000 records inside its transaction.
     */
    @Test
    @org.junit.jupiter.api.Order(2)
    void liveHeapOfTheWholeFileReadAgainstTheStreamedImport() throws Exception {
        Path file = Path.of(System.getProperty("bench.medline", "missing"));
        assertTrue(Files.isRegularFile(file), "set -Dbench.medline to a file made by releng/bench/lit-medline-gen.py");
        LiteratureFormats formats = new LiteratureFormats();
        long base = liveHeap();
        LiteratureFormats.FileRead whole = formats.read(file, "medline");
        long wholeLive = liveHeap() - base;
        int n = whole.outcome().records().size();
        whole = null;
        long[] peak = {0};
        try (Study study = Study.create(tmp.resolve("live"), "bench", StudySchemas.contributed())) {
            base = liveHeap();
            long start = base;
            ImportOutcome o = new LiteratureStore(study, "bench").importStream(file.getFileName().toString(), "medline",
                    sink -> formats.stream(file, "medline", new RecordSink() {
                        private int seen;

                        @Override
                        public void record(ReadRecord r) throws LiteratureException {
                            sink.record(r);
                            if (++seen % 20_000 == 0) {
                                peak[0] = Math.max(peak[0], liveHeap() - start);
                            }
                        }

                        @Override
                        public void problem(RecordProblem p) throws LiteratureException {
                            sink.problem(p);
                        }
                    }), DuplicatePolicy.KEEP_BOTH);
            assertEquals(n, o.added().size());
        }
        System.out.printf(Locale.ROOT, "BENCH lit live heap: whole file read (%d records held) %.0f MB; streamed import, "
                + "largest of the samples every 20,000 records %.0f MB%n", n, wholeLive / 1e6, peak[0] / 1e6);
        assertTrue(peak[0] < wholeLive, "streaming holds less than the whole file read");
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String peakRss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring(6).strip();
            }
        }
        return "unknown";
    }
}
