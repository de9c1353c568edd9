package org.painlab.fuzz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.painlab.trial.exchange.ExchangeFormat;
import org.painlab.trial.exchange.ImportOptions;
import org.painlab.trial.exchange.Layout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The REDCap importer on a fuzzed data CSV and data dictionary, both taken from one input: the
 * dictionary, a line {@value #SEPARATOR}, then the data (seeded from RedcapImportFuzzTestInputs; an
 * input without the line is a data file with an empty dictionary).
 */
class RedcapImportFuzzTest {
    static final String SEPARATOR = "#%%data%%";
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
        byte[] sep = ("\n" + SEPARATOR + "\n").getBytes(StandardCharsets.UTF_8);
        int at = indexOf(data, sep);
        byte[] dictionary = at < 0 ? new byte[0] : Arrays.copyOfRange(data, 0, at);
        byte[] values = at < 0 ? data : Arrays.copyOfRange(data, at + sep.length, data.length);
        Path dict = harness.file("project_DataDictionary.csv", dictionary);
        Path file = harness.file("project.csv", values);
        harness.importAndCheck(file, new ImportOptions(ExchangeFormat.REDCAP, Layout.WIDE, null, dict, "fuzz"));
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
