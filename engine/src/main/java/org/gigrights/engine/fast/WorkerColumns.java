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
    private int[] rows = new int[256];
    private long[] time = new long[256];
    private long[] amount = new long[256];
    private long[] order = new long[256];
    private int[] region = new int[256];
    private byte[] type = new byte[256];
    private byte[] insured = new byte[256];
    private byte[] reason = new byte[256];
    private int[] tmp = new int[256];
    /** An evidence id's bytes on their way to a builder. */
    private byte[] idBytes = new byte[64];

    private long[] idKey = new long[256];
    private long[] idKey2 = new long[256];
    private int[] idPos = new int[256];

    WorkerColumns(Rows c, RowText text) {
        this.c = c;
        this.text = text;
    }

    /**
     * Loads one worker's rows, {@code perm[from..to)}, from the column store and puts them in
     * event-time order.
     */
    WorkerColumns load(int[] perm, int from, int to) {
        size = to - from;
        if (rows.length < size) {
            int n = Integer.highestOneBit(size) << 1;
            rows = new int[n];
            time = new long[n];
            amount = new long[n];
            order = new long[n];
            region = new int[n];
            type = new byte[n];
            insured = new byte[n];
            reason = new byte[n];
            tmp = new int[n];
            idKey = new long[n];
            idKey2 = new long[n];
            idPos = new int[n];
        }
        System.arraycopy(perm, from, rows, 0, size);
        boolean sorted = true;
        for (int i = 0; i < size; i++) {
            int r = rows[i];
            Columns seg = c.segment(c.segmentOf(r));
            int k = c.indexOf(r);
            time[i] = seg.time[k];
            idKey[i] = seg.idKey[k];
            idKey2[i] = seg.idKey2[k];
            idPos[i] = seg.idPos[k];
            if (i > 0 && !before(i - 1, i)) {
                sorted = false;
            }
        }
        if (!sorted) {
            sortRows();
        }
        for (int i = 0; i < size; i++) {
            int r = rows[i];
            Columns seg = c.segment(c.segmentOf(r));
            int k = c.indexOf(r);
            amount[i] = seg.amount[k];
            order[i] = seg.orderHash[k];
            region[i] = seg.region[k];
            type[i] = seg.type[k];
            insured[i] = seg.insured[k];
            reason[i] = seg.reason[k];
        }
        return this;
    }

    /** Whether row slot a may stand before slot b (time, then event id). */
    private boolean before(int a, int b) {
        if (time[a] != time[b]) {
            return time[a] < time[b];
        }
        int pa = idPos[a];
        int pb = idPos[b];
        if (pa >= 0 && pb >= 0) {
            // Both ids are plain ASCII seen by the fast parser: their first 16 bytes decide most ties.
            if (idKey[a] != idKey[b]) {
                return idKey[a] < idKey[b];
            }
            if (idKey2[a] != idKey2[b]) {
                return idKey2[a] < idKey2[b];
            }
            int la = pa & 0xffff;
            int lb = pb & 0xffff;
            if (la <= 16 && lb <= 16) {
                return la <= lb;
            }
        }
        int x = rows[a];
        int y = rows[b];
        return text.compareIds(c.ref(x), pa, c.ref(y), pb) <= 0;
    }

    private void sortRows() {
        // Index sort of the slots by (time, id); then apply the order to rows and times.
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        mergeSort(idx, 0, size);
        long[] t2 = new long[size];
        for (int i = 0; i < size; i++) {
            tmp[i] = rows[idx[i]];
            t2[i] = time[idx[i]];
        }
        System.arraycopy(tmp, 0, rows, 0, size);
        System.arraycopy(t2, 0, time, 0, size);
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
        Columns sa = c.segment(c.segmentOf(rows[a]));
        Columns sb = c.segment(c.segmentOf(rows[b]));
        int ka = c.indexOf(rows[a]);
        int kb = c.indexOf(rows[b]);
        int pa = sa.idPos[ka];
        int pb = sb.idPos[kb];
        if (pa >= 0 && pb >= 0) {
            // Plain ASCII ids: their first 16 bytes, big-endian, compare as the strings do.
            if (sa.idKey[ka] != sb.idKey[kb]) {
                return sa.idKey[ka] < sb.idKey[kb] ? -1 : 1;
            }
            if (sa.idKey2[ka] != sb.idKey2[kb]) {
                return sa.idKey2[ka] < sb.idKey2[kb] ? -1 : 1;
            }
            if ((pa & 0xffff) <= 16 && (pb & 0xffff) <= 16) {
                return Integer.compare(pa & 0xffff, pb & 0xffff);
            }
        }
        return text.compareIds(sa.ref[ka], pa, sb.ref[kb], pb);
    }

    @Override
    public void eventIdTo(int i, EventIds.Builder out) {
        int r = rows[i];
        Columns seg = c.segment(c.segmentOf(r));
        int k = c.indexOf(r);
        int pos = seg.idPos[k];
        int len = pos & 0xffff;
        if (pos >= 0 && len <= 16) {
            Bytes.putPrefix(seg.idKey[k], seg.idKey2[k], idBytes);
            out.addLatin1(idBytes, 0, len);
        } else if (pos >= 0 && seg.ref[k] >= 0) {
            if (idBytes.length < len) {
                idBytes = new byte[len];
            }
            text.copyId(seg.ref[k], pos, idBytes);
            out.addLatin1(idBytes, 0, len);
        } else {
            out.add(text.eventId(seg.ref[k], pos));
        }
    }

    @Override
    public String eventId(int i) {
        int r = rows[i];
        Columns seg = c.segment(c.segmentOf(r));
        int k = c.indexOf(r);
        int pos = seg.idPos[k];
        if (pos >= 0 && (pos & 0xffff) <= 16) {
            // The parser kept a short id's bytes: no need to go back to the file for them.
            return Bytes.ascii(seg.idKey[k], seg.idKey2[k], pos & 0xffff);
        }
        return text.eventId(seg.ref[k], pos);
    }
}
