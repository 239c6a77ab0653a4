package org.gigrights.engine.fast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gigrights.engine.ingest.Rejection;

/**
 * Rows parsed from a stretch of input, as columns: what the streaming audit needs of each valid
 * row, the ids as bytes, and the rows rejected on the way. Workers are numbered by the reader.
 */
public final class RowBatch {
    public int size;
    public int[] worker;
    public long[] time;
    public long[] amount;
    public long[] order;
    public long[] idHash;
    public long[] content;
    public int[] region;
    public byte[] type;
    /** Reason ordinal plus one, 0 for none. */
    public byte[] reason;

    public boolean[] insured;
    public long[] line;
    public int[] idFrom;
    public int[] idTo;
    public byte[] ids = new byte[1 << 16];
    public int idsUsed;
    /** Workers first seen in this batch: number, platform, worker id. */
    public final List<Object[]> newWorkers = new ArrayList<>();
    /** Rows rejected while parsing, in order. */
    public final List<Rejection> rejects = new ArrayList<>();
    /** Rows read, valid or not. */
    public long rows;

    RowBatch(int capacity) {
        worker = new int[capacity];
        time = new long[capacity];
        amount = new long[capacity];
        order = new long[capacity];
        idHash = new long[capacity];
        content = new long[capacity];
        region = new int[capacity];
        type = new byte[capacity];
        reason = new byte[capacity];
        insured = new boolean[capacity];
        line = new long[capacity];
        idFrom = new int[capacity];
        idTo = new int[capacity];
    }

    /** Empties the batch for the next rows, keeping its arrays. */
    public void clear() {
        size = 0;
        idsUsed = 0;
        rows = 0;
        newWorkers.clear();
        rejects.clear();
    }

    /** The event id of row i. */
    public String id(int i) {
        return new String(ids, idFrom[i], idTo[i] - idFrom[i], java.nio.charset.StandardCharsets.UTF_8);
    }

    int add(byte[] src, int from, int to) {
        if (size == time.length) {
            int c = size * 2;
            worker = Arrays.copyOf(worker, c);
            time = Arrays.copyOf(time, c);
            amount = Arrays.copyOf(amount, c);
            order = Arrays.copyOf(order, c);
            idHash = Arrays.copyOf(idHash, c);
            content = Arrays.copyOf(content, c);
            region = Arrays.copyOf(region, c);
            type = Arrays.copyOf(type, c);
            reason = Arrays.copyOf(reason, c);
            insured = Arrays.copyOf(insured, c);
            line = Arrays.copyOf(line, c);
            idFrom = Arrays.copyOf(idFrom, c);
            idTo = Arrays.copyOf(idTo, c);
        }
        int len = to - from;
        if (idsUsed + len > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idsUsed + len));
        }
        System.arraycopy(src, from, ids, idsUsed, len);
        idFrom[size] = idsUsed;
        idsUsed += len;
        idTo[size] = idsUsed;
        return size++;
    }
}
