package org.gigrights.engine.fast;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.gigrights.engine.ingest.Input;

/**
 * The bytes of one CSV input as buffers that end on line breaks: a plain file is mapped, a
 * compressed file or standard input is read into memory.
 */
final class Source {
    private static final int MAX_SEGMENT = 1 << 30;
    private static final int READ_BLOCK = 64 << 20;

    final String name;
    final List<ByteBuffer> segments = new ArrayList<>();
    /** The mapped file, or null when the bytes are in memory. */
    Path file;
    /** Where each segment starts in the mapped file. */
    final List<Long> offsets = new ArrayList<>();

    private Source(String name) {
        this.name = name;
    }

    /** Maps a plain file. */
    static Source map(String name, Path path) throws IOException {
        Source s = new Source(name);
        s.file = path;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            long pos = 0;
            while (pos < size) {
                long len = Math.min(MAX_SEGMENT, size - pos);
                ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, pos, len);
                int cut = (int) len;
                if (pos + len < size) {
                    cut = lastBreak(b, (int) len) + 1;
                    if (cut <= 0) {
                        throw new IOException(name + ": a line longer than 1 GiB");
                    }
                }
                s.segments.add(b.slice(0, cut));
                s.offsets.add(pos);
                pos += cut;
            }
        }
        return s;
    }

    /** Reads a stream (already decompressed) into memory blocks that end on line breaks. */
    static Source read(String name, InputStream in) throws IOException {
        Source s = new Source(name);
        byte[] carry = new byte[0];
        while (true) {
            byte[] block = new byte[Math.max(READ_BLOCK, carry.length * 2)];
            System.arraycopy(carry, 0, block, 0, carry.length);
            int n = carry.length;
            int r;
            while (n < block.length && (r = in.read(block, n, block.length - n)) > 0) {
                n += r;
            }
            boolean eof = n < block.length;
            if (eof) {
                if (n > 0) {
                    s.segments.add(ByteBuffer.wrap(block, 0, n).slice());
                }
                return s;
            }
            int cut = lastBreak(ByteBuffer.wrap(block), n) + 1;
            if (cut <= 0) {
                carry = block;
                continue;
            }
            s.segments.add(ByteBuffer.wrap(block, 0, cut).slice());
            carry = java.util.Arrays.copyOfRange(block, cut, n);
        }
    }

    /** Inputs that are not plain files are kept in memory up to this size, else spooled to disk. */
    static long inMemoryLimit = 256L << 20;

    /**
     * Opens an input: a plain file is mapped; a compressed file or standard input is read into
     * memory when small, and otherwise copied to a temporary file that is mapped, so that memory
     * does not grow with the input.
     */
    static Source of(Input input, Path path) throws IOException {
        if (path != null && !input.gzip() && !gzipMagic(path)) {
            return map(input.name(), path);
        }
        try (InputStream in = input.openStream()) {
            byte[] head = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, inMemoryLimit + 1));
            if (head.length <= inMemoryLimit) {
                return read(input.name(), new java.io.ByteArrayInputStream(head));
            }
            Path spool = Files.createTempFile("gigrights-input-", ".csv");
            spool.toFile().deleteOnExit();
            try (java.io.OutputStream out = Files.newOutputStream(spool)) {
                out.write(head);
                in.transferTo(out);
            } catch (IOException e) {
                long written = Files.size(spool);
                Files.deleteIfExists(spool);
                throw new IOException(
                        input.name() + " is larger than " + (inMemoryLimit >> 20) + " MiB and is copied to " + spool
                                + " to be read; that failed after " + (written >> 20) + " MiB (" + e.getMessage()
                                + "). Give a file instead, or point java.io.tmpdir at a larger disk"
                                + " (JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=DIR)",
                        e);
            }
            return map(input.name(), spool);
        }
    }

    private static boolean gzipMagic(Path path) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static int lastBreak(ByteBuffer b, int len) {
        for (int i = len - 1; i >= 0; i--) {
            if (b.get(i) == '\n') {
                return i;
            }
        }
        return -1;
    }
}
