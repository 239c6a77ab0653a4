package org.gigrights.engine.fast;

import java.util.Arrays;

/**
 * Accepted-looking rows as columns (one array per field), appended by one parsing thread.
 *
 * <p>{@code ref} locates a row's text for evidence and rejects: {@code >= 0} is a position in a
 * source segment ({@code segment << 32 | offset}); {@code < 0} is {@code -(index + 1)} into the
 * list of rows that took the slow path.
 */
final class Columns {
    int size;
    long[] time;
    long[] amount;
    long[] idHash;
    long[] orderHash;
    long[] ref;
    int[] key;
    int[] platform;
    int[] region;
    int[] line;
    byte[] type;
    byte[] insured;
    byte[] reason;
    /** Where the event id lies in the row's line: offset {@code << 16 | length}, or -1. */
    int[] idPos;
    /** The event id's first 8 bytes, big-endian and zero-padded, when idPos is known. */
    long[] idKey;
    /** The event id's next 8 bytes, likewise. */
    long[] idKey2;

    Columns(int capacity) {
        time = new long[capacity];
        amount = new long[capacity];
        idHash = new long[capacity];
        orderHash = new long[capacity];
        ref = new long[capacity];
        key = new int[capacity];
        platform = new int[capacity];
        region = new int[capacity];
        line = new int[capacity];
        type = new byte[capacity];
        insured = new byte[capacity];
        reason = new byte[capacity];
        idPos = new int[capacity];
        idKey = new long[capacity];
        idKey2 = new long[capacity];
    }

    int add(
            long t,
            long amt,
            long id,
            long order,
            long where,
            int worker,
            int plat,
            int reg,
            int lineNo,
            int typ,
            boolean ins,
            int why,
            int idAt,
            long idPrefix,
            long idPrefix2) {
        if (size == time.length) {
            grow();
        }
        int i = size++;
        time[i] = t;
        amount[i] = amt;
        idHash[i] = id;
        orderHash[i] = order;
        ref[i] = where;
        key[i] = worker;
        platform[i] = plat;
        region[i] = reg;
        line[i] = lineNo;
        type[i] = (byte) typ;
        insured[i] = (byte) (ins ? 1 : 0);
        reason[i] = (byte) why;
        idPos[i] = idAt;
        idKey[i] = idPrefix;
        idKey2[i] = idPrefix2;
        return i;
    }

    private void grow() {
        int n = Math.max(1024, time.length * 2);
        time = Arrays.copyOf(time, n);
        amount = Arrays.copyOf(amount, n);
        idHash = Arrays.copyOf(idHash, n);
        orderHash = Arrays.copyOf(orderHash, n);
        ref = Arrays.copyOf(ref, n);
        key = Arrays.copyOf(key, n);
        platform = Arrays.copyOf(platform, n);
        region = Arrays.copyOf(region, n);
        line = Arrays.copyOf(line, n);
        type = Arrays.copyOf(type, n);
        insured = Arrays.copyOf(insured, n);
        reason = Arrays.copyOf(reason, n);
        idPos = Arrays.copyOf(idPos, n);
        idKey = Arrays.copyOf(idKey, n);
        idKey2 = Arrays.copyOf(idKey2, n);
    }

    /** Renumbers keys and platforms, and makes line numbers and slow-path refs global, in place. */
    void renumber(int[] keyMap, int[] platformMap, int lineBase, int sideBase) {
        for (int i = 0; i < size; i++) {
            key[i] = keyMap[key[i]];
            platform[i] = platformMap[platform[i]];
            line[i] += lineBase;
            long r = ref[i];
            if (r < 0) {
                ref[i] = r - sideBase;
            }
        }
    }

    /** Rows from..to as columns of their own. */
    Columns slice(int from, int to) {
        Columns c = new Columns(0);
        c.size = to - from;
        c.time = Arrays.copyOfRange(time, from, to);
        c.amount = Arrays.copyOfRange(amount, from, to);
        c.idHash = Arrays.copyOfRange(idHash, from, to);
        c.orderHash = Arrays.copyOfRange(orderHash, from, to);
        c.ref = Arrays.copyOfRange(ref, from, to);
        c.key = Arrays.copyOfRange(key, from, to);
        c.platform = Arrays.copyOfRange(platform, from, to);
        c.region = Arrays.copyOfRange(region, from, to);
        c.line = Arrays.copyOfRange(line, from, to);
        c.type = Arrays.copyOfRange(type, from, to);
        c.insured = Arrays.copyOfRange(insured, from, to);
        c.reason = Arrays.copyOfRange(reason, from, to);
        c.idPos = Arrays.copyOfRange(idPos, from, to);
        c.idKey = Arrays.copyOfRange(idKey, from, to);
        c.idKey2 = Arrays.copyOfRange(idKey2, from, to);
        return c;
    }
}
