package org.gigrights.engine.fast;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Small helpers over byte ranges of a buffer. */
final class Bytes {
    private Bytes() {}

    /** A 64-bit hash of a byte range (FNV-1a then a finaliser). */
    static long hash(byte[] b, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ (b[i] & 0xff)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /** The same hash over a string's UTF-8 bytes. */
    static long hash(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return hash(bytes, 0, bytes.length);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** Text of a byte range (UTF-8). */
    /**
     * The first 8 bytes of a range as a big-endian long, zero-padded: for printable ASCII, longs
     * compare as the texts' first 8 characters do.
     */
    static long prefix(byte[] b, int from, int to) {
        long k = 0;
        int n = Math.max(0, Math.min(8, to - from));
        for (int i = 0; i < n; i++) {
            k = (k << 8) | (b[from + i] & 0xff);
        }
        return k << (8 * (8 - n));
    }

    /** Spreads the bits of an int (for table slots taken from already hashed values). */
    static int mixInt(int x) {
        x *= 0x9E3779B9;
        return x ^ (x >>> 16);
    }

    static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** Text of a byte range of a buffer (UTF-8). */
    static String text(ByteBuffer b, int from, int to) {
        byte[] out = new byte[to - from];
        b.get(from, out, 0, out.length);
        return new String(out, StandardCharsets.UTF_8);
    }
}
