package org.gigrights.engine.stream;

import java.util.Arrays;

/**
 * A small open-addressing map from 64-bit keys to slots 0, 1, 2, … in the order added, with two
 * longs of data per slot: a worker's orders (first and last event time) or its event ids.
 */
final class LongIndex {
    private long[] keys = new long[16];
    private int[] slots = new int[16];
    long[] a = new long[8];
    long[] b = new long[8];
    private long[] keyOf = new long[8];
    private int size;

    /** Bytes of the arrays, with a 16-byte header each. */
    long footprint() {
        return 16L * 5 + 8L * (keys.length + a.length + b.length + keyOf.length) + 4L * slots.length;
    }

    int size() {
        return size;
    }

    /** The slot of a key, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            if (keys[i] == key) {
                return s - 1;
            }
        }
    }

    /** The slot of a key, added with data (a, b) when absent. */
    int add(long key, long initA, long initB) {
        if ((size + 1) * 2 > keys.length) {
            rehash(keys.length * 2);
        }
        int mask = keys.length - 1;
        int i = spread(key) & mask;
        for (; slots[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return slots[i] - 1;
            }
        }
        if (size == a.length) {
            a = Arrays.copyOf(a, size * 2);
            b = Arrays.copyOf(b, size * 2);
            keyOf = Arrays.copyOf(keyOf, size * 2);
        }
        keys[i] = key;
        slots[i] = size + 1;
        a[size] = initA;
        b[size] = initB;
        keyOf[size] = key;
        return size++;
    }

    /** Keeps only the slots for which {@code keep} holds, renumbered in order; returns the new numbers. */
    int[] retain(java.util.function.IntPredicate keep) {
        int[] renumber = new int[size];
        int n = 0;
        for (int s = 0; s < size; s++) {
            if (keep.test(s)) {
                a[n] = a[s];
                b[n] = b[s];
                keyOf[n] = keyOf[s];
                renumber[s] = n++;
            } else {
                renumber[s] = -1;
            }
        }
        size = n;
        int cap = 16;
        while (cap < size * 2 + 2) {
            cap *= 2;
        }
        // The table keeps its size unless far too large: a worker's orders fall to a few after each
        // judged date and grow back the next day, and new tables each time were 11 % of what the
        // streaming audit allocated (docs/performance.md).
        rehash(cap <= keys.length && keys.length <= 8 * cap ? keys.length : cap);
        return renumber;
    }

    void clear() {
        size = 0;
        Arrays.fill(slots, 0);
    }

    private void rehash(int capacity) {
        if (capacity == keys.length) {
            Arrays.fill(slots, 0);
        } else {
            keys = new long[capacity];
            slots = new int[capacity];
        }
        int mask = capacity - 1;
        for (int s = 0; s < size; s++) {
            int i = spread(keyOf[s]) & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = keyOf[s];
            slots[i] = s + 1;
        }
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
