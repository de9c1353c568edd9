package org.painlab.stats.frame;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits CSV bytes into records of field slices, a buffer at a time, without a String per cell: a table of
 * 200,000 rows and 23 columns holds 4.6 million cells, and a String for each (what a general CSV library hands
 * out) costs more than the analysis. RFC 4180: fields in double quotes may hold separators, line breaks and
 * doubled quotes; lines end in LF, CRLF or CR; a UTF-8 byte order mark is skipped; empty lines are skipped.
 * Every byte read also goes to {@link #digest}, so the file's hash costs no second read.
 */
final class CsvRecords implements Closeable {
    private static final int MIN_BUFFER = 1 << 16;

    private final InputStream in;
    private final byte separator;
    private final java.security.MessageDigest digest;
    private final String file;
    private byte[] buf;
    private int limit;
    private int pos;
    private boolean eof;
    private boolean first = true;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private boolean[] quoted = new boolean[32];
    private int fields;
    private long nextLine = 1;
    private long line;
    private int recordBytes;

    CsvRecords(InputStream in, byte separator, java.security.MessageDigest digest, String file, int bufferSize) {
        this.in = in;
        this.separator = separator;
        this.digest = digest;
        this.file = file;
        this.buf = new byte[Math.max(bufferSize, 16)];
    }

    CsvRecords(InputStream in, byte separator, java.security.MessageDigest digest, String file) {
        this(in, separator, digest, file, MIN_BUFFER * 16);
    }

    /** @return the buffer the field slices point into (valid until the next {@link #next()}) */
    byte[] buffer() {
        return buf;
    }

    /** @return fields of the current record */
    int fields() {
        return fields;
    }

    /** @return first byte of field {@code i} (quotes removed, doubled quotes undone) */
    int start(int i) {
        return starts[i];
    }

    /** @return end (exclusive) of field {@code i} */
    int end(int i) {
        return ends[i];
    }

    /** @return bytes of the current record, its line end included */
    int recordBytes() {
        return recordBytes;
    }

    /** @return the line the current record starts on, 1-based */
    long line() {
        return line;
    }

    /**
     * Moves to the next record that is not an empty line.
     *
     * @return false at the end of the file
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException for a quoted field without its closing quote (naming the line)
     */
    boolean next() throws IOException {
        while (true) {
            if (first) {
                first = false;
                fill();
                if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
                    pos = 3;
                }
            }
            if (pos >= limit) {
                if (eof) {
                    return false;
                }
                fill();
                continue;
            }
            int end = scan();
            if (end < 0) {
                // the record runs past the buffer: keep its start, read on, scan it again
                if (eof) {
                    throw new IllegalStateException("unreachable: scan completes at the end of the file");
                }
                fill();
                continue;
            }
            line = nextLine;
            nextLine += 1 + lineBreaksInQuotes;
            recordBytes = end - pos;
            pos = end;
            for (int i = 0; i < fields; i++) {
                if (quoted[i]) {
                    unquote(i);
                }
            }
            if (fields == 1 && starts[0] == ends[0] && !quoted[0]) {
                continue;
            }
            return true;
        }
    }

    private int lineBreaksInQuotes;

    /** @return the position after the record starting at {@link #pos}, or -1 when the buffer ends first */
    private int scan() {
        byte[] b = buf;
        int p = pos;
        int n = limit;
        byte sep = separator;
        fields = 0;
        lineBreaksInQuotes = 0;
        while (true) {
            int fieldStart = p;
            boolean q = false;
            if (p < n && b[p] == '"') {
                q = true;
                p++;
                while (true) {
                    if (p >= n) {
                        if (!eof) {
                            return -1;
                        }
                        throw new IllegalArgumentException(file + " line " + nextLine + ": a quoted field has no closing quote");
                    }
                    byte c = b[p];
                    if (c == '"') {
                        if (p + 1 >= n && !eof) {
                            return -1;
                        }
                        if (p + 1 < n && b[p + 1] == '"') {
                            p += 2;
                            continue;
                        }
                        p++;
                        break;
                    }
                    if (c == '\r' && p + 1 >= n && !eof) {
                        return -1;
                    }
                    if (c == '\n' || c == '\r' && (p + 1 >= n || b[p + 1] != '\n')) {
                        lineBreaksInQuotes++;
                    }
                    p++;
                }
            }
            while (p < n) {
                byte c = b[p];
                if (c == sep || c == '\n' || c == '\r') {
                    break;
                }
                p++;
            }
            if (p >= n && !eof) {
                return -1;
            }
            add(fieldStart, p, q);
            if (p >= n) {
                return p;
            }
            byte c = b[p];
            if (c == sep) {
                p++;
                if (p >= n && eof) {
                    add(p, p, false);
                    return p;
                }
                continue;
            }
            if (c == '\r') {
                if (p + 1 >= n && !eof) {
                    return -1;
                }
                p++;
                if (p < n && b[p] == '\n') {
                    p++;
                }
                return p;
            }
            return p + 1;
        }
    }

    private void add(int start, int end, boolean q) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
            quoted = Arrays.copyOf(quoted, fields * 2);
        }
        starts[fields] = start;
        ends[fields] = end;
        quoted[fields] = q;
        fields++;
    }

    /** Undoes the quoting of field {@code i} in place: the text between the quotes, doubled quotes made single. */
    private void unquote(int i) {
        byte[] b = buf;
        int r = starts[i] + 1;
        int w = starts[i];
        int end = ends[i];
        boolean inside = true;
        while (r < end) {
            byte c = b[r];
            if (inside && c == '"') {
                if (r + 1 < end && b[r + 1] == '"') {
                    b[w++] = '"';
                    r += 2;
                    continue;
                }
                inside = false;
                r++;
                continue;
            }
            b[w++] = c;
            r++;
        }
        ends[i] = w;
        quoted[i] = false;
    }

    /** Keeps the unread bytes at the start of the buffer (growing it for a record longer than it) and reads on. */
    private void fill() throws IOException {
        int keep = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, keep);
        } else if (keep == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        pos = 0;
        limit = keep;
        while (limit < buf.length) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
                break;
            }
            if (digest != null) {
                digest.update(buf, limit, r);
            }
            limit += r;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
