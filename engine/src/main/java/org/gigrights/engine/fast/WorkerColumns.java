package org.gigrights.engine.fast;

import org.gigrights.rules.check.WorkerEvents;
import org.gigrights.rules.model.EventIds;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Reason;

/**
 * One worker's rows gathered from the column store into small contiguous arrays and sorted by
 * time, then event id: the per-worker state the rules read. Buffers are reused from worker to
 * worker by one thread.
 */
final class WorkerColumns implements WorkerEvents {
    private static final Reason[] REASONS = Reason.values();

    private final Rows c;
    private final RowText text;
    private int size;
    private long[] time = new long[256];
    private long[] amount = new long[256];
    private long[] order = new long[256];
    private long[] ref = new long[256];
    private long[] idKey = new long[256];
    private long[] idKey2 = new long[256];
    private int[] idPos = new int[256];
    private int[] region = new int[256];
    private byte[] type = new byte[256];
    private byte[] insured = new byte[256];
    private byte[] reason = new byte[256];
    /** Slot order while sorting, and spare room for permuting the columns. */
    private int[] idx = new int[256];

    private long[] spareLongs = new long[256];
    private int[] spareInts = new int[256];
    private byte[] spareBytes = new byte[256];
    /** An evidence id's bytes on their way to a builder. */
    private byte[] idBytes = new byte[64];

    WorkerColumns(Rows c, RowText text) {
        this.c = c;
        this.text = text;
    }

    /**
     * Loads one worker's rows, {@code perm[from..to)}, from the row store and puts them in
     * event-time order.
     */
    WorkerColumns load(int[] perm, int from, int to) {
        size = to - from;
        if (time.length < size) {
            int n = Integer.highestOneBit(size) << 1;
            time = new long[n];
            amount = new long[n];
            order = new long[n];
            ref = new long[n];
            idKey = new long[n];
            idKey2 = new long[n];
            idPos = new int[n];
            region = new int[n];
            type = new byte[n];
            insured = new byte[n];
            reason = new byte[n];
            idx = new int[n];
            spareLongs = new long[n];
            spareInts = new int[n];
            spareBytes = new byte[n];
        }
        boolean sorted = true;
        // One pass over each row's record: the rows lie all over the input, so each is a cache miss.
        for (int i = 0; i < size; i++) {
            int r = perm[from + i];
            Columns seg = c.columnsOf(r);
            int k = c.at(r);
            time[i] = seg.time(k);
            int rec = seg.record(k);
            amount[i] = seg.recordAmount(rec);
            order[i] = seg.recordOrder(rec);
            ref[i] = seg.recordRef(rec);
            idKey[i] = seg.recordIdKey(rec);
            idKey2[i] = seg.recordIdKey2(rec);
            long packed = seg.recordPacked(rec);
            idPos[i] = Columns.idPos(packed);
            region[i] = Columns.region(packed);
            type[i] = Columns.type(packed);
            insured[i] = Columns.insured(packed);
            reason[i] = Columns.reason(packed);
            if (sorted && i > 0 && !before(i - 1, i)) {
                sorted = false;
            }
        }
        if (!sorted) {
            sortSlots();
        }
        return this;
    }

    /** Whether row slot a may stand before slot b (time, then event id). */
    private boolean before(int a, int b) {
        if (time[a] != time[b]) {
            return time[a] < time[b];
        }
        return compareIds(a, b) <= 0;
    }

    private void sortSlots() {
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        mergeSort(idx, 0, size);
        permute(time);
        permute(amount);
        permute(order);
        permute(ref);
        permute(idKey);
        permute(idKey2);
        permute(idPos);
        permute(region);
        permute(type);
        permute(insured);
        permute(reason);
    }

    private void permute(long[] a) {
        for (int i = 0; i < size; i++) {
            spareLongs[i] = a[idx[i]];
        }
        System.arraycopy(spareLongs, 0, a, 0, size);
    }

    private void permute(int[] a) {
        for (int i = 0; i < size; i++) {
            spareInts[i] = a[idx[i]];
        }
        System.arraycopy(spareInts, 0, a, 0, size);
    }

    private void permute(byte[] a) {
        for (int i = 0; i < size; i++) {
            spareBytes[i] = a[idx[i]];
        }
        System.arraycopy(spareBytes, 0, a, 0, size);
    }

    private void mergeSort(int[] a, int from, int to) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= from && !before(a[j], x)) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, from, mid);
        mergeSort(a, mid, to);
        int[] left = java.util.Arrays.copyOfRange(a, from, mid);
        int i = 0;
        int j = mid;
        int k = from;
        while (i < left.length && j < to) {
            a[k++] = before(left[i], a[j]) ? left[i++] : a[j++];
        }
        while (i < left.length) {
            a[k++] = left[i++];
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public EventType type(int i) {
        return EventType.ofOrdinal(type[i]);
    }

    @Override
    public long time(int i) {
        return time[i];
    }

    @Override
    public long amount(int i) {
        return amount[i];
    }

    @Override
    public int region(int i) {
        return region[i];
    }

    @Override
    public boolean insured(int i) {
        return insured[i] != 0;
    }

    @Override
    public Reason reason(int i) {
        int r = reason[i];
        return r < 0 ? null : REASONS[r];
    }

    @Override
    public long order(int i) {
        return order[i];
    }

    @Override
    public int compareIds(int a, int b) {
        int pa = idPos[a];
        int pb = idPos[b];
        if (pa >= 0 && pb >= 0) {
            // Plain ASCII ids: their first 16 bytes, big-endian, compare as the strings do.
            if (idKey[a] != idKey[b]) {
                return idKey[a] < idKey[b] ? -1 : 1;
            }
            if (idKey2[a] != idKey2[b]) {
                return idKey2[a] < idKey2[b] ? -1 : 1;
            }
            if ((pa & 0xffff) <= 16 && (pb & 0xffff) <= 16) {
                return Integer.compare(pa & 0xffff, pb & 0xffff);
            }
        }
        return text.compareIds(ref[a], pa, ref[b], pb);
    }

    @Override
    public void eventIdTo(int i, EventIds.Builder out) {
        int pos = idPos[i];
        int len = pos & 0xffff;
        if (pos >= 0 && len <= 16) {
            Bytes.putPrefix(idKey[i], idKey2[i], idBytes);
            out.addLatin1(idBytes, 0, len);
        } else if (pos >= 0 && ref[i] >= 0) {
            if (idBytes.length < len) {
                idBytes = new byte[len];
            }
            text.copyId(ref[i], pos, idBytes);
            out.addLatin1(idBytes, 0, len);
        } else {
            out.add(text.eventId(ref[i], pos));
        }
    }

    @Override
    public String eventId(int i) {
        int pos = idPos[i];
        if (pos >= 0 && (pos & 0xffff) <= 16) {
            // The parser kept a short id's bytes: no need to go back to the file for them.
            return Bytes.ascii(idKey[i], idKey2[i], pos & 0xffff);
        }
        return text.eventId(ref[i], pos);
    }
}
