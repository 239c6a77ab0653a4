package org.gigrights.engine.stream;

import java.util.Arrays;
import org.gigrights.engine.fast.RowBatch;

/**
 * The fields of a worker's held events other than time and type: a record per event in each of
 * three arrays, so that inserting an event touches a few cache lines, not one per field
 * (docs/performance.md). Times and types, which the rules and the seal scan event after event,
 * stay in arrays of their own in {@link StreamWorker}.
 */
final class EventRecords {
    private static final int LONGS = 5;
    private static final int L_AMOUNT = 0;
    private static final int L_ORDER = 1;
    private static final int L_ID_HASH = 2;
    private static final int L_CONTENT = 3;
    private static final int L_LINE = 4;
    private static final int INTS = 5;
    private static final int I_REGION = 0;
    private static final int I_FILE = 1;
    private static final int I_ID_OFF = 2;
    private static final int I_ID_LEN = 3;
    private static final int I_SPAN = 4;
    private static final int BYTES = 2;
    private static final int B_REASON = 0;
    private static final int B_INSURED = 1;

    /** Per event: amount, order, id hash, content hash, line (see the {@code L_} offsets). */
    private long[] longs;
    /** Per event: region, file, id offset, id length, order slot (for an order's events). */
    private int[] ints;
    /** Per event: reason plus one (0 for none), insured. */
    private byte[] bytes;

    EventRecords(int capacity) {
        longs = new long[capacity * LONGS];
        ints = new int[capacity * INTS];
        bytes = new byte[capacity * BYTES];
    }

    /** Writes row r of a batch as event {@code at}, its id at {@code idOff} of the worker's id bytes. */
    void put(int at, RowBatch b, int r, int fileIndex, int idOff, int idLen) {
        int l = at * LONGS;
        longs[l + L_AMOUNT] = b.amount[r];
        longs[l + L_ORDER] = b.order[r];
        longs[l + L_ID_HASH] = b.idHash[r];
        longs[l + L_CONTENT] = b.content[r];
        longs[l + L_LINE] = b.line[r];
        int k = at * INTS;
        ints[k + I_REGION] = b.region[r];
        ints[k + I_FILE] = fileIndex;
        ints[k + I_ID_OFF] = idOff;
        ints[k + I_ID_LEN] = idLen;
        int y = at * BYTES;
        bytes[y + B_REASON] = b.reason[r];
        bytes[y + B_INSURED] = (byte) (b.insured[r] ? 1 : 0);
    }

    long amount(int i) {
        return longs[i * LONGS + L_AMOUNT];
    }

    long order(int i) {
        return longs[i * LONGS + L_ORDER];
    }

    long idHash(int i) {
        return longs[i * LONGS + L_ID_HASH];
    }

    long content(int i) {
        return longs[i * LONGS + L_CONTENT];
    }

    long line(int i) {
        return longs[i * LONGS + L_LINE];
    }

    int region(int i) {
        return ints[i * INTS + I_REGION];
    }

    int file(int i) {
        return ints[i * INTS + I_FILE];
    }

    int idOff(int i) {
        return ints[i * INTS + I_ID_OFF];
    }

    void idOff(int i, int off) {
        ints[i * INTS + I_ID_OFF] = off;
    }

    int idLen(int i) {
        return ints[i * INTS + I_ID_LEN];
    }

    /** For an order's event: its order's slot in the worker's order index. */
    int span(int i) {
        return ints[i * INTS + I_SPAN];
    }

    void span(int i, int slot) {
        ints[i * INTS + I_SPAN] = slot;
    }

    byte reason(int i) {
        return bytes[i * BYTES + B_REASON];
    }

    boolean insured(int i) {
        return bytes[i * BYTES + B_INSURED] != 0;
    }

    /** Bytes of the arrays, with a 16-byte header each. */
    long footprint() {
        return 16L * 3 + 8L * longs.length + 4L * ints.length + bytes.length;
    }

    /** Moves the records of events {@code from..n} by {@code by} places. */
    void shift(int from, int n, int by) {
        int len = n - from;
        System.arraycopy(longs, from * LONGS, longs, (from + by) * LONGS, len * LONGS);
        System.arraycopy(ints, from * INTS, ints, (from + by) * INTS, len * INTS);
        System.arraycopy(bytes, from * BYTES, bytes, (from + by) * BYTES, len * BYTES);
    }

    /** Gives the arrays room for {@code c} events, keeping the first ones. */
    void resize(int c) {
        longs = Arrays.copyOf(longs, c * LONGS);
        ints = Arrays.copyOf(ints, c * INTS);
        bytes = Arrays.copyOf(bytes, c * BYTES);
    }
}
