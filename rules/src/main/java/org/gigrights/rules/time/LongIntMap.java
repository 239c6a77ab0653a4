package org.gigrights.rules.time;

import java.util.Arrays;

/**
 * A small open-addressing map from long keys to non-negative ints, without boxing.
 *
 * <p>It is reused from one worker to the next: {@link #clear(int)} keeps the arrays and only
 * wipes the slots the next worker will use.
 */
final class LongIntMap {
    private long[] keys = new long[0];
    private int[] values = new int[0];
    private int mask;
    private int size;

    LongIntMap(int expected) {
        clear(expected);
    }

    /** Empties the map, sized for about this many keys. */
    void clear(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        if (cap > keys.length) {
            keys = new long[cap];
            values = new int[cap];
        }
        mask = cap - 1;
        size = 0;
        Arrays.fill(values, 0, cap, -1);
    }

    /** The value of a key, or -1. */
    int get(long key) {
        int slot = slot(key) & mask;
        while (values[slot] >= 0) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    void put(long key, int value) {
        if ((size + 1) * 2 > mask + 1) {
            grow();
        }
        int slot = slot(key) & mask;
        while (values[slot] >= 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (values[slot] < 0) {
            size++;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    private void grow() {
        long[] k = Arrays.copyOf(keys, mask + 1);
        int[] v = Arrays.copyOf(values, mask + 1);
        int cap = (mask + 1) * 2;
        keys = new long[cap];
        values = new int[cap];
        mask = cap - 1;
        size = 0;
        Arrays.fill(values, -1);
        for (int i = 0; i < k.length; i++) {
            if (v[i] >= 0) {
                put(k[i], v[i]);
            }
        }
    }

    private static int slot(long key) {
        long z = key * 0x9E3779B97F4A7C15L;
        return (int) (z ^ (z >>> 32));
    }
}
