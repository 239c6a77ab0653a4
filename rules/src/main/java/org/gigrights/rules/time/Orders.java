package org.gigrights.rules.time;

import java.util.Arrays;
import org.gigrights.rules.check.Evidence;
import org.gigrights.rules.check.WorkerEvents;
import org.gigrights.rules.model.EventType;

/**
 * The orders of one worker, built from their events by index.
 *
 * <p>An order has working time only when it has exactly one accept and one end (complete or
 * cancel), and the end does not precede the accept; otherwise it counts no time, though its pay
 * still counts.
 *
 * <p>One instance can be {@linkplain #load loaded} with worker after worker: its arrays only grow,
 * so that evaluating many workers on one thread does not allocate them again for each.
 */
public final class Orders {
    private WorkerEvents events;
    private int count;
    private int timedCount;
    private int[] accept = new int[0];
    private int[] end = new int[0];
    private boolean[] timed = new boolean[0];
    private long[] start = new long[0];
    private long[] endTime = new long[0];
    private int[] first = new int[0];
    private int[] next = new int[0];
    private int[] byStart = new int[0];
    private int[] timedByStart;
    // Working space: the order of each event, the last event of each order, accept and end
    // counts, the sort's buffer and the intervals of unionLength.
    private int[] orderOf = new int[0];
    private int[] last = new int[0];
    private int[] accepts = new int[0];
    private int[] ends = new int[0];
    private int[] sortBuffer = new int[0];
    private long[] unionStart = new long[0];
    private long[] unionEnd = new long[0];
    private final LongIntMap index = new LongIntMap(16);

    /** The orders of a worker's events. */
    public Orders(WorkerEvents events) {
        load(events);
    }

    /** No orders yet; {@link #load} fills them. */
    public Orders() {
        events = null;
    }

    /** Replaces the orders with those of another worker's events, reusing the arrays. */
    public Orders load(WorkerEvents events) {
        byte[] types = new byte[events.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = (byte) events.type(i).ordinal();
        }
        return load(events, types);
    }

    /** The same, with the events' types already read ({@code types[i]} is event i's type's ordinal). */
    public Orders load(WorkerEvents events, byte[] types) {
        this.events = events;
        int n = events.size();
        index.clear(n);
        orderOf = atLeast(orderOf, n);
        next = atLeast(next, n);
        last = atLeast(last, n);
        first = atLeast(first, n);
        count = 0;
        for (int i = 0; i < n; i++) {
            next[i] = -1;
            orderOf[i] = -1;
            if (!EventType.ofOrdinal(types[i]).isOrder()) {
                continue;
            }
            long key = events.order(i);
            int o = index.get(key);
            if (o < 0) {
                o = count++;
                index.put(key, o);
                first[o] = i;
            } else {
                next[last[o]] = i;
            }
            last[o] = i;
            orderOf[i] = o;
        }
        accept = atLeast(accept, count);
        end = atLeast(end, count);
        accepts = atLeast(accepts, count);
        ends = atLeast(ends, count);
        Arrays.fill(accept, 0, count, -1);
        Arrays.fill(end, 0, count, -1);
        Arrays.fill(accepts, 0, count, 0);
        Arrays.fill(ends, 0, count, 0);
        for (int i = 0; i < n; i++) {
            int o = orderOf[i];
            if (o < 0) {
                continue;
            }
            if (types[i] == EventType.ORDER_ACCEPT.ordinal()) {
                accept[o] = i;
                accepts[o]++;
            } else {
                end[o] = i;
                ends[o]++;
            }
        }
        if (timed.length < count) {
            timed = new boolean[Math.max(count, timed.length * 2)];
        }
        start = atLeast(start, count);
        endTime = atLeast(endTime, count);
        byStart = atLeast(byStart, count);
        timedCount = 0;
        for (int o = 0; o < count; o++) {
            if (accepts[o] != 1) {
                accept[o] = -1;
            }
            if (ends[o] != 1) {
                end[o] = -1;
            }
            // Times are kept per order: the rules read them far more often than once.
            start[o] = accept[o] >= 0 ? events.time(accept[o]) : Long.MIN_VALUE;
            endTime[o] = end[o] >= 0 ? events.time(end[o]) : Long.MIN_VALUE;
            timed[o] = accept[o] >= 0 && end[o] >= 0 && endTime[o] >= start[o];
            if (timed[o]) {
                byStart[timedCount++] = o;
            }
        }
        timedByStart = null;
        sortByStart();
        return this;
    }

