package org.painlab.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Text files a user names: every way they can be unreadable is said in the user's terms (issue 9 item 5). */
class TextFilesTest {
    @TempDir
    Path tmp;

    private String failure(Path file) {
        IOException e = assertThrows(IOException.class, () -> TextFiles.readUtf8(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsUtf8AndDropsAByteOrderMark() throws Exception {
        Path f = tmp.resolve("bom.json");
        byte[] text = "{\"caf\u00e9\": 1}".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(f, withBom);
        assertEquals("{\"caf\u00e9\": 1}", TextFiles.readUtf8(f));
    }

    @Test
    void saysWhatIsWrong() throws Exception {
        assertEquals(tmp.resolve("absent.json") + ": no such file", failure(tmp.resolve("absent.json")));
        Path folder = Files.createDirectories(tmp.resolve("dir.json"));
        assertEquals(folder + " is a folder, not a file", failure(folder));
        Path latin1 = Files.write(tmp.resolve("latin1.json"), "{\n\"a\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        String m = failure(latin1);
        assertTrue(m.contains("is not UTF-8 text: byte 0xE9 at offset 11 (line 2)"), m);
        Path utf16 = Files.write(tmp.resolve("utf16.json"), "{}".getBytes(StandardCharsets.UTF_16));
        assertTrue(failure(utf16).contains("is UTF-16 text"));
        Path utf16le = Files.write(tmp.resolve("utf16le.json"), "{\"a\": 1}".getBytes(StandardCharsets.UTF_16LE));
        assertTrue(failure(utf16le).contains("looks like UTF-16"), failure(utf16le));
        Path binary = Files.write(tmp.resolve("bin.json"), new byte[] {1, 2, 0, 3});
        assertTrue(failure(binary).contains("is not text (a zero byte at offset 2, line 1)"), failure(binary));
    }

    @Test
    void aJsonSyntaxErrorHasLineAndColumn() {
        JacksonException e = assertThrows(JacksonException.class,
                () -> JsonMapper.builder().build().readTree("{\n  \"x\": [1, 2\n  \"y\": 3\n}"));
        String where = JsonText.syntaxProblem(e);
        assertTrue(where.startsWith("line 3, column "), where);
    }
}
