package org.gigrights.engine.output;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gigrights.rules.model.EventIds;

/**
 * A growing UTF-8 byte buffer that writes text as a CSV field or a JSON string directly as bytes.
 *
 * <p>Findings files run to tens of megabytes: building them as Java strings first and encoding
 * them at the end cost a UTF-16 copy of every message and half of the outputs' time. The escapes
 * are those of {@link Csv#quote} and of Jackson's UTF-8 generator with its default settings
 * ({@code FindingsWriterTests} checks both on hostile text).
 */
final class Utf8Out {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private byte[] b;
    private int n;
    private char[] chars = new char[512];
    private byte[] idChars = new byte[64];

    Utf8Out(int capacity) {
        b = new byte[Math.max(64, capacity)];
    }

    /** Empties the buffer, keeping its room. */
    Utf8Out clear() {
        n = 0;
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(b, n);
    }

    void writeTo(java.io.OutputStream out) throws java.io.IOException {
        out.write(b, 0, n);
    }

    /** Makes room for {@code more} bytes. */
    private void room(int more) {
        if (n + more > b.length) {
            b = Arrays.copyOf(b, Math.max(b.length * 2, n + more));
        }
    }

    /** The string's characters in a reused array. */
    private char[] chars(String s) {
        int len = s.length();
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
        }
        s.getChars(0, len, chars, 0);
        return chars;
    }

    Utf8Out ascii(char c) {
        room(1);
        b[n++] = (byte) c;
        return this;
    }

    Utf8Out bytes(byte[] a) {
        room(a.length);
        System.arraycopy(a, 0, b, n, a.length);
        n += a.length;
        return this;
    }

    /**
     * Strings that recur as the very same instance (a rule's code and citation, a platform, a
     * worker) and their encodings, by identity: each is encoded once per buffer, not per finding.
     */
    private final String[] seen = new String[32];

    private final byte[][] encoded = new byte[32][];

    /** {@link #csvField} for a string likely to recur as the same instance. */
    Utf8Out csvFieldOften(String s) {
        return often(s, 0);
    }

    /** {@link #jsonString} for a string likely to recur as the same instance. */
    Utf8Out jsonStringOften(String s) {
        return often(s, 16);
    }

    private Utf8Out often(String s, int table) {
        if (s == null) {
            return table == 0 ? csvField(s) : jsonString(s);
        }
        int k = table + (System.identityHashCode(s) & 15);
        if (seen[k] != s) {
            int from = n;
            if (table == 0) {
                csvField(s);
            } else {
                jsonString(s);
            }
            seen[k] = s;
            encoded[k] = Arrays.copyOfRange(b, from, n);
            return this;
        }
        return bytes(encoded[k]);
    }

    /** A CSV field: quoted, with quotes doubled, when it holds a comma, quote or line break. */
    Utf8Out csvField(String s) {
        if (s == null) {
            return this;
        }
        int len = s.length();
        char[] c = chars(s);
        boolean quote = false;
        for (int i = 0; i < len && !quote; i++) {
            char ch = c[i];
            quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        room(len * 3 + (quote ? len + 2 : 0));
        if (quote) {
            b[n++] = '"';
        }
        for (int i = 0; i < len; i++) {
            char ch = c[i];
            if (ch < 0x80) {
                if (ch == '"') {
                    b[n++] = '"';
                }
                b[n++] = (byte) ch;
            } else {
                i = multiByte(c, i, len, false);
            }
        }
        if (quote) {
            b[n++] = '"';
        }
        return this;
    }

    /**
     * A JSON string in quotes, or {@code null}. Control characters get the short escapes where
     * JSON has them and {@code \\u00XX} otherwise; each surrogate is written as a {@code \\uXXXX}
     * escape, as Jackson does by default.
     */
    Utf8Out jsonString(String s) {
        if (s == null) {
            return bytes(NULL);
        }
        return jsonChars(chars(s), s.length());
    }

    /**
     * {@link #jsonString} of an evidence id, from the bytes it is kept as when it is (each byte a
     * character below U+0100) instead of a string made for the purpose.
     */
    Utf8Out jsonId(EventIds ids, int i) {
        int len = ids.length(i);
        if (idChars.length < len) {
            idChars = new byte[Math.max(len, idChars.length * 2)];
        }
        if (ids.copyLatin1(i, idChars, 0) < 0) {
            return jsonString(ids.get(i));
        }
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
        }
        for (int k = 0; k < len; k++) {
            chars[k] = (char) (idChars[k] & 0xff);
        }
        return jsonChars(chars, len);
    }

    private Utf8Out jsonChars(char[] c, int len) {
        room(len * 6 + 2);
        b[n++] = '"';
        for (int i = 0; i < len; i++) {
            char ch = c[i];
            if (ch >= 0x80) {
                i = multiByte(c, i, len, true);
            } else if (ch >= 0x20 && ch != '"' && ch != '\\') {
                b[n++] = (byte) ch;
            } else {
                escape(ch);
            }
        }
        b[n++] = '"';
        return this;
    }

    /** A quote, backslash or control character as JSON escapes it (Jackson's choice of escapes). */
    private void escape(int ch) {
        b[n++] = '\\';
        switch (ch) {
            case '"', '\\' -> b[n++] = (byte) ch;
            case '\b' -> b[n++] = 'b';
            case '\t' -> b[n++] = 't';
            case '\n' -> b[n++] = 'n';
            case '\f' -> b[n++] = 'f';
            case '\r' -> b[n++] = 'r';
            default -> unicodeEscape((char) ch);
        }
    }

    /** Writes {@code u} and four hex digits after a backslash already written. */
    private void unicodeEscape(char ch) {
        b[n++] = 'u';
        b[n++] = HEX[(ch >> 12) & 0xF];
        b[n++] = HEX[(ch >> 8) & 0xF];
        b[n++] = HEX[(ch >> 4) & 0xF];
        b[n++] = HEX[ch & 0xF];
    }

    /** Encodes the non-ASCII character at i (and its low surrogate); returns the last index used. */
    private int multiByte(char[] c, int i, int len, boolean json) {
        char ch = c[i];
        if (ch < 0x800) {
            b[n++] = (byte) (0xC0 | (ch >> 6));
            b[n++] = (byte) (0x80 | (ch & 0x3F));
        } else if (!Character.isSurrogate(ch)) {
            b[n++] = (byte) (0xE0 | (ch >> 12));
            b[n++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
            b[n++] = (byte) (0x80 | (ch & 0x3F));
        } else if (json) {
            b[n++] = '\\';
            unicodeEscape(ch);
        } else if (Character.isHighSurrogate(ch) && i + 1 < len && Character.isLowSurrogate(c[i + 1])) {
            int cp = Character.toCodePoint(ch, c[++i]);
            b[n++] = (byte) (0xF0 | (cp >> 18));
            b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            b[n++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            b[n++] = '?';
        }
        return i;
    }
}