    /** Sorts the timed orders by start, then end; stable, so ties keep order number order. */
    private void sortByStart() {
        sortBuffer = atLeast(sortBuffer, timedCount);
        mergeSort(byStart, sortBuffer, 0, timedCount);
    }

    private void mergeSort(int[] a, int[] buf, int from, int to) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int o = a[i];
                int j = i - 1;
                while (j >= from && before(o, a[j])) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = o;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, buf, from, mid);
        mergeSort(a, buf, mid, to);
        if (!before(a[mid], a[mid - 1])) {
            return; // already in order, as orders mostly are
        }
        System.arraycopy(a, from, buf, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            // Take from the right half only when strictly before: equal orders keep their order.
            if (j >= to || (i < mid && !before(buf[j], buf[i]))) {
                a[k] = buf[i++];
            } else {
                a[k] = buf[j++];
            }
        }
    }

    /** Whether order a sorts strictly before order b: by start, then end. */
    private boolean before(int a, int b) {
        return start[a] != start[b] ? start[a] < start[b] : endTime[a] < endTime[b];
    }

    private static int[] atLeast(int[] a, int n) {
        return a.length >= n ? a : new int[Math.max(n, a.length * 2)];
    }

    private static long[] atLeast(long[] a, int n) {
        return a.length >= n ? a : new long[Math.max(n, a.length * 2)];
    }

    /** Number of orders. */
    public int count() {
        return count;
    }

    /** The index of the order's first event in time order. */
    public int first(int o) {
        return first[o];
    }

    /** The index of the order's single accept event, or -1. */
    public int accept(int o) {
        return accept[o];
    }

    /** The index of the order's single end event, or -1. */
    public int end(int o) {
        return end[o];
    }

    /** Whether the order counts working time. */
    public boolean timed(int o) {
        return timed[o];
    }

    /** The time of the order's single accept; only meaningful when it has one. */
    public long start(int o) {
        return start[o];
    }

    /** The time of the order's single end; only meaningful when it has one. */
    public long endTime(int o) {
        return endTime[o];
    }

    /** Length of the interval in milliseconds; zero for orders without one. */
    public long duration(int o) {
        return timed[o] ? endTime[o] - start[o] : 0;
    }

    /** Number of orders with working time. */
    public int timedCount() {
        return timedCount;
    }

    /** The k-th order with working time, by start then end. */
    public int timedByStart(int k) {
        return byStart[k];
    }

    /** The orders with working time, by start then end. */
    public int[] timedByStart() {
        if (timedByStart == null) {
            timedByStart = Arrays.copyOf(byStart, timedCount);
        }
        return timedByStart;
    }

    /** Adds every event of the order to a finding's evidence. */
    public void addEvents(int o, Evidence out) {
        for (int i = first[o]; i >= 0; i = next[i]) {
            out.add(i);
        }
    }

    /**
     * Milliseconds in the union of the intervals of some orders (orders without one add nothing):
     * overlapping orders count once.
     */
    public long unionLength(int[] ids, int count) {
        unionStart = atLeast(unionStart, count);
        unionEnd = atLeast(unionEnd, count);
        long[] st = unionStart;
        long[] en = unionEnd;
        int n = 0;
        for (int k = 0; k < count; k++) {
            int o = ids[k];
            if (!timed[o]) {
                continue;
            }
            long s = start[o];
            long e = endTime[o];
            int j = n - 1;
            while (j >= 0 && st[j] > s) {
                st[j + 1] = st[j];
                en[j + 1] = en[j];
                j--;
            }
            st[j + 1] = s;
            en[j + 1] = e;
            n++;
        }
        long total = 0;
        int i = 0;
        while (i < n) {
            long s = st[i];
            long e = en[i];
            i++;
            while (i < n && st[i] <= e) {
                e = Math.max(e, en[i]);
                i++;
            }
            total += e - s;
        }
        return total;
    }

    /** The interval of an order with working time. */
    public Interval interval(int o) {
        return new Interval(start(o), endTime(o));
    }
}
