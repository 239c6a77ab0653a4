package org.gigrights.engine.fast;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Small helpers over byte ranges of a buffer. */
final class Bytes {
    private Bytes() {}

    /**
     * Eight bytes of an array as one long. Reading a word at a time is several times faster than a
     * byte at a time, also under the quick compiler the audit runs with (docs/performance.md).
     */
    static final VarHandle LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final VarHandle BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P4 = 0x85EBCA77C2B2AE63L;

    /**
     * A 64-bit hash of a byte range: eight bytes a step (the round of xxHash64's single lane), the
     * length, then a finaliser. Equal ranges hash equal wherever they lie.
     */
    static long hash(byte[] b, int from, int to) {
        int n = to - from;
        long h = P4 + n;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = round(h, (long) LE.get(b, i));
        }
        if (i < to) {
            long k;
            if (i + 8 <= b.length) {
                k = (long) LE.get(b, i) & (-1L >>> (8 * (8 - (to - i))));
            } else {
                k = 0;
                for (int j = to - 1; j >= i; j--) {
                    k = (k << 8) | (b[j] & 0xff);
                }
            }
            h = round(h, k);
        }
        return mix(h ^ n);
    }

    /** The low seven bits of every byte of a word. */
    static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    /** One in every byte of a word. */
    static final long ONES = 0x0101010101010101L;
    /** The high bit of every byte of a word. */
    static final long HIGH = ~LOW7;
    /** A comma, a quote, a backslash in every byte of a word. */
    static final long COMMAS = ONES * ',';

    static final long QUOTES = ONES * '"';
    static final long BACKSLASHES = ONES * '\\';
    /** Added to a byte's low seven bits, sets its high bit exactly when the byte is at least '!'. */
    static final long BELOW_BANG = ONES * (0x80 - '!');
    /** Multiplied by a word's lowest set high bit (shifted down by 7), puts that byte's index in the top byte. */
    static final long LANES = 0x0001020304050607L;

    /** How many bytes of a range equal {@code c}: eight bytes a step. */
    static int count(byte[] b, int from, int to, byte c) {
        long pattern = ONES * (c & 0xff);
        int n = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LE.get(b, i) ^ pattern;
            // A byte's high bit is clear exactly when the byte is zero (no carry crosses bytes);
            // the multiplication adds the eight flags up in the top byte.
            long zero = ~(((x & LOW7) + LOW7) | x | LOW7);
            n += (int) (((zero >>> 7) * ONES) >>> 56);
        }
        for (; i < to; i++) {
            if (b[i] == c) {
                n++;
            }
        }
        return n;
    }

    private static long round(long h, long word) {
        h ^= Long.rotateLeft(word * P2, 31) * P1;
        return Long.rotateLeft(h, 27) * P1 + P4;
    }

    /** Whether two ranges of the same length hold the same bytes. */
    static boolean equal(byte[] a, int from, byte[] b, int from2, int len) {
        int i = 0;
        if (len >= 8) {
            for (; i + 8 < len; i += 8) {
                if ((long) LE.get(a, from + i) != (long) LE.get(b, from2 + i)) {
                    return false;
                }
            }
            // The last eight bytes in one step, overlapping bytes already compared.
            return (long) LE.get(a, from + len - 8) == (long) LE.get(b, from2 + len - 8);
        }
        for (; i < len; i++) {
            if (a[from + i] != b[from2 + i]) {
                return false;
            }
        }
        return true;
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

    /**
     * The first 8 bytes of a range as a big-endian long, zero-padded: for printable ASCII, longs
     * compare as the texts' first 8 characters do.
     */
    static long prefix(byte[] b, int from, int to) {
        int n = to - from;
        if (n >= 8) {
            return (long) BE.get(b, from);
        }
        if (n > 0 && from + 8 <= b.length) {
            return (long) BE.get(b, from) & (-1L << (8 * (8 - n)));
        }
        long k = 0;
        n = Math.max(0, n);
        for (int i = 0; i < n; i++) {
            k = (k << 8) | (b[from + i] & 0xff);
        }
        return k << (8 * (8 - n));
    }

    /**
     * Text of up to 16 bytes kept as two {@link #prefix} words: the first eight and the next
     * eight. Only for bytes the fast parser accepts in a field (printable ASCII), where ISO-8859-1
     * and UTF-8 read the same.
     */
    static String ascii(long first, long second, int length) {
        byte[] b = new byte[16];
        putPrefix(first, second, b);
        return new String(b, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** Whether every byte is printable ASCII (a space to a tilde), as {@link #ascii} needs. */
    static boolean printable(byte[] b) {
        for (byte c : b) {
            if (c < ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    /** The bytes of two {@link #prefix} words into the first 16 bytes of {@code out}. */
    static void putPrefix(long first, long second, byte[] out) {
        BE.set(out, 0, first);
        BE.set(out, 8, second);
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

    /**
     * An amount as the data standard writes it (1-13 digits, then optionally {@code .} and 1-2
     * digits) in cents, or -1.
     */
    static long cents(byte[] b, int from, int to) {
        long whole = 0;
        int i = from;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            whole = whole * 10 + (b[i] - '0');
            i++;
        }
        int intDigits = i - from;
        if (intDigits < 1 || intDigits > 13) {
            return -1;
        }
        long cents = whole * 100;
        if (i < to) {
            int fd = to - i - 1;
            if (b[i] != '.' || fd < 1 || fd > 2) {
                return -1;
            }
            int a = b[i + 1] - '0';
            int c = fd == 2 ? b[i + 2] - '0' : 0;
            if (a < 0 || a > 9 || c < 0 || c > 9) {
                return -1;
            }
            cents += a * 10 + c;
        }
        return cents;
    }

    /** Decimal digits, or -1. */
    static int digits(byte[] b, int at, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int c = b[at + i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    /** Two decimal digits, or -1. */
    static int digits2(byte[] b, int at) {
        int hi = b[at] - '0';
        int lo = b[at + 1] - '0';
        if (hi < 0 || hi > 9 || lo < 0 || lo > 9) {
            return -1;
        }
        return hi * 10 + lo;
    }
}
