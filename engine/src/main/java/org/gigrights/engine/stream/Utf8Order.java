package org.gigrights.engine.stream;

import java.nio.charset.StandardCharsets;

/** The order of strings ({@link String#compareTo}) on texts kept as UTF-8 bytes. */
final class Utf8Order {
    private Utf8Order() {}

    /**
     * Compares two UTF-8 texts as their strings compare. The bytes compare as the strings do up to
     * a first difference where either byte is ASCII; after a difference between two non-ASCII
     * bytes (where UTF-16 order can differ from code point order) the strings are compared.
     */
    static int compare(byte[] x, int i, int lx, byte[] y, int j, int ly) {
        for (int k = 0, n = Math.min(lx, ly); k < n; k++) {
            int p = x[i + k] & 0xff;
            int q = y[j + k] & 0xff;
            if (p != q) {
                return p < 0x80 || q < 0x80
                        ? p - q
                        : new String(x, i, lx, StandardCharsets.UTF_8)
                                .compareTo(new String(y, j, ly, StandardCharsets.UTF_8));
            }
        }
        return lx - ly;
    }
}
