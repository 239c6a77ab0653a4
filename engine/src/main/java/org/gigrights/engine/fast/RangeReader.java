package org.gigrights.engine.fast;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a range of a file into an array with positional reads, as the parse tasks do (and the
 * benchmark's parse floor, so that the floor reads the way the engine does).
 */
public final class RangeReader {
    /**
     * At most this much a read: the JDK reads into a heap array through a temporary native buffer
     * the size of the request, and keeps one per thread only while later requests fit in it.
     */
    private static final int PIECE = 1 << 20;

    private RangeReader() {}

    /** Reads {@code n} bytes from {@code position} into the start of {@code into}. */
    public static void read(FileChannel ch, long position, byte[] into, int n, String name) throws IOException {
        for (int done = 0; done < n; ) {
            int r = ch.read(ByteBuffer.wrap(into, done, Math.min(PIECE, n - done)), position + done);
            if (r < 0) {
                throw new IOException(name + " became shorter while it was read");
            }
            done += r;
        }
    }
}
