package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportLimits;
import org.painlab.core.importer.ImportProblem;
import org.painlab.core.store.AuditLog;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;

/**
 * Every importer refuses a file larger than its {@link ImportLimits} while reading it, before the
 * memory is spent, with a message naming the file, the limit and how to raise it; the study is left
 * as it was. The zip bombs are generated here ({@link ZipBomb}), never committed.
 */
class ImportLimitsTest {
    @TempDir
    Path tmp;
    Study study;
    TrialExchange exchange;
    Map<String, Object> infoBefore;
    long auditBefore;

    @BeforeEach
    void setUp() throws Exception {
        study = TrialTestStudies.create(tmp.resolve("study"));
        exchange = new TrialExchange(new TrialStore(study, InstrumentCatalog.installed()));
        infoBefore = study.info().toMap();
        auditBefore = study.read(c -> new AuditLog(c).size());
    }

    @AfterEach
    void tearDown() throws Exception {
        assertEquals(infoBefore, study.info().toMap(), "the study is unchanged");
        assertEquals(auditBefore, (long) study.read(c -> new AuditLog(c).size()), "no audit row was added");
        study.close();
    }

    private static ImportLimits limits(long bytes, long rows, int columns, int cell) {
        return new ImportLimits(bytes, rows, columns, cell, ImportLimits.DEFAULT_MAX_RATIO);
    }

    /** The refusal's text (every problem), after checking it names the file. */
    private String refused(TrialExchange x, Path file, ImportOptions options) {
        ImportException e = assertThrows(ImportException.class, () -> x.importFile(file, options, null));
        assertTrue(e.getMessage().startsWith(file.getFileName().toString() + ":"), e.getMessage());
        return e.problems().stream().map(ImportProblem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void aZipBombIsRefusedInSecondsWhateverItsHeadersDeclare() throws Exception {
        for (boolean honest : new boolean[] {true, false}) {
            Path bomb = tmp.resolve("bomb-" + honest + ".xlsx");
            long inflated = ZipBomb.write(bomb, 1600, honest);
            assertTrue(inflated > 1_500_000_000L, "the sheet inflates to " + inflated);
            assertTrue(Files.size(bomb) < 8_000_000L, "the bomb is small: " + Files.size(bomb));
            long start = System.nanoTime();
            String text = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refused(exchange, bomb, ImportOptions.forFile(bomb)));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 10, "refused after " + seconds + " s");
            assertTrue(text.contains("worksheet xl/worksheets/sheet1.xml"), text);
            if (honest) {
                // the header says 1.6 GB: refused before inflating anything
                assertTrue(text.contains("declares") && text.contains("max-bytes"), text);
            } else {
                // the header lies (4 KB): the inflated bytes are counted and the ratio stops it after 1 MB
                assertTrue(text.contains("zip bomb") && text.contains("max-ratio"), text);
            }
            assertTrue(text.contains("raise it with --max-"), text);
        }
    }

    @Test
    void aLyingBombWithTheRatioRaisedStopsAtTheByteLimit() throws Exception {
        Path bomb = tmp.resolve("bomb.xlsx");
        ZipBomb.write(bomb, 16, false);
        TrialExchange x = exchange.withLimits(new ImportLimits(2L << 20, ImportLimits.DEFAULT_MAX_ROWS,
                ImportLimits.DEFAULT_MAX_COLUMNS, ImportLimits.DEFAULT_MAX_CELL_CHARS, 1_000_000));
        ImportException e = assertThrows(ImportException.class, () -> x.importFile(bomb, ImportOptions.forFile(bomb), null));
        // the rows read before the limit each repeat a subject id; the limit is listed first all the same
        String first = e.problems().get(0).toString();
        assertTrue(first.contains("larger than 2 MB uncompressed") && first.contains("max-bytes = 2097152"), first);
        assertTrue(e.problems().size() > 1000, "the duplicate ids before the limit are listed too");
    }

    @Test
    void csvRowsColumnsCellsAndBytes() throws Exception {
        Path rows = tmp.resolve("rows.csv");
        StringBuilder sb = new StringBuilder("subject_id,age\n");
        for (int i = 1; i <= 50; i++) {
            sb.append("S-").append(i).append(",40\n");
        }
        Files.writeString(rows, sb);
        String r = refused(exchange.withLimits(limits(1 << 20, 20, 100, 100)), rows, ImportOptions.forFile(rows));
        assertTrue(r.contains("more than 20 rows") && r.contains("--max-rows"), r);

        Path wide = tmp.resolve("wide.csv");
        Files.writeString(wide, "subject_id,age,a,b,c,d,e\nS-1,40,1,2,3,4,5\n");
        String c = refused(exchange.withLimits(limits(1 << 20, 20, 5, 100)), wide, ImportOptions.forFile(wide));
        assertTrue(c.contains("more than 5 fields") && c.contains("--max-columns"), c);

        Path cell = tmp.resolve("cell.csv");
        Files.writeString(cell, "subject_id,age\nS-1,\"" + "x".repeat(500) + "\"\n");
        String l = refused(exchange.withLimits(limits(1 << 20, 20, 100, 100)), cell, ImportOptions.forFile(cell));
        assertTrue(l.contains("longer than 100 characters") && l.contains("--max-cell-chars"), l);

        String b = refused(exchange.withLimits(limits(100, 20, 100, 100)), rows, ImportOptions.forFile(rows));
        assertTrue(b.contains("larger than 100 bytes") && b.contains("--max-bytes"), b);
    }

