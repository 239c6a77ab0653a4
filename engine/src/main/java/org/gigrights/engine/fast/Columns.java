package org.gigrights.engine.fast;

/**
 * Parsed rows in one array of longs: three columns the whole-input passes scan (time, id hash, and
 * worker key with platform), then a record per row of the fields a worker's rules read.
 *
 * <p>One array, not one per field, so that an array of many rows is larger than the young
 * generation and is allocated straight in the old one: the collector never copies it (ADR 9).
 * The record keeps a row's fields on one or two cache lines, so gathering a worker's rows from
 * all over the input costs two or three cache misses a row, not one per field.
 *
 * <p>{@code ref} locates a row's text for evidence and rejects: {@code >= 0} is a position in a
 * source segment ({@code segment << 32 | offset}); {@code < 0} is {@code -(index + 1)} into the
 * list of rows that took the slow path.
 */
final class Columns {
    /** Longs a row takes. */
    static final int LONGS = 10;
    /** Longs in a row's record. */
    private static final int RECORD = 7;

    private static final int AMOUNT = 0;
    private static final int ORDER = 1;
    private static final int REF = 2;
    private static final int ID_KEY = 3;
    private static final int ID_KEY2 = 4;
    /** idPos (32 bits), region + 1 (20), type (4), insured (1), reason + 1 (7). */
    private static final int PACKED = 5;

    private static final int LINE = 6;
    /** Region codes have six digits. */
    static final int MAX_REGION = 999_999;

    /** Rows written from the start (only for columns filled by {@link #add}). */
    int size;

    private long[] d;
    private int cap;

    Columns(int capacity) {
        if ((long) capacity * LONGS > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("too many rows for one block of columns: " + capacity);
        }
        cap = capacity;
        d = new long[capacity * LONGS];
    }

    int capacity() {
        return cap;
    }

    /** Appends a row, growing the array when full; returns its index. */
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
        if (size == cap) {
            grow(Math.max(1024, cap * 2));
        }
        int i = size++;
        put(i, t, amt, id, order, where, worker, plat, reg, lineNo, typ, ins, why, idAt, idPrefix, idPrefix2);
        return i;
    }

    /** Writes row i. */
    void put(
            int i,
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
        if (reg < -1 || reg > MAX_REGION) {
            throw new IllegalArgumentException("region code out of range: " + reg);
        }
        d[i] = t;
        d[cap + i] = id;
        d[2 * cap + i] = ((long) worker << 32) | (plat & 0xffffffffL);
        int r = 3 * cap + RECORD * i;
        d[r + AMOUNT] = amt;
        d[r + ORDER] = order;
        d[r + REF] = where;
        d[r + ID_KEY] = idPrefix;
        d[r + ID_KEY2] = idPrefix2;
        d[r + PACKED] = ((long) idAt << 32)
                | ((long) (reg + 1) << 12)
                | ((typ & 0xf) << 8)
                | (ins ? 1 << 7 : 0)
                | ((why + 1) & 0x7f);
        d[r + LINE] = lineNo;
    }

    private void grow(int n) {
        Columns bigger = new Columns(n);
        bigger.copyFrom(this, 0, size);
        d = bigger.d;
        cap = n;
    }

    /** Copies rows from..from+n of another block to rows 0..n of this one. */
    private void copyFrom(Columns o, int from, int n) {
        System.arraycopy(o.d, from, d, 0, n);
        System.arraycopy(o.d, o.cap + from, d, cap, n);
        System.arraycopy(o.d, 2 * o.cap + from, d, 2 * cap, n);
        System.arraycopy(o.d, 3 * o.cap + RECORD * from, d, 3 * cap, RECORD * n);
    }

    long time(int i) {
        return d[i];
    }

    long idHash(int i) {
        return d[cap + i];
    }

    int key(int i) {
        return (int) (d[2 * cap + i] >>> 32);
    }

    int platform(int i) {
        return (int) d[2 * cap + i];
    }

    /** Index of row i's record: {@link #recordAmount} and the others read from there. */
    int record(int i) {
        return 3 * cap + RECORD * i;
    }

    long recordAmount(int rec) {
        return d[rec + AMOUNT];
    }

    long recordOrder(int rec) {
        return d[rec + ORDER];
    }

    long recordRef(int rec) {
        return d[rec + REF];
    }

    long recordIdKey(int rec) {
        return d[rec + ID_KEY];
    }

    long recordIdKey2(int rec) {
        return d[rec + ID_KEY2];
    }

    long recordPacked(int rec) {
        return d[rec + PACKED];
    }

    static int idPos(long packed) {
        return (int) (packed >>> 32);
    }

    static int region(long packed) {
        return (int) ((packed >>> 12) & 0xfffff) - 1;
    }

    static byte type(long packed) {
        return (byte) ((packed >>> 8) & 0xf);
    }

    static byte insured(long packed) {
        return (byte) ((packed >>> 7) & 1);
    }

    static byte reason(long packed) {
        return (byte) ((packed & 0x7f) - 1);
    }

    long amount(int i) {
        return recordAmount(record(i));
    }

    long orderHash(int i) {
        return recordOrder(record(i));
    }

    long ref(int i) {
        return recordRef(record(i));
    }

    long idKey(int i) {
        return recordIdKey(record(i));
    }

    long idKey2(int i) {
        return recordIdKey2(record(i));
    }

    int idPos(int i) {
        return idPos(recordPacked(record(i)));
    }

    int region(int i) {
        return region(recordPacked(record(i)));
    }

    byte type(int i) {
        return type(recordPacked(record(i)));
    }

    byte insured(int i) {
        return insured(recordPacked(record(i)));
    }

    byte reason(int i) {
        return reason(recordPacked(record(i)));
    }

    int line(int i) {
        return (int) d[record(i) + LINE];
    }

    /**
     * Renumbers keys and platforms, and makes line numbers and slow-path refs global, for rows
     * from..to in place.
     */
    void renumber(int from, int to, int[] keyMap, int[] platformMap, int lineBase, int sideBase) {
        for (int i = from; i < to; i++) {
            d[2 * cap + i] = ((long) keyMap[key(i)] << 32) | (platformMap[platform(i)] & 0xffffffffL);
            int r = record(i);
            d[r + LINE] += lineBase;
            long ref = d[r + REF];
            if (ref < 0) {
                d[r + REF] = ref - sideBase;
            }
        }
    }
}
