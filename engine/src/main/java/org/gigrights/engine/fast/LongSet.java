package org.gigrights.engine.fast;

import java.util.Arrays;

/** A set of longs (never {@link Long#MIN_VALUE}) in an open-addressing table. */
final class LongSet {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] table = new long[1 << 10];
    private int size;

    LongSet() {
        Arrays.fill(table, EMPTY);
    }

    synchronized void add(long v) {
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        if (insert(table, v)) {
            size++;
        }
    }

    boolean contains(long v) {
        long[] t = table;
        int mask = t.length - 1;
        int slot = (int) Bytes.mix(v) & mask;
        while (t[slot] != EMPTY) {
            if (t[slot] == v) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    private static boolean insert(long[] t, long v) {
        int mask = t.length - 1;
        int slot = (int) Bytes.mix(v) & mask;
        while (t[slot] != EMPTY) {
            if (t[slot] == v) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        t[slot] = v;
        return true;
    }

    private void grow() {
        long[] next = new long[table.length * 2];
        Arrays.fill(next, EMPTY);
        for (long v : table) {
            if (v != EMPTY) {
                insert(next, v);
            }
        }
        table = next;
    }
}
