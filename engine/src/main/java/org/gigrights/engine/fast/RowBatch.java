package org.gigrights.engine.fast;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.WorkEvent;

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
    /** Of those, rows the standard reader read (forms the fast parsers leave to it, rejects). */
    public long declined;

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
        declined = 0;
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

    /** The start of a row's content hash, before its platform, worker and person. */
    static final long CONTENT_BASIS = 0x9e3779b97f4a7c15L;

    /** Adds an event the standard reader accepted, with the same values the fast path gives. */
    static void addEvent(KeyDictionary workers, RowBatch b, WorkEvent e, long at) {
        byte[] p = e.platform().getBytes(StandardCharsets.UTF_8);
        byte[] wk = e.worker().getBytes(StandardCharsets.UTF_8);
        byte[] joined = new byte[p.length + wk.length + 4];
        System.arraycopy(p, 0, joined, 0, p.length);
        System.arraycopy(wk, 0, joined, p.length + 4, wk.length);
        int before = workers.size();
        int w = workers.id(joined, 0, p.length, p.length + 4, p.length + 4 + wk.length);
        if (workers.size() > before) {
            b.newWorkers.add(new Object[] {w, e.platform(), e.worker()});
        }
        byte[] id = e.eventId().getBytes(StandardCharsets.UTF_8);
        int i = b.add(id, 0, id.length);
        b.worker[i] = w;
        b.time[i] = e.timeMillis();
        b.amount[i] = e.amountCents();
        b.order[i] = e.order() == null || !e.type().isOrder() ? 0 : Bytes.hash(e.order());
        b.idHash[i] = Bytes.hash(id, 0, id.length);
        b.region[i] = e.region() == null ? -1 : Integer.parseInt(e.region());
        b.type[i] = (byte) e.type().ordinal();
        b.reason[i] = (byte) (e.reason() == null ? 0 : e.reason().ordinal() + 1);
        b.insured[i] = e.type() == EventType.ORDER_COMPLETE && e.insured();
        b.line[i] = at;
        long h = span(span(CONTENT_BASIS, p, 0, p.length), wk, 0, wk.length);
        if (e.person() == null || e.person().isEmpty()) {
            h = mix(h, -7);
        } else {
            byte[] person = e.person().getBytes(StandardCharsets.UTF_8);
            h = span(h, person, 0, person.length);
        }
        b.content[i] = content(h, b, i);
    }

    /** The canonical content's hash: its platform, worker and person part, then row i's values. */
    static long content(long h, RowBatch b, int i) {
        h = mix(h, b.type[i]);
        h = mix(h, b.time[i]);
        h = mix(h, b.order[i]);
        h = mix(h, b.amount[i]);
        h = mix(h, b.region[i]);
        h = mix(h, b.insured[i] ? 1 : 0);
        h = mix(h, b.reason[i]);
        return Bytes.mix(h);
    }

    static long span(long h, byte[] a, int from, int to) {
        return mix(h, Bytes.hash(a, from, to) + (to - from));
    }

    static long mix(long h, long v) {
        return (h ^ v) * 0x100000001b3L + 0x632be59bd9b4e019L;
    }
}
