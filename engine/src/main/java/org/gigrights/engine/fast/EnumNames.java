package org.gigrights.engine.fast;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The names of an enum's constants as ASCII bytes, found from a byte range with one comparison. */
final class EnumNames {
    private final byte[][] names;
    /** For each slot, the one name that falls in it, or -1 when none or several do. */
    private final int[] slots = new int[256];

    EnumNames(Enum<?>[] values) {
        names = new byte[values.length][];
        Arrays.fill(slots, -2);
        for (int t = 0; t < values.length; t++) {
            byte[] n = values[t].name().getBytes(StandardCharsets.US_ASCII);
            names[t] = n;
            int k = slot(n.length, n[0], n[n.length - 1]);
            slots[k] = slots[k] == -2 ? t : -1;
        }
        for (int k = 0; k < slots.length; k++) {
            slots[k] = Math.max(slots[k], -1);
        }
    }

    private static int slot(int len, byte first, byte last) {
        return (len * 7 + first * 3 + last) & 0xff;
    }

    /** The ordinal of the constant the bytes spell, or -1: one look in the slots, else every name. */
    int find(byte[] b, int at, int len) {
        if (len > 0) {
            int t = slots[slot(len, b[at], b[at + len - 1])];
            if (t >= 0) {
                return spells(b, at, len, names[t]) ? t : -1;
            }
        }
        for (int t = 0; t < names.length; t++) {
            if (spells(b, at, len, names[t])) {
                return t;
            }
        }
        return -1;
    }

    /** Whether the range holds exactly the bytes of {@code s}. */
    static boolean spells(byte[] b, int at, int len, byte[] s) {
        return len == s.length && Bytes.equal(b, at, s, 0, len);
    }

    /**
     * Whether the range spells a lower-case word in any case ({@code True}, as many tools write a
     * boolean): for letters, setting bit 0x20 lowers exactly the upper-case one.
     */
    static boolean spellsInAnyCase(byte[] b, int at, int len, byte[] lower) {
        if (len != lower.length) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if ((b[at + k] | 0x20) != lower[k]) {
                return false;
            }
        }
        return true;
    }
}
