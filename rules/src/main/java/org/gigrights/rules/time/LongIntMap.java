package org.gigrights.rules.time;

import java.util.Arrays;

/** A small open-addressing map from long keys to non-negative ints, without boxing. */
final class LongIntMap {
    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(values, -1);
    }

    /** The value of a key, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
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
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
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
        long[] k = keys;
        int[] v = values;
        keys = new long[k.length * 2];
        values = new int[v.length * 2];
        Arrays.fill(values, -1);
        size = 0;
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
