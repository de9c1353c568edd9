package org.painlab.stats.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.data.SubjectData;

/**
 * The byte-level CSV reader: quoting, line ends, byte order mark, empty lines and line numbers as RFC 4180 and
 * the previous reader had them, whatever the buffer size; numbers read from bytes equal Double.parseDouble's.
 */
class CsvRecordsTest {
    @TempDir
    Path tmp;

    private static List<String> records(String text, int buffer) throws IOException {
        List<String> out = new ArrayList<>();
        try (CsvRecords r = new CsvRecords(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), (byte) ',',
                null, "t.csv", buffer)) {
            while (r.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < r.fields(); i++) {
                    fields.add(new String(r.buffer(), r.start(i), r.end(i) - r.start(i), StandardCharsets.UTF_8));
                }
                out.add(r.line() + ":" + String.join("|", fields));
            }
        }
        return out;
    }

    @Test
    void quotesLineEndsAndLineNumbersWhateverTheBuffer() throws IOException {
        String text = "\uFEFFid,name,note\r\n1,\"Smith, J\",\"said \"\"hi\"\"\"\n\n2,Ann,\"two\nlines\"\r3,,\n4,é,\"\"";
        List<String> expected = List.of("1:id|name|note", "2:1|Smith, J|said \"hi\"", "4:2|Ann|two\nlines",
                "6:3||", "7:4|é|");
        for (int buffer : new int[] {16, 17, 19, 23, 64, 1 << 16}) {
            assertEquals(expected, records(text, buffer), "buffer " + buffer);
        }
        assertEquals(List.of("1:a|b", "2:c|"), records("a,b\nc,\n", 16));
    }

    @Test
    void anUnclosedQuoteIsNamedByItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> records("a,b\n1,\"open\n2,3\n", 16));
        assertTrue(e.getMessage().contains("t.csv line 2"), e.getMessage());
    }

    @Test
    void numbersFromBytesEqualParseDouble() {
        SplittableRandom rnd = new SplittableRandom(2);
        List<String> cells = new ArrayList<>(List.of("0", "-0.0", "+5", "1.", ".5", "007.250", "123456789012345678",
                "0.1", "-99", "9007199254740993", "1e5", "NA", "", ".", "-", "1.2.3", "0.0000000000000000000001",
                "179769313486231570000000000000000000000000000"));
        for (int i = 0; i < 20_000; i++) {
            double v = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(12) - 4);
            cells.add(String.format(java.util.Locale.ROOT, "%." + rnd.nextInt(12) + "f", v));
            cells.add(Double.toString(v));
        }
        for (String cell : cells) {
            byte[] b = cell.getBytes(StandardCharsets.US_ASCII);
            double fast = CsvNumber.parse(b, 0, b.length);
            if (Double.isNaN(fast)) {
                continue;
            }
            assertEquals(Double.doubleToLongBits(Double.parseDouble(cell)), Double.doubleToLongBits(fast), cell);
        }
        assertTrue(Double.isNaN(CsvNumber.parse("1e5".getBytes(StandardCharsets.US_ASCII), 0, 3)),
                "exponents are left to Double.parseDouble");
    }

    @Test
    void quotedCellsMissingCodesAndGroupsReadAsBefore() throws IOException {
        Path csv = tmp.resolve("q.csv");
        Files.writeString(csv, "id,arm,age,sex,score\n"
                + "\"a1\",\"S\",\" 41.5 \",\"F\",-99\n"
                + "a2,P,NA,M,3\n"
                + "a3,S,38,\"M\",\"2\"\n"
                + "a4,,50,F,1\n"
                + "a5,P,1e1,F,2\n");
        FrameSpec spec = FrameSpec.parse("{\"id\": \"id\", \"continuous\": [\"age\", \"score\"], \"categorical\": [\"sex\"],"
                + " \"missing\": [\"\", \"NA\", \"-99\"]}");
        CsvFrame.Read read = new CsvFrame(csv, "arm", spec).read();
        SubjectData d = read.data();
        assertEquals(5, read.rows());
        assertEquals(1, read.rowsWithoutGroup());
        assertEquals(List.of("P", "S"), d.arms());
        assertEquals(4, d.size());
        double[] age = d.asNumbers("age", null);
        assertEquals(41.5, age[0]);
        assertTrue(Double.isNaN(age[1]));
        assertEquals(10.0, age[3], "an exponent is read the slow way");
        assertTrue(Double.isNaN(d.asNumbers("score", null)[0]), "-99 is a missing-value code, not a number");
        assertEquals(2.0, d.asNumbers("score", null)[2]);
        assertEquals(64, read.sha256().length());
    }

    @Test
    void aShortRowIsNamedByItsLine() throws IOException {
        Path csv = tmp.resolve("s.csv");
        Files.writeString(csv, "arm,age\nS,1\nP\n");
        FrameSpec spec = FrameSpec.parse("{\"continuous\": [\"age\"]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CsvFrame(csv, "arm", spec).read());
        assertTrue(e.getMessage().contains("s.csv line 3: 1 field where the header line has 2"), e.getMessage());
    }
}
