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
    long[] time = new long[CAPACITY];
    long[] amount = new long[CAPACITY];
    long[] order = new long[CAPACITY];
    /** For an order's events: the order's slot in {@link #orders}; else unused. */
    int[] span = new int[CAPACITY];

    long[] idHash = new long[CAPACITY];
    long[] content = new long[CAPACITY];
    long[] line = new long[CAPACITY];
    int[] region = new int[CAPACITY];
    int[] file = new int[CAPACITY];
    int[] idOff = new int[CAPACITY];
    int[] idLen = new int[CAPACITY];
    byte[] type = new byte[CAPACITY];
    byte[] reason = new byte[CAPACITY];
    boolean[] insured = new boolean[CAPACITY];
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
    /** Completed orders of judged dates: date, sum in cents, count; oldest first. */
    long[] holidayDay = new long[0];

    long[] holidaySum = new long[0];
    long[] holidayCount = new long[0];
    int holidayN;
    /** Where the re-sent copies of buffered events were read (file, line), by event id. */
    java.util.Map<String, long[]> copies;
    /** Event ids rejected as conflicts: any later row with one of them is rejected too. */
    long[] conflicted;

    StreamWorker(int number, String platform, String worker) {
        this.number = number;
        this.platform = platform;
        this.worker = worker;
    }

    /** The event id of buffered event i. */
    String eventId(int i) {
        return new String(ids, idOff[i], idLen[i], StandardCharsets.UTF_8);
    }

    /** Compares two held events' ids as strings compare. */
    int compareIds(int a, int b) {
        return Utf8Order.compare(ids, idOff[a], idLen[a], ids, idOff[b], idLen[b]);
    }

    /** Adds a held event's id to a builder: as its bytes when they are ASCII. */
    void eventIdTo(int i, EventIds.Builder out) {
        if (ascii(ids, idOff[i], idLen[i])) {
            out.addLatin1(ids, idOff[i], idLen[i]);
        } else {
            out.add(eventId(i));
        }
    }

    /** The buffer index of the event with row r's id, or -1. */
    int find(RowBatch b, int r) {
        long h = b.idHash[r];
        // Most rows are new: the filter says so without a look at the held events.
        if (!heldIds.mayHold(h)) {
            return -1;
        }
        for (int i = n - 1; i >= 0; i--) {
            if (idHash[i] == h && sameId(i, b, r)) {
                return i;
            }
        }
        return -1;
    }

    private boolean sameId(int i, RowBatch b, int r) {
        return Arrays.equals(ids, idOff[i], idOff[i] + idLen[i], b.ids, b.idFrom[r], b.idTo[r]);
    }

    boolean isConflicted(long hash) {
        if (conflicted != null) {
            for (long c : conflicted) {
                if (c == hash) {
                    return true;
                }
            }
        }
        return false;
    }

    void markConflicted(long hash) {
        conflicted = conflicted == null ? new long[1] : Arrays.copyOf(conflicted, conflicted.length + 1);
        conflicted[conflicted.length - 1] = hash;
    }

    /** How far apart an order's held events would lie with one more at {@code t}. */
    long orderSpanWith(long key, long t) {
        int slot = orders.get(key);
        return slot < 0 ? 0 : Math.max(orders.b[slot], t) - Math.min(orders.a[slot], t);
    }

    /** The first and last event times of the order of buffered event i. */
    long first(int i) {
        return orders.a[span[i]];
    }

    long last(int i) {
        return orders.b[span[i]];
    }

    /** Inserts row r of a batch in (time, id) order and returns its index. */
    int insert(RowBatch b, int r, int fileIndex) {
        if (n == time.length) {
            grow(n + n / 2 + 8);
        }
        long t = b.time[r];
        int at = n;
        while (at > 0 && (t < time[at - 1] || t == time[at - 1] && compareId(b, r, at - 1) < 0)) {
            at--;
        }
        int len = b.idTo[r] - b.idFrom[r];
        if (idsUsed + len > ids.length) {
            compactIds(len);
        }
        shift(at, 1);
        System.arraycopy(b.ids, b.idFrom[r], ids, idsUsed, len);
        idOff[at] = idsUsed;
        idLen[at] = len;
        idsUsed += len;
        time[at] = t;
        amount[at] = b.amount[r];
        order[at] = b.order[r];
        region[at] = b.region[r];
        type[at] = b.type[r];
        reason[at] = b.reason[r];
        insured[at] = b.insured[r];
        idHash[at] = b.idHash[r];
        heldIds.add(idHash[at]);
        content[at] = b.content[r];
        line[at] = b.line[r];
        file[at] = fileIndex;
        n++;
        if (type[at] < FIRST_NON_ORDER) {
            int slot = orders.add(order[at], t, t);
            orders.a[slot] = Math.min(orders.a[slot], t);
            orders.b[slot] = Math.max(orders.b[slot], t);
            span[at] = slot;
        }
        latest = Math.max(latest, t);
        return at;
    }

    /** Ids compare as text: bytes for ASCII (the same order), strings otherwise. */
    private int compareId(RowBatch b, int r, int i) {
        return Utf8Order.compare(b.ids, b.idFrom[r], b.idTo[r] - b.idFrom[r], ids, idOff[i], idLen[i]);
    }

    private static boolean ascii(byte[] a, int from, int len) {
        for (int k = from; k < from + len; k++) {
            if (a[k] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Remembers where a re-sent copy of a buffered event was read, in case the id turns out to conflict. */
    void copy(String eventId, int fileIndex, long lineNumber) {
        if (copies == null) {
            copies = new java.util.HashMap<>();
        }
        long[] old = copies.getOrDefault(eventId, new long[0]);
        long[] now = Arrays.copyOf(old, old.length + 2);
        now[old.length] = fileIndex;
        now[old.length + 1] = lineNumber;
        copies.put(eventId, now);
    }

    /** Removes the event at index i. */
    void remove(int i) {
        boolean ofOrder = type[i] < FIRST_NON_ORDER;
        int slot = span[i];
        shift(i + 1, -1);
        n--;
        heldIds.rebuild(idHash, n);
        if (ofOrder) {
            // The order's span is that of its remaining events.
            long f = Long.MAX_VALUE;
            long l = Long.MIN_VALUE;
            for (int k = 0; k < n; k++) {
                if (type[k] < FIRST_NON_ORDER && span[k] == slot) {
                    f = Math.min(f, time[k]);
                    l = Math.max(l, time[k]);
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
        if (copies != null) {
            for (int i = 0; i < k; i++) {
                copies.remove(eventId(i));
            }
            if (copies.isEmpty()) {
                copies = null;
            }
        }
        shift(k, -k);
        n -= k;
        fed -= k;
        heldIds.rebuild(idHash, n);
        // Orders keep their slot while any of their events is held; their span stays as it was.
        boolean[] held = new boolean[orders.size()];
        for (int i = 0; i < n; i++) {
            if (type[i] < FIRST_NON_ORDER) {
                held[span[i]] = true;
            }
        }
        int[] renumber = orders.retain(s -> held[s]);
        for (int i = 0; i < n; i++) {
            if (type[i] < FIRST_NON_ORDER) {
                span[i] = renumber[span[i]];
            }
        }
        // Held events are most of the memory, but a worker's next day needs about the room its
        // last one had: give room back only when far more than that is free, or arrays would
        // shrink and grow again each day. Measured on the 100 M pipe: 230 s against 268 s when
        // they shrank below half full, for 29 % more room (12.0 M slots against 9.3 M) and the
        // same heap after collections (docs/performance.md).
        if (time.length > CAPACITY && n < time.length / 8) {
            grow(Math.max(CAPACITY, n * 4 + 8));
        }
        if (idsUsed > 1024 && idsUsed > 4 * liveIdBytes()) {
            compactIds(0);
        }
    }

    private int liveIdBytes() {
        int live = 0;
        for (int i = 0; i < n; i++) {
            live += idLen[i];
        }
        return live;
    }

    /** Moves the live ids to the front of new bytes, with room for {@code more} (and as much again). */
    private void compactIds(int more) {
        int live = liveIdBytes();
        byte[] to = new byte[Math.max(64, (live + more) * 2)];
        int p = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(ids, idOff[i], to, p, idLen[i]);
            idOff[i] = p;
            p += idLen[i];
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
        System.arraycopy(amount, from, amount, from + by, len);
        System.arraycopy(order, from, order, from + by, len);
        System.arraycopy(span, from, span, from + by, len);
        System.arraycopy(idHash, from, idHash, from + by, len);
        System.arraycopy(content, from, content, from + by, len);
        System.arraycopy(line, from, line, from + by, len);
        System.arraycopy(region, from, region, from + by, len);
        System.arraycopy(file, from, file, from + by, len);
        System.arraycopy(idOff, from, idOff, from + by, len);
        System.arraycopy(idLen, from, idLen, from + by, len);
        System.arraycopy(type, from, type, from + by, len);
        System.arraycopy(reason, from, reason, from + by, len);
        System.arraycopy(insured, from, insured, from + by, len);
    }

    private void grow(int c) {
        time = Arrays.copyOf(time, c);
        amount = Arrays.copyOf(amount, c);
        order = Arrays.copyOf(order, c);
        span = Arrays.copyOf(span, c);
        idHash = Arrays.copyOf(idHash, c);
        content = Arrays.copyOf(content, c);
        line = Arrays.copyOf(line, c);
        region = Arrays.copyOf(region, c);
        file = Arrays.copyOf(file, c);
        idOff = Arrays.copyOf(idOff, c);
        idLen = Arrays.copyOf(idLen, c);
        type = Arrays.copyOf(type, c);
        reason = Arrays.copyOf(reason, c);
        insured = Arrays.copyOf(insured, c);
    }

    /** The first index whose time is at or after t. */
    int indexAt(long t) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Remembers a judged date's completed orders for later holidays, forgetting those too old. */
    void rememberCompletes(int day, long sum, long count, int keepDays) {
        int drop = 0;
        while (drop < holidayN && holidayDay[drop] < day - (long) keepDays) {
            drop++;
        }
        if (drop > 0) {
            System.arraycopy(holidayDay, drop, holidayDay, 0, holidayN - drop);
            System.arraycopy(holidaySum, drop, holidaySum, 0, holidayN - drop);
            System.arraycopy(holidayCount, drop, holidayCount, 0, holidayN - drop);
            holidayN -= drop;
        }
        if (count == 0) {
            return;
        }
        if (holidayN == holidayDay.length) {
            int c = Math.max(4, holidayN * 2);
            holidayDay = Arrays.copyOf(holidayDay, c);
            holidaySum = Arrays.copyOf(holidaySum, c);
            holidayCount = Arrays.copyOf(holidayCount, c);
        }
        holidayDay[holidayN] = day;
        holidaySum[holidayN] = sum;
        holidayCount[holidayN] = count;
        holidayN++;
    }
}
