package org.gigrights.engine.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gigrights.engine.fast.RowBatch;
import org.gigrights.rules.check.PayLedger;
import org.gigrights.rules.model.EventIds;

/**
 * One worker's state in the streaming audit: the events not yet judged (and those a later date's
 * window still needs), the first date not yet judged, the pay ledger and the holiday baseline.
 *
 * <p>Events are kept as columns in event-time order (ties by id), their ids as bytes. Everything
 * before {@link #sealed} is final: no row of that time may come any more. A local date D is judged
 * once {@code sealed} reaches D's end plus the order window H: an order's events lie within H of
 * its first event, so every order that ends on or overlaps D is then whole. ADR 14 says why this
 * equals the file audit.
 */
final class StreamWorker {
    static final int FIRST_NON_ORDER = 3;
    /** Room for a day of a busy worker's events before the arrays grow. */
    private static final int CAPACITY = 32;

    /** The worker's number in the run (the reader's numbering). */
    final int number;

    final String platform;
    final String worker;
    int n;
    /** The most events held since the last drop that could give room back. */
    private int peak;

    // Per event: the time and the type's ordinal, which the rules and the seal scan event after
    // event, in arrays of their own; the other fields as records.
    private long[] time = new long[CAPACITY];
    private byte[] type = new byte[CAPACITY];
    private final EventRecords ev = new EventRecords(CAPACITY);
    /** How many events the arrays hold room for. */
    private int capacity = CAPACITY;

    byte[] ids = new byte[512];
    /** The orders of the buffered events: first and last event time. */
    final LongIndex orders = new LongIndex();
    /** Which ids may be among the buffered events. */
    private final IdFilter heldIds = new IdFilter();

    int idsUsed;

    /** Events before this instant are final. */
    long sealed = Long.MIN_VALUE;
    /** The seal from which a date may be judged; sealing before it would judge nothing. */
    long due = Long.MIN_VALUE;
    /** The latest event time seen. */
    long latest = Long.MIN_VALUE;
    /** The first local date not yet judged, or {@link Integer#MIN_VALUE} before any. */
    int nextDay = Integer.MIN_VALUE;
    /** The earliest start of a stretch of work not yet judged: the last judged one's end plus the break. */
    long restFloor = Long.MIN_VALUE;
    /** Events of the buffer already fed to the pay ledger. */
    int fed;
    /** Whether any event of this worker was final (the worker counts as evaluated). */
    boolean evaluated;

    PayLedger ledger;
    /** Completed orders of judged dates: HOLIDAY_PAY's baseline. */
    final CompletedDays completed = new CompletedDays();
    /** Re-sent copies of held events and ids rejected as conflicts. */
    final Resent resent = new Resent();

    StreamWorker(int number, String platform, String worker) {
        this.number = number;
        this.platform = platform;
        this.worker = worker;
    }

    /** The event id of buffered event i. */
    String eventId(int i) {
        return new String(ids, idOff(i), idLen(i), StandardCharsets.UTF_8);
    }

    /** Compares two held events' ids as strings compare. */
    int compareIds(int a, int b) {
        return Utf8Order.compare(ids, idOff(a), idLen(a), ids, idOff(b), idLen(b));
    }

    /** Adds a held event's id to a builder: as its bytes when they are ASCII. */
    void eventIdTo(int i, EventIds.Builder out) {
        if (ascii(ids, idOff(i), idLen(i))) {
            out.addLatin1(ids, idOff(i), idLen(i));
        } else {
            out.add(eventId(i));
        }
    }

    /**
     * Copies held event i's id into {@code out} from {@code at}: its bytes are already the UTF-8 of
     * its string (ASCII from the fast parser, encoded from the parsed string otherwise).
     *
     * @return where the id ends, or -1 when it does not fit
     */
    int eventIdUtf8(int i, byte[] out, int at) {
        int len = idLen(i);
        if (len > out.length - at) {
            return -1;
        }
        System.arraycopy(ids, idOff(i), out, at, len);
        return at + len;
    }

