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
            int idAt) {
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
    }

    /** Appends another set of columns, renumbering its keys and platforms. */
    void append(Columns o, int[] keyMap, int[] platformMap, int lineBase, int sideBase) {
        while (time.length < size + o.size) {
            grow();
        }
        System.arraycopy(o.time, 0, time, size, o.size);
        System.arraycopy(o.amount, 0, amount, size, o.size);
        System.arraycopy(o.idHash, 0, idHash, size, o.size);
        System.arraycopy(o.orderHash, 0, orderHash, size, o.size);
        System.arraycopy(o.type, 0, type, size, o.size);
        System.arraycopy(o.insured, 0, insured, size, o.size);
        System.arraycopy(o.reason, 0, reason, size, o.size);
        System.arraycopy(o.region, 0, region, size, o.size);
        System.arraycopy(o.idPos, 0, idPos, size, o.size);
        for (int i = 0; i < o.size; i++) {
            key[size + i] = keyMap[o.key[i]];
            platform[size + i] = platformMap[o.platform[i]];
            line[size + i] = o.line[i] + lineBase;
            long r = o.ref[i];
            ref[size + i] = r >= 0 ? r : r - sideBase;
        }
        size += o.size;
    }
}
