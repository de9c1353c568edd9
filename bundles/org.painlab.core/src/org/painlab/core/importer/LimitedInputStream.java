package org.painlab.core.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes actually read from a stream (for an archive part: the inflated bytes, whatever
 * its header declares) and throws {@link ImportLimitException} the moment they pass a limit, or pass
 * {@code maxRatio} times the compressed bytes consumed so far once past
 * {@link ImportLimits#RATIO_GRACE_BYTES}: a zip bomb is stopped after a megabyte or two instead of
 * filling the heap.
 *
 * @since 0.1
 */
public final class LimitedInputStream extends FilterInputStream {
    private final long maxBytes;
    private final java.util.function.LongSupplier compressedBytes;
    private final int maxRatio;
    private final String what;
    private long count;

    /**
     * A stream limited in bytes only.
     *
     * @param in the stream to count
     * @param maxBytes how many bytes may be read
     * @param what what is read, for the message, e.g. "trial.odm.xml"
     */
    public LimitedInputStream(InputStream in, long maxBytes, String what) {
        this(in, maxBytes, null, Integer.MAX_VALUE, what);
    }

    /**
     * A stream limited in bytes and in compression ratio.
     *
     * @param in the (inflating) stream to count
     * @param maxBytes how many bytes may be read
     * @param compressedBytes how many compressed bytes the inflater has consumed so far (counted on the
     *     raw stream beneath it), or null when unknown (then only {@code maxBytes} is checked)
     * @param maxRatio how many times {@code compressedBytes} may be read
     * @param what what is read, for the message, e.g. "worksheet xl/worksheets/sheet1.xml"
     */
    public LimitedInputStream(InputStream in, long maxBytes, java.util.function.LongSupplier compressedBytes, int maxRatio,
            String what) {
        super(in);
        this.maxBytes = maxBytes;
        this.compressedBytes = compressedBytes;
        this.maxRatio = maxRatio;
        this.what = what;
    }

    /** @return the bytes read so far */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        if (s > 0) {
            add(s);
        }
        return s;
    }

    private void add(long n) {
        count += n;
        if (count > maxBytes) {
            throw new ImportLimitException(what + " is larger than " + ImportLimits.bytes(maxBytes) + " uncompressed",
                    ImportLimits.MAX_BYTES, maxBytes);
        }
        if (compressedBytes != null && count > ImportLimits.RATIO_GRACE_BYTES) {
            long compressed = Math.max(1, compressedBytes.getAsLong());
            if (count > (double) maxRatio * compressed) {
                throw new ImportLimitException(what + " inflates to more than " + maxRatio + " times its compressed size ("
                        + ImportLimits.bytes(count) + " from " + compressed + " bytes and counting): refused as a zip bomb",
                        ImportLimits.MAX_RATIO, maxRatio);
            }
        }
    }
}