    /** The buffer index of the event with row r's id, or -1. */
    int find(RowBatch b, int r) {
        long h = b.idHash[r];
        // Most rows are new: the filter says so without a look at the held events.
        if (!heldIds.mayHold(h)) {
            return -1;
        }
        for (int i = n - 1; i >= 0; i--) {
            if (idHash(i) == h && sameId(i, b, r)) {
                return i;
            }
        }
        return -1;
    }

    private boolean sameId(int i, RowBatch b, int r) {
        return Arrays.equals(ids, idOff(i), idOff(i) + idLen(i), b.ids, b.idFrom[r], b.idTo[r]);
    }

    /** How far apart an order's held events would lie with one more at {@code t}. */
    long orderSpanWith(long key, long t) {
        int slot = orders.get(key);
        return slot < 0 ? 0 : Math.max(orders.b[slot], t) - Math.min(orders.a[slot], t);
    }

    /** The first and last event times of the order of buffered event i. */
    long first(int i) {
        return orders.a[span(i)];
    }

    long last(int i) {
        return orders.b[span(i)];
    }

    /** Inserts row r of a batch in (time, id) order and returns its index. */
    int insert(RowBatch b, int r, int fileIndex) {
        if (n == capacity) {
            grow(n + n / 2 + 8);
        }
        long t = b.time[r];
        int at = n;
        while (at > 0 && (t < time(at - 1) || t == time(at - 1) && compareId(b, r, at - 1) < 0)) {
            at--;
        }
        int len = b.idTo[r] - b.idFrom[r];
        if (idsUsed + len > ids.length) {
            compactIds(len);
        }
        shift(at, 1);
        System.arraycopy(b.ids, b.idFrom[r], ids, idsUsed, len);
        long h = b.idHash[r];
        time[at] = t;
        byte typ = b.type[r];
        type[at] = typ;
        ev.put(at, b, r, fileIndex, idsUsed, len);
        idsUsed += len;
        heldIds.add(h);
        n++;
        peak = Math.max(peak, n);
        if (typ < FIRST_NON_ORDER) {
            int slot = orders.add(b.order[r], t, t);
            orders.a[slot] = Math.min(orders.a[slot], t);
            orders.b[slot] = Math.max(orders.b[slot], t);
            ev.span(at, slot);
        }
        latest = Math.max(latest, t);
        return at;
    }

    long time(int i) {
        return time[i];
    }

    long amount(int i) {
        return ev.amount(i);
    }

    long order(int i) {
        return ev.order(i);
    }

    long idHash(int i) {
        return ev.idHash(i);
    }

    /** The hash of the event's content, which tells a re-sent copy from a conflicting row. */
    long content(int i) {
        return ev.content(i);
    }

    /** The line the event was read from. */
    long line(int i) {
        return ev.line(i);
    }

    int region(int i) {
        return ev.region(i);
    }

    /** The index of the file the event was read from. */
    int file(int i) {
        return ev.file(i);
    }

    private int idOff(int i) {
        return ev.idOff(i);
    }

    private int idLen(int i) {
        return ev.idLen(i);
    }

    /** For an order's event: its order's slot in {@link #orders}. */
    private int span(int i) {
        return ev.span(i);
    }

    /** The event type's ordinal. */
    byte type(int i) {
        return type[i];
    }

    /** The reason's ordinal plus one, 0 for none. */
    byte reason(int i) {
        return ev.reason(i);
    }

    boolean insured(int i) {
        return ev.insured(i);
    }

    /** How many events the arrays have room for. */
    int capacity() {
        return capacity;
    }

    /** Bytes of the held events' arrays and ids, with a 16-byte header each. */
    long heldFootprint() {
        return 16L * 3 + 8L * time.length + type.length + ev.footprint() + ids.length;
    }

    /** Ids compare as text: bytes for ASCII (the same order), strings otherwise. */
    private int compareId(RowBatch b, int r, int i) {
        return Utf8Order.compare(b.ids, b.idFrom[r], b.idTo[r] - b.idFrom[r], ids, idOff(i), idLen(i));
    }

