package org.painlab.stats.frame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** The bytes of a file from one offset to another, for reading a stretch of a CSV on its own thread. */
final class RangeStream extends InputStream {
    private final FileChannel channel;
    private long position;
    private final long end;

    RangeStream(Path file, long start, long end) throws IOException {
        this.channel = FileChannel.open(file);
        this.position = start;
        this.end = end;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= end) {
            return -1;
        }
        int r = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
        if (r > 0) {
            position += r;
        }
        return r;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
