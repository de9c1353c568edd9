package org.painlab.core.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Bytes are counted as read and a limit passed stops the reading with a message saying how to raise it. */
class LimitedInputStreamTest {

    @Test
    void readsUpToTheLimitAndStopsJustPastIt() throws IOException {
        byte[] data = new byte[1000];
        try (InputStream in = new LimitedInputStream(new ByteArrayInputStream(data), 1000, "x.csv")) {
            assertArrayEquals(data, in.readAllBytes());
        }
        ImportLimitException e = assertThrows(ImportLimitException.class,
                () -> new LimitedInputStream(new ByteArrayInputStream(data), 999, "x.csv").readAllBytes());
        assertEquals(ImportLimits.MAX_BYTES, e.key());
        assertEquals(999, e.limit());
        assertTrue(e.getMessage().startsWith("x.csv is larger than 999 bytes uncompressed"), e.getMessage());
        assertTrue(e.getMessage().contains("--max-bytes N or -Dpainlab.import.max-bytes=N"), e.getMessage());
        assertTrue(ImportLimits.isLimitMessage(e.getMessage()));
    }

    @Test
    void theRatioIsCheckedAgainstTheCompressedBytesConsumedOncePastTheGrace() throws IOException {
        int mb = 1 << 20;
        long[] raw = {0};
        // 1 raw byte per 200 bytes read: a zip bomb's ratio
        InputStream bomb = new InputStream() {
            long n;

            @Override
            public int read() {
                raw[0] = ++n / 200 + 1;
                return 'a';
            }
        };
        LimitedInputStream in = new LimitedInputStream(bomb, 1L << 30, () -> raw[0], 100, "sheet");
        ImportLimitException e = assertThrows(ImportLimitException.class, () -> in.readNBytes(4 * mb));
        assertEquals(ImportLimits.MAX_RATIO, e.key());
        assertTrue(in.count() > ImportLimits.RATIO_GRACE_BYTES && in.count() < ImportLimits.RATIO_GRACE_BYTES + 65_536,
                "stopped just past the grace: " + in.count());
        assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());

        // below the grace, any ratio is fine (a tiny part of a few bytes compresses very well)
        long[] none = {1};
        InputStream small = new ByteArrayInputStream(new byte[mb]);
        assertEquals(mb, new LimitedInputStream(small, 1L << 30, () -> none[0], 100, "sheet").readAllBytes().length);
    }

    @Test
    void limitsComeFromOptionsWithUnits() {
        ImportLimits l = ImportLimits.fromOptions(Map.of("max-bytes", "512MB", "max-cell-chars", "64k", "max-columns", "20_000"));
        assertEquals(512L << 20, l.maxBytes());
        assertEquals(65_536, l.maxCellChars());
        assertEquals(20_000, l.maxColumns());
        assertEquals(ImportLimits.DEFAULT_MAX_ROWS, l.maxRows());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImportLimits.fromOptions(Map.of("max-bytes", "lots")));
        assertTrue(e.getMessage().contains("option max-bytes: 'lots' is not a positive whole number"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ImportLimits(0, 1, 1, 1, 1));
        assertEquals("100 MB", ImportLimits.bytes(ImportLimits.DEFAULT_MAX_BYTES));
    }
}