    private static boolean ascii(byte[] a, int from, int len) {
        for (int k = from; k < from + len; k++) {
            if (a[k] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Removes the event at index i. */
    void remove(int i) {
        boolean ofOrder = type(i) < FIRST_NON_ORDER;
        int slot = span(i);
        shift(i + 1, -1);
        n--;
        rebuildFilter();
        if (ofOrder) {
            // The order's span is that of its remaining events.
            long f = Long.MAX_VALUE;
            long l = Long.MIN_VALUE;
            for (int k = 0; k < n; k++) {
                if (type(k) < FIRST_NON_ORDER && span(k) == slot) {
                    f = Math.min(f, time(k));
                    l = Math.max(l, time(k));
                }
            }
            orders.a[slot] = f;
            orders.b[slot] = l;
        }
    }

    /** Drops the first k events. */
    void dropFirst(int k) {
        if (k <= 0) {
            return;
        }
        for (int i = 0; i < k && resent.hasCopies(); i++) {
            resent.forget(eventId(i));
        }
        shift(k, -k);
        n -= k;
        fed -= k;
        rebuildFilter();
        // Orders keep their slot while any of their events is held; their span stays as it was.
        boolean[] held = new boolean[orders.size()];
        for (int i = 0; i < n; i++) {
            if (type(i) < FIRST_NON_ORDER) {
                held[span(i)] = true;
            }
        }
        int[] renumber = orders.retain(s -> held[s]);
        for (int i = 0; i < n; i++) {
            if (type(i) < FIRST_NON_ORDER) {
                ev.span(i, renumber[span(i)]);
            }
        }
        // A worker's next day needs about the room its busiest one had: give room back only when
        // the most held since the last drop is far below it, or arrays shrink every night and grow
        // again the next day (docs/performance.md, "Room kept for the next day").
        if (capacity > CAPACITY && peak < capacity / 8) {
            grow(Math.max(CAPACITY, peak * 2 + 8));
        }
        peak = n;
        if (idsUsed > 1024 && idsUsed > 4 * liveIdBytes()) {
            compactIds(0);
        }
    }

    private int liveIdBytes() {
        int live = 0;
        for (int i = 0; i < n; i++) {
            live += idLen(i);
        }
        return live;
    }

    /**
     * Moves the live ids to the front, with room for {@code more} (and as much again): in place when
     * they lie in event order and the bytes are neither too few nor far too many, in new bytes
     * otherwise (a new array at every compaction was 9 % of what the streaming audit allocated).
     */
    private void compactIds(int more) {
        int live = 0;
        boolean inOrder = true;
        int end = 0;
        for (int i = 0; i < n; i++) {
            int off = idOff(i);
            inOrder &= off >= end;
            end = off + idLen(i);
            live += idLen(i);
        }
        int want = Math.max(64, (live + more) * 2);
        // Moving left in event order never overwrites an id not yet moved when offsets increase.
        byte[] to = inOrder && want <= ids.length && ids.length <= 8 * want ? ids : new byte[want];
        int p = 0;
        for (int i = 0; i < n; i++) {
            int len = idLen(i);
            System.arraycopy(ids, idOff(i), to, p, len);
            ev.idOff(i, p);
            p += len;
        }
        ids = to;
        idsUsed = p;
    }

    /** Moves events from index {@code from} on by {@code by} places. */
    private void shift(int from, int by) {
        int len = n - from;
        if (len <= 0) {
            return;
        }
        System.arraycopy(time, from, time, from + by, len);
        System.arraycopy(type, from, type, from + by, len);
        ev.shift(from, n, by);
    }

    private void grow(int c) {
        time = Arrays.copyOf(time, c);
        type = Arrays.copyOf(type, c);
        ev.resize(c);
        capacity = c;
    }

    private void rebuildFilter() {
        heldIds.clear();
        for (int i = 0; i < n; i++) {
            heldIds.add(idHash(i));
        }
    }

    /** The first index whose time is at or after t. */
    int indexAt(long t) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
