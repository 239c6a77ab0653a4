package org.gigrights.engine.stream;

import java.util.Arrays;
import org.gigrights.rules.check.PayLedger;
import org.gigrights.rules.model.WorkEvent;

/**
 * One worker's state in the streaming audit: the events not yet judged (and those a later date's
 * window still needs), the first date not yet judged, the pay ledger and the holiday baseline.
 *
 * <p>Events are kept in event-time order (ties by id). Everything before {@link #sealed} is final:
 * no row of that time may come any more. A local date D is judged once {@code sealed} reaches
 * D's end plus the order window H, because an order's events lie within H of its first event, so
 * every order that ends on or overlaps D is then whole. See ADR 14 for why this equals the file
 * audit.
 */
final class StreamWorker {
    static final int FIRST_NON_ORDER = 3;

    final String platform;
    final String worker;
    int n;
    long[] time = new long[8];
    long[] amount = new long[8];
    long[] order = new long[8];
    /** For an order's events: the time of the order's first event; else unused. */
    long[] first = new long[8];

    int[] region = new int[8];
    byte[] type = new byte[8];
    byte[] reason = new byte[8];
    boolean[] insured = new boolean[8];
    String[] id = new String[8];
    long[] content = new long[8];
    long[] line = new long[8];
    int[] file = new int[8];

    /** Events before this instant are final. */
    long sealed = Long.MIN_VALUE;
    /** The latest event time seen. */
    long latest = Long.MIN_VALUE;
    /** The first local date not yet judged, or {@link Integer#MIN_VALUE} before any. */
    int nextDay = Integer.MIN_VALUE;
    /** The end of the last stretch of work started on a judged date. */
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
    /** Where the re-sent copies of buffered events were read (file index, line), by event id. */
    java.util.Map<String, long[]> copies;
    /** Event ids rejected as conflicts: any later row with one of them is rejected too. */
    String[] conflicted;

    StreamWorker(String platform, String worker) {
        this.platform = platform;
        this.worker = worker;
    }

    /** The buffer index of the event with this id, or -1. */
    int find(String eventId) {
        int h = eventId.hashCode();
        for (int i = n - 1; i >= 0; i--) {
            if (id[i].hashCode() == h && id[i].equals(eventId)) {
                return i;
            }
        }
        return -1;
    }

    boolean isConflicted(String eventId) {
        if (conflicted == null) {
            return false;
        }
        for (String c : conflicted) {
            if (c.equals(eventId)) {
                return true;
            }
        }
        return false;
    }

    void markConflicted(String eventId) {
        conflicted = conflicted == null ? new String[1] : Arrays.copyOf(conflicted, conflicted.length + 1);
        conflicted[conflicted.length - 1] = eventId;
    }

    /** The time of the first buffered event of an order, or {@link Long#MAX_VALUE}. */
    long orderFirst(long key) {
        for (int i = 0; i < n; i++) {
            if (type[i] < FIRST_NON_ORDER && order[i] == key) {
                return first[i];
            }
        }
        return Long.MAX_VALUE;
    }

    /** The time of the last buffered event of an order, or {@link Long#MIN_VALUE}. */
    long orderLast(long key) {
        for (int i = n - 1; i >= 0; i--) {
            if (type[i] < FIRST_NON_ORDER && order[i] == key) {
                return time[i];
            }
        }
        return Long.MIN_VALUE;
    }

    /** Inserts an event in (time, id) order and returns its index. */
    int insert(WorkEvent e, long orderKey, int regionCode, long hash, int fileIndex, long lineNumber) {
        if (n == time.length) {
            grow(n * 2);
        }
        int at = n;
        while (at > 0 && before(e.timeMillis(), e.eventId(), at - 1)) {
            at--;
        }
        shift(at, 1);
        time[at] = e.timeMillis();
        amount[at] = e.amountCents();
        order[at] = orderKey;
        region[at] = regionCode;
        type[at] = (byte) e.type().ordinal();
        reason[at] = (byte) (e.reason() == null ? 0 : e.reason().ordinal() + 1);
        insured[at] = e.insured();
        id[at] = e.eventId();
        content[at] = hash;
        line[at] = lineNumber;
        file[at] = fileIndex;
        first[at] = e.timeMillis();
        n++;
        if (at < fed) {
            throw new IllegalStateException("inserted before the fed events: " + e.eventId());
        }
        if (e.type().ordinal() < FIRST_NON_ORDER) {
            long f = Math.min(orderFirst(orderKey), e.timeMillis());
            for (int i = 0; i < n; i++) {
                if (type[i] < FIRST_NON_ORDER && order[i] == orderKey) {
                    first[i] = f;
                }
            }
        }
        latest = Math.max(latest, e.timeMillis());
        return at;
    }

    private boolean before(long t, String eventId, int i) {
        return t != time[i] ? t < time[i] : eventId.compareTo(id[i]) < 0;
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
        shift(i + 1, -1);
        n--;
        id[n] = null;
    }

    /** Drops the first k events. */
    void dropFirst(int k) {
        if (k <= 0) {
            return;
        }
        if (copies != null) {
            for (int i = 0; i < k; i++) {
                copies.remove(id[i]);
            }
            if (copies.isEmpty()) {
                copies = null;
            }
        }
        shift(k, -k);
        n -= k;
        fed -= k;
        Arrays.fill(id, n, n + k, null);
        if (time.length > 64 && n < time.length / 4) {
            grow(Math.max(8, n * 2));
        }
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
        System.arraycopy(first, from, first, from + by, len);
        System.arraycopy(region, from, region, from + by, len);
        System.arraycopy(type, from, type, from + by, len);
        System.arraycopy(reason, from, reason, from + by, len);
        System.arraycopy(insured, from, insured, from + by, len);
        System.arraycopy(id, from, id, from + by, len);
        System.arraycopy(content, from, content, from + by, len);
        System.arraycopy(line, from, line, from + by, len);
        System.arraycopy(file, from, file, from + by, len);
    }

    private void grow(int c) {
        time = Arrays.copyOf(time, c);
        amount = Arrays.copyOf(amount, c);
        order = Arrays.copyOf(order, c);
        first = Arrays.copyOf(first, c);
        region = Arrays.copyOf(region, c);
        type = Arrays.copyOf(type, c);
        reason = Arrays.copyOf(reason, c);
        insured = Arrays.copyOf(insured, c);
        id = Arrays.copyOf(id, c);
        content = Arrays.copyOf(content, c);
        line = Arrays.copyOf(line, c);
        file = Arrays.copyOf(file, c);
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
