package org.painlab.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the small text files a user names (JSON inputs, analysis plans, mappings) as UTF-8,
 * failing with a message that names the file and says what is wrong in the user's terms: "no
 * such file", "is a folder, not a file", "is UTF-16 text", "is not UTF-8 text: byte 0xE9 at
 * offset 17 (line 2)", never Java's "Input length = 1".
 *
 * @since 0.1
 */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * @param file the file to read
     * @return its text, without a UTF-8 byte-order mark
     * @throws IOException with a user-level message that names the file
     */
    public static String readUtf8(Path file) throws IOException {
        byte[] bytes = readBytes(file);
        return decode(file, bytes);
    }

    private static byte[] readBytes(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder, not a file");
        }
        if (!Files.exists(file)) {
            Path parent = file.toAbsolutePath().getParent();
            throw new IOException(file + ": no such file" + (parent != null && !Files.isDirectory(parent)
                    ? " (folder " + parent + " does not exist)" : ""));
        }
        try {
            return Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new IOException(file + ": permission denied", e);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read (" + (e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName()) + ")", e);
        }
    }

    private static String decode(Path file, byte[] bytes) throws IOException {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            throw new IOException(file + " is UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8: save it as UTF-8");
        }
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new IOException(file + " is not text (a zero byte at offset " + i + ", line " + line(bytes, i)
                        + "): " + (looksUtf16(bytes) ? "it looks like UTF-16; save it as UTF-8" : "expected UTF-8 text"));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            throw new IOException(file + " is not UTF-8 text: byte 0x" + String.format("%02X", bytes[at] & 0xFF) + " at offset "
                    + at + " (line " + line(bytes, at) + ") is not valid UTF-8; save the file as UTF-8"
                    + " (it may be Latin-1 or Windows-1252)");
        }
        out.flip();
        return out.toString();
    }

    /** Every other byte zero among the first ones: ASCII written as UTF-16 without a byte-order mark. */
    private static boolean looksUtf16(byte[] bytes) {
        int n = Math.min(bytes.length, 64) & ~1;
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                zeros++;
            }
        }
        return n > 0 && zeros * 2 >= n - 2;
    }

    private static int line(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
