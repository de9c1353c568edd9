package org.painlab.fuzz;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.painlab.trial.exchange.ExchangeFormat;
import org.painlab.trial.exchange.ImportOptions;
import org.painlab.trial.exchange.Layout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** The CSV importer, long layout (one row per value), on fuzzed files seeded from LongCsvImportFuzzTestInputs. */
class LongCsvImportFuzzTest {
    private ImportHarness harness;

    @BeforeEach
    void open() throws Exception {
        harness = new ImportHarness();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @FuzzTest(maxDuration = "20s")
    void fuzz(byte[] data) throws Exception {
        Path file = harness.file("long.csv", data);
        harness.importAndCheck(file, new ImportOptions(ExchangeFormat.CSV, Layout.LONG, null, null, "fuzz"));
    }
}
