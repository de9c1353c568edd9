package org.painlab.trial.internal.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The parts of a zip archive (an .xlsx workbook), read from its central directory, each opened as
 * its raw compressed bytes under an inflater, so that a reader can count both the compressed bytes
 * consumed and the bytes inflated from them ({@code java.util.zip.ZipFile} hides the former, which a
 * zip-bomb guard needs). Sizes declared by the archive are used only to bound the raw bytes read.
 */
final class ZipParts implements Closeable {
    private static final int EOCD = 0x06054b50;
    private static final int EOCD64_LOCATOR = 0x07064b50;
    private static final int EOCD64 = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;

    /** One part as the central directory lists it. */
    record Part(String name, int method, long compressed, long declared, long localOffset) {
    }

    /** An opened part: the inflated bytes, and how many raw bytes have been consumed to inflate them. */
    record Opened(InputStream in, LongSupplier rawBytesRead) {
    }

    private final FileChannel channel;
    private final long size;
    private final Map<String, Part> parts = new HashMap<>();

    /**
     * Reads the central directory.
     *
     * @param file the archive
     * @throws IOException when it cannot be read
     * @throws TableFormatException when it is not a zip archive
     */
    ZipParts(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            this.size = channel.size();
            readDirectory();
        } catch (TableFormatException | IOException e) {
            channel.close();
            throw e;
        } catch (RuntimeException e) {
            // a directory pointing outside the file, a negative length: not a zip archive we can read
            channel.close();
            throw new TableFormatException(0, "not an .xlsx workbook (broken zip directory: " + e + ")");
        }
    }

    private void readDirectory() throws IOException {
        int tailLength = (int) Math.min(size, 22 + 65_535);
        if (tailLength < 22) {
            throw new TableFormatException(0, "not an .xlsx workbook (not a zip archive: " + size + " bytes)");
        }
        ByteBuffer tail = read(size - tailLength, tailLength);
        int eocd = -1;
        for (int i = tailLength - 22; i >= 0; i--) {
            if (tail.getInt(i) == EOCD) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw new TableFormatException(0, "not an .xlsx workbook (not a zip archive: no end of central directory)");
        }
        long entries = Short.toUnsignedLong(tail.getShort(eocd + 10));
        long cdSize = Integer.toUnsignedLong(tail.getInt(eocd + 12));
        long cdOffset = Integer.toUnsignedLong(tail.getInt(eocd + 16));
        if ((entries == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) && eocd >= 20
                && tail.getInt(eocd - 20) == EOCD64_LOCATOR) {
            long at = tail.getLong(eocd - 20 + 8);
            ByteBuffer z = read(at, 56);
            if (z.getInt(0) != EOCD64) {
                throw new TableFormatException(0, "not an .xlsx workbook (broken zip64 directory)");
            }
            entries = z.getLong(32);
            cdSize = z.getLong(40);
            cdOffset = z.getLong(48);
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > size) {
            throw new TableFormatException(0, "not an .xlsx workbook (the zip directory lies outside the file)");
        }
        ByteBuffer cd = read(cdOffset, (int) cdSize);
        int p = 0;
        for (long n = 0; n < entries && p + 46 <= cdSize; n++) {
            if (cd.getInt(p) != CENTRAL) {
                throw new TableFormatException(0, "not an .xlsx workbook (broken zip directory entry " + (n + 1) + ")");
            }
            int method = Short.toUnsignedInt(cd.getShort(p + 10));
            long compressed = Integer.toUnsignedLong(cd.getInt(p + 20));
            long declared = Integer.toUnsignedLong(cd.getInt(p + 24));
            int nameLength = Short.toUnsignedInt(cd.getShort(p + 28));
            int extraLength = Short.toUnsignedInt(cd.getShort(p + 30));
            int commentLength = Short.toUnsignedInt(cd.getShort(p + 32));
            long offset = Integer.toUnsignedLong(cd.getInt(p + 42));
            byte[] name = new byte[nameLength];
            cd.get(p + 46, name);
            // zip64: the real sizes and offset are in the extra field 0x0001, in this order, when marked
            int e = p + 46 + nameLength;
            int end = e + extraLength;
            while (e + 4 <= end) {
                int id = Short.toUnsignedInt(cd.getShort(e));
                int len = Short.toUnsignedInt(cd.getShort(e + 2));
                if (id == 1) {
                    int q = e + 4;
                    if (declared == 0xFFFFFFFFL && q + 8 <= e + 4 + len) {
                        declared = cd.getLong(q);
                        q += 8;
                    }
                    if (compressed == 0xFFFFFFFFL && q + 8 <= e + 4 + len) {
                        compressed = cd.getLong(q);
                        q += 8;
                    }
                    if (offset == 0xFFFFFFFFL && q + 8 <= e + 4 + len) {
                        offset = cd.getLong(q);
                    }
                }
                e += 4 + len;
            }
            parts.putIfAbsent(new String(name, StandardCharsets.UTF_8), new Part(new String(name, StandardCharsets.UTF_8), method,
                    compressed, declared, offset));
            p += 46 + nameLength + extraLength + commentLength;
        }
    }

    private ByteBuffer read(long at, int length) throws IOException {
        if (at < 0 || length < 0 || at + length > size) {
            throw new TableFormatException(0, "not an .xlsx workbook (the zip directory points outside the file)");
        }
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (channel.read(b, at + b.position()) < 0) {
                throw new TableFormatException(0, "not an .xlsx workbook (the file ends early)");
            }
        }
        return b.flip();
    }

    /**
     * @param name a part's name, e.g. "xl/workbook.xml"
     * @return the part, or null when the archive has none of that name
     */
    Part get(String name) {
        return parts.get(name);
    }

    /** @return the archive's size in bytes */
    long size() {
        return size;
    }

    /**
     * Opens a part: its raw bytes (no more than the directory says, nor beyond the file) under an
     * inflater.
     *
     * @param part the part
     * @return the inflated stream and the count of raw bytes consumed
     * @throws IOException when it cannot be read
     * @throws TableFormatException when its local header is broken or its method unknown
     */
    Opened open(Part part) throws IOException {
        ByteBuffer local = read(part.localOffset(), 30);
        if (local.getInt(0) != LOCAL) {
            throw new TableFormatException(0, "not an .xlsx workbook (broken zip entry " + part.name() + ")");
        }
        long start = part.localOffset() + 30 + Short.toUnsignedInt(local.getShort(26)) + Short.toUnsignedInt(local.getShort(28));
        long length = Math.max(0, Math.min(part.compressed(), size - start));
        RawStream raw = new RawStream(channel, start, length);
        return switch (part.method()) {
            case 0 -> new Opened(raw, raw::consumed);
            case 8 -> {
                Inflater inflater = new Inflater(true);
                yield new Opened(new InflaterInputStream(raw, inflater, 8192) {
                    private boolean closed;

                    @Override
                    public void close() throws IOException {
                        if (!closed) {
                            closed = true;
                            inflater.end();
                            super.close();
                        }
                    }
                }, raw::consumed);
            }
            default -> throw new TableFormatException(0, "not an .xlsx workbook (zip entry " + part.name() + " uses compression method "
                    + part.method() + ")");
        };
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The raw bytes of one part, read from the shared channel at absolute positions. */
    private static final class RawStream extends InputStream {
        private final FileChannel channel;
        private final long end;
        private long position;
        private final long start;

        RawStream(FileChannel channel, long start, long length) {
            this.channel = channel;
            this.start = start;
            this.position = start;
            this.end = start + length;
        }

        long consumed() {
            return position - start;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = (int) Math.min(len, end - position);
            int r = channel.read(ByteBuffer.wrap(b, off, n), position);
            if (r < 0) {
                return -1;
            }
            position += r;
            return r;
        }
    }
}