    @Test
    void xlsxRowsColumnsAndCells() throws Exception {
        Path small = tmp.resolve("small.xlsx");
        ZipBomb.write(small, 1, true);
        String r = refused(exchange.withLimits(limits(64L << 20, 1000, 100, 100)), small, ImportOptions.forFile(small));
        assertTrue(r.contains("more than 1000 rows") && r.contains("--max-rows"), r);
        String c = refused(exchange.withLimits(limits(64L << 20, 1 << 20, 1, 100)), small, ImportOptions.forFile(small));
        assertTrue(c.contains("beyond 1 columns") && c.contains("--max-columns"), c);
        String l = refused(exchange.withLimits(limits(64L << 20, 1 << 20, 100, 5)), small, ImportOptions.forFile(small));
        assertTrue(l.contains("more than a cell may") && l.contains("max-cell-chars = 5"), l);
    }

    @Test
    void odmBytesAndSubjects() throws Exception {
        Path odm = tmp.resolve("trial.xml");
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\">"
                + "<ClinicalData StudyOID=\"S\" MetaDataVersionOID=\"v1\">\n");
        for (int i = 1; i <= 30; i++) {
            sb.append("<SubjectData SubjectKey=\"S-").append(i).append("\"><StudyEventData StudyEventOID=\"admission\"><FormData FormOID=\"vas\">"
                    + "<ItemGroupData ItemGroupOID=\"vas\"><ItemData ItemOID=\"vas\" Value=\"" + "5".repeat(i == 30 ? 200 : 1) + "\"/>"
                    + "</ItemGroupData></FormData></StudyEventData></SubjectData>\n");
        }
        sb.append("</ClinicalData></ODM>\n");
        Files.writeString(odm, sb);
        ImportOptions o = ImportOptions.forFile(odm).withFormat(ExchangeFormat.ODM);
        String b = refused(exchange.withLimits(limits(1000, 1000, 100, 1000)), odm, o);
        assertTrue(b.contains("larger than 1000 bytes") && b.contains("--max-bytes"), b);
        String r = refused(exchange.withLimits(limits(1 << 20, 10, 100, 1000)), odm, o);
        assertTrue(r.contains("more than 10 SubjectData") && r.contains("--max-rows"), r);
    }

    @Test
    void redcapDataAndDictionary() throws Exception {
        Path data = Path.of(System.getProperty("painlab.reference", "../../../shared/reference"), "exchange", "redcap",
                "redcap_clinical-trial-1.csv");
        assertTrue(Files.isRegularFile(data), "reference file not found: " + data + " (-Dpainlab.reference)");
        ImportOptions o = ImportOptions.forFile(data).withFormat(ExchangeFormat.REDCAP);
        // the dictionary has 13 lines, the data 501
        String r = refused(exchange.withLimits(limits(1 << 20, 100, 1000, 10_000)), data, o);
        assertTrue(r.contains("more than 100 rows") && r.contains("--max-rows"), r);
        ImportException e = assertThrows(ImportException.class,
                () -> exchange.withLimits(limits(1000, 1000, 1000, 10_000)).importFile(data, o, null));
        String b = e.problems().toString();
        // the dictionary is read first: it is the file named
        assertTrue(b.contains("redcap_clinical-trial-1_DataDictionary.csv") && b.contains("larger than 1000 bytes")
                && b.contains("--max-bytes"), b);
    }

    @Test
    void optionsAndSystemPropertiesRaiseTheDefaults() {
        ImportLimits d = ImportLimits.builtIn();
        assertEquals(100L << 20, d.maxBytes());
        assertEquals(1_000_000, d.maxRows());
        ImportLimits o = ImportLimits.fromOptions(Map.of("max-bytes", "2GB", "max-rows", "5,000,000", "mapping", "x.json"));
        assertEquals(2L << 30, o.maxBytes());
        assertEquals(5_000_000, o.maxRows());
        assertEquals(d.maxCellChars(), o.maxCellChars());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ImportLimits.fromOptions(Map.of("max-rows", "-3")));
        assertTrue(bad.getMessage().contains("max-rows") && bad.getMessage().contains("positive"), bad.getMessage());
        String before = System.getProperty("painlab.import.max-cell-chars");
        System.setProperty("painlab.import.max-cell-chars", "64K");
        try {
            assertEquals(65_536, ImportLimits.defaults().maxCellChars());
        } finally {
            if (before == null) {
                System.clearProperty("painlab.import.max-cell-chars");
            } else {
                System.setProperty("painlab.import.max-cell-chars", before);
            }
        }
    }
}
