package org.gigrights.engine.generate;

/**
 * A reusable ASCII text built from parts, kept as bytes: the generator's event and order ids,
 * written into the output without a string or a character-by-character copy.
 */
final class AsciiText implements CharSequence {
    private byte[] bytes = new byte[32];
    private int length;

    /** Empties the text. */
    AsciiText clear() {
        length = 0;
        return this;
    }

    /** Appends ASCII text. */
    AsciiText append(String s) {
        room(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
        return this;
    }

    AsciiText append(char c) {
        room(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** Appends a number in decimal. */
    AsciiText append(long n) {
        if (n < 0) {
            if (n == Long.MIN_VALUE) {
                return append(Long.toString(n));
            }
            append('-');
            n = -n;
        }
        int digits = 1;
        for (long t = n; t >= 10; t /= 10) {
            digits++;
        }
        room(digits);
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        length += digits;
        return this;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    /** Copies the text into a buffer at a position; returns the position after it. */
    int copyTo(byte[] out, int at) {
        System.arraycopy(bytes, 0, out, at, length);
        return at + length;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) bytes[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
