package org.painlab.trial.internal.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds where the quote that is never closed opened: FastCSV only says on which line the broken record
 * starts, and a record may span lines, so the file is read again from that line (only after an error).
 */
final class QuoteScan {
    private QuoteScan() {
    }

    /**
     * Scans a record that runs to the end of the file.
     *
     * @param file the CSV file
     * @param separator the field separator
     * @param startLine the 1-based line where the record starts
     * @return {line where the last quote opened, 0-based field index, characters from the quote to the end}
     * @throws IOException when the file cannot be read
     */
    static long[] unclosed(Path file, char separator, long startLine) throws IOException {
        long line = 1;
        long openLine = startLine;
        long openField = 0;
        long openAt = 0;
        long pos = 0;
        long field = 0;
        boolean quoted = false;
        boolean fieldStart = true;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            int pending = -1;
            while ((c = pending >= 0 ? pending : r.read()) != -1) {
                pending = -1;
                pos++;
                if (line < startLine) {
                    if (c == '\r') {
                        int d = r.read();
                        if (d != '\n') {
                            pending = d;
                        } else {
                            pos++;
                        }
                        line++;
                    } else if (c == '\n') {
                        line++;
                    }
                    continue;
                }
                if (quoted) {
                    if (c == '"') {
                        int d = r.read();
                        if (d == '"') {
                            pos++;
                            continue;
                        }
                        quoted = false;
                        fieldStart = false;
                        pending = d;
                        continue;
                    }
                } else if (c == '"' && fieldStart) {
                    quoted = true;
                    openLine = line;
                    openField = field;
                    openAt = pos;
                    continue;
                } else if (c == separator) {
                    field++;
                    fieldStart = true;
                    continue;
                } else if (c == '\r' || c == '\n') {
                    field = 0;
                    fieldStart = true;
                } else {
                    fieldStart = false;
                }
                if (c == '\r') {
                    int d = r.read();
                    if (d != '\n') {
                        pending = d;
                    } else {
                        pos++;
                    }
                    line++;
                } else if (c == '\n') {
                    line++;
                }
            }
        }
        return new long[] {openLine, openField, Math.max(0, pos - openAt)};
    }
}
