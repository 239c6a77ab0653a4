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

    // Times and types, which the rules and the seal scan event after event, have arrays of their
    // own; the other fields lie together, a record per event in each of three arrays, so that
    // inserting an event touches five cache lines, not fourteen (docs/performance.md).
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

    /** The worker's number in the run (the reader's numbering). */
    final int number;

    final String platform;
    final String worker;
    int n;
    /** The most events held since the last drop that could give room back. */
    private int peak;

    private long[] time = new long[CAPACITY];
    /** Per event: its type's ordinal. */
    private byte[] type = new byte[CAPACITY];
    /** Per event: amount, order, id hash, content hash, line (see the {@code L_} offsets). */
    private long[] longs = new long[CAPACITY * LONGS];
    /** Per event: region, file, id offset, id length, order slot (for an order's events). */
    private int[] ints = new int[CAPACITY * INTS];
    /** Per event: reason plus one (0 for none), insured. */
    private byte[] bytes = new byte[CAPACITY * BYTES];
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
        int l = at * LONGS;
        longs[l + L_AMOUNT] = b.amount[r];
        longs[l + L_ORDER] = b.order[r];
        longs[l + L_ID_HASH] = h;
        longs[l + L_CONTENT] = b.content[r];
        longs[l + L_LINE] = b.line[r];
        int k = at * INTS;
        ints[k + I_REGION] = b.region[r];
        ints[k + I_FILE] = fileIndex;
        ints[k + I_ID_OFF] = idsUsed;
        ints[k + I_ID_LEN] = len;
        byte typ = b.type[r];
        int y = at * BYTES;
        type[at] = typ;
        bytes[y + B_REASON] = b.reason[r];
        bytes[y + B_INSURED] = (byte) (b.insured[r] ? 1 : 0);
        idsUsed += len;
        heldIds.add(h);
        n++;
        peak = Math.max(peak, n);
        if (typ < FIRST_NON_ORDER) {
            int slot = orders.add(b.order[r], t, t);
            orders.a[slot] = Math.min(orders.a[slot], t);
            orders.b[slot] = Math.max(orders.b[slot], t);
            ints[k + I_SPAN] = slot;
        }
        latest = Math.max(latest, t);
        return at;
    }

    long time(int i) {
        return time[i];
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

    /** The hash of the event's content, which tells a re-sent copy from a conflicting row. */
    long content(int i) {
        return longs[i * LONGS + L_CONTENT];
    }

    /** The line the event was read from. */
    long line(int i) {
        return longs[i * LONGS + L_LINE];
    }

    int region(int i) {
        return ints[i * INTS + I_REGION];
    }

    /** The index of the file the event was read from. */
    int file(int i) {
        return ints[i * INTS + I_FILE];
    }

    private int idOff(int i) {
        return ints[i * INTS + I_ID_OFF];
    }

    private int idLen(int i) {
        return ints[i * INTS + I_ID_LEN];
    }

    /** For an order's event: its order's slot in {@link #orders}. */
    private int span(int i) {
        return ints[i * INTS + I_SPAN];
    }

    /** The event type's ordinal. */
    byte type(int i) {
        return type[i];
    }

    /** The reason's ordinal plus one, 0 for none. */
    byte reason(int i) {
        return bytes[i * BYTES + B_REASON];
    }

    boolean insured(int i) {
        return bytes[i * BYTES + B_INSURED] != 0;
    }

    /** How many events the arrays have room for. */
    int capacity() {
        return capacity;
    }

    /** Bytes of the held events' arrays and ids, with a 16-byte header each. */
    long heldFootprint() {
        return 16L * 6 + 8L * (time.length + longs.length) + 4L * ints.length + type.length + bytes.length + ids.length;
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
                ints[i * INTS + I_SPAN] = renumber[span(i)];
            }
        }
        // Held events are most of the memory, but a worker's next day needs about the room its
        // last one had: give room back only when the most held since the last drop is far below
        // it, or arrays would shrink at the end of each day and grow again the next (measured on
        // the 100 M pipe: 230 s against 268 s when they shrank below half full; docs/performance.md).
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
            ints[i * INTS + I_ID_OFF] = p;
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
        System.arraycopy(longs, from * LONGS, longs, (from + by) * LONGS, len * LONGS);
        System.arraycopy(ints, from * INTS, ints, (from + by) * INTS, len * INTS);
        System.arraycopy(bytes, from * BYTES, bytes, (from + by) * BYTES, len * BYTES);
    }

    private void grow(int c) {
        time = Arrays.copyOf(time, c);
        type = Arrays.copyOf(type, c);
        longs = Arrays.copyOf(longs, c * LONGS);
        ints = Arrays.copyOf(ints, c * INTS);
        bytes = Arrays.copyOf(bytes, c * BYTES);
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
