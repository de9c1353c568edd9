package org.painlab.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;

/**
 * A file imported record by record (scan for problems, then stream into one transaction in chunks) gives
 * exactly what the whole-file import gives, names its bad records, and stores nothing when the read fails
 * part-way, however many chunks were already written.
 */
class StreamingImportTest {
    @TempDir
    Path tmp;

    /** {@code n} MEDLINE records; record {@code bad} (from 1, 0 for none) has a line that is not MEDLINE. */
    private static String medline(int n, int bad) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append("PMID- ").append(30_000_000 + i).append('\n')
                    .append("TI  - Pulsed radiofrequency for chronic pain: cohort ").append(i).append(".\n")
                    .append("      A continuation line of the title.\n")
                    .append("FAU - Wang, Li\nAU  - Wang L\nAD  - West China Hospital\n")
                    .append("DP  - ").append(2000 + i % 25).append(" Mar 4\nJT  - Pain\nVI  - ").append(i % 40).append('\n');
            if (i == bad) {
                sb.append("this line is not MEDLINE\n");
            }
            if (i % 5 == 0) {
                sb.append("TT  - 脉冲射频治疗慢性疼痛的队列研究 ").append(i).append("\nLA  - chi\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void streamingGivesWhatTheWholeFileGivesAndNamesTheBadRecord() throws Exception {
        String text = medline(2_500, 1_234);
        Path file = tmp.resolve("pubmed.nbib");
        Files.writeString(file, "\uFEFF" + text, StandardCharsets.UTF_8);
        LiteratureFormats formats = new LiteratureFormats();
        LiteratureFormats.FileScan scan = formats.scan(file, LiteratureFormats.AUTO);
        assertEquals("medline", scan.format());
        assertEquals(2_500, scan.recordsRead());
        assertEquals(2_499, scan.good());
        assertEquals(1, scan.problems().size());
        RecordProblem p = scan.problems().get(0);
        assertEquals(1_234, p.record());
        assertEquals("PMID 30001234", p.recordId());
        int line = List.of(text.split("\n", -1)).indexOf("this line is not MEDLINE") + 1;
        assertEquals(line, p.line(), "the line in the file");

        ReadOutcome whole = formats.read(file, "medline").outcome();
        try (Study s = Study.create(tmp.resolve("study"), "lit", StudySchemas.contributed())) {
            ImportOutcome o = new LiteratureStore(s, "tester").importStream(file.getFileName().toString(), scan.format(),
                    sink -> formats.stream(file, scan.format(), sink), DuplicatePolicy.KEEP_EXISTING);
            assertEquals(2_499, o.added().size(), "three chunks of new references");
            assertEquals(2_500, o.recordsRead(), "the bad record is counted as read");
            List<Reference> stored = new LiteratureStore(s, null).list();
            assertEquals(whole.records().stream().map(r -> r.reference().pmid() + "|" + r.reference().title() + "|"
                    + r.reference().titleZh() + "|" + r.reference().authors() + "|" + r.reference().year()).sorted().toList(),
                    stored.stream().map(r -> r.pmid() + "|" + r.title() + "|" + r.titleZh() + "|" + r.authors() + "|" + r.year())
                            .sorted().toList());
            assertEquals(2_500, new LiteratureStore(s, null).prisma().identified());
        }
    }

    @Test
    void aFailurePartWayStoresNothing() throws Exception {
        Path file = tmp.resolve("pubmed.nbib");
        Files.writeString(file, medline(2_600, 0), StandardCharsets.UTF_8);
        LiteratureFormats formats = new LiteratureFormats();
        try (Study s = Study.create(tmp.resolve("study"), "lit", StudySchemas.contributed())) {
            LiteratureStore store = new LiteratureStore(s, "tester");
            int[] fed = {0};
            StudyException e = assertThrows(StudyException.class, () -> store.importStream("pubmed.nbib", "medline",
                    sink -> formats.stream(file, "medline", new RecordSink() {
                        @Override
                        public void record(ReadRecord r) throws LiteratureException {
                            if (++fed[0] == 2_100) {
                                throw new LiteratureException("record " + r.record() + ": the disk is full");
                            }
                            sink.record(r);
                        }

                        @Override
                        public void problem(RecordProblem p) throws LiteratureException {
                            sink.problem(p);
                        }
                    }), DuplicatePolicy.KEEP_EXISTING));
            assertTrue(e.getMessage().contains("record 2100: the disk is full") && e.getMessage().contains("nothing was imported"),
                    e.getMessage());
            assertEquals(0, store.count(), "two chunks were written, and rolled back");
            assertEquals(0, store.prisma().identified());
        }
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithItsOffsetAndLine() throws Exception {
        Path file = tmp.resolve("latin1.nbib");
        byte[] text = medline(3, 0).getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[text.length + 1];
        System.arraycopy(text, 0, bad, 0, 20);
        bad[20] = (byte) 0xE9; // é in Latin-1
        System.arraycopy(text, 20, bad, 21, text.length - 20);
        Files.write(file, bad);
        LiteratureException e = assertThrows(LiteratureException.class, () -> new LiteratureFormats().scan(file, "medline"));
        assertTrue(e.getMessage().contains("0xE9") && e.getMessage().contains("offset 20") && e.getMessage().contains("line 2"),
                e.getMessage());
    }
}
