package org.gigrights.rules.time;

import java.util.ArrayList;
import java.util.List;
import org.gigrights.rules.check.WorkerEvents;
import org.gigrights.rules.model.EventType;

/**
 * The orders of one worker, built from their events by index.
 *
 * <p>An order has working time only when it has exactly one accept and one end (complete or
 * cancel), and the end does not precede the accept; otherwise it counts no time, though its pay
 * still counts.
 */
public final class Orders {
    private final WorkerEvents events;
    private final int count;
    private final int[] accept;
    private final int[] end;
    private final boolean[] timed;
    private final int[] first;
    private final int[] next;
    private final int[] byStart;

    public Orders(WorkerEvents events) {
        this.events = events;
        int n = events.size();
        LongIntMap index = new LongIntMap(Math.max(16, n));
        int[] orderOf = new int[n];
        next = new int[n];
        List<Integer> firsts = new ArrayList<>();
        int[] last = new int[Math.max(1, n)];
        for (int i = 0; i < n; i++) {
            next[i] = -1;
            orderOf[i] = -1;
            if (!events.type(i).isOrder()) {
                continue;
            }
            int o = index.get(events.order(i));
            if (o < 0) {
                o = firsts.size();
                index.put(events.order(i), o);
                firsts.add(i);
            } else {
                next[last[o]] = i;
            }
            last[o] = i;
            orderOf[i] = o;
        }
        count = firsts.size();
        accept = new int[count];
        end = new int[count];
        timed = new boolean[count];
        first = new int[count];
        int[] accepts = new int[count];
        int[] ends = new int[count];
        for (int o = 0; o < count; o++) {
            first[o] = firsts.get(o);
            accept[o] = -1;
            end[o] = -1;
        }
        for (int i = 0; i < n; i++) {
            int o = orderOf[i];
            if (o < 0) {
                continue;
            }
            if (events.type(i) == EventType.ORDER_ACCEPT) {
                accept[o] = i;
                accepts[o]++;
            } else {
                end[o] = i;
                ends[o]++;
            }
        }
        int timedCount = 0;
        for (int o = 0; o < count; o++) {
            if (accepts[o] != 1) {
                accept[o] = -1;
            }
            if (ends[o] != 1) {
                end[o] = -1;
            }
            timed[o] = accept[o] >= 0 && end[o] >= 0 && events.time(end[o]) >= events.time(accept[o]);
            if (timed[o]) {
                timedCount++;
            }
        }
        byStart = new int[timedCount];
        int k = 0;
        for (int o = 0; o < count; o++) {
            if (timed[o]) {
                byStart[k++] = o;
            }
        }
        sortByStart();
    }

    private void sortByStart() {
        Integer[] boxed = new Integer[byStart.length];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = byStart[i];
        }
        java.util.Arrays.sort(
                boxed,
                (a, b) ->
                        start(a) != start(b) ? Long.compare(start(a), start(b)) : Long.compare(endTime(a), endTime(b)));
        for (int i = 0; i < boxed.length; i++) {
            byStart[i] = boxed[i];
        }
    }

    /** Number of orders. */
    public int count() {
        return count;
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

    public long start(int o) {
        return events.time(accept[o]);
    }

    public long endTime(int o) {
        return events.time(end[o]);
    }

    /** Length of the interval in milliseconds; zero for orders without one. */
    public long duration(int o) {
        return timed[o] ? endTime(o) - start(o) : 0;
    }

    /** The orders with working time, by start then end. */
    public int[] timedByStart() {
        return byStart;
    }

    /** The ids of every event of the order. */
    public List<String> eventIds(int o) {
        List<String> ids = new ArrayList<>(2);
        for (int i = first[o]; i >= 0; i = next[i]) {
            ids.add(events.eventId(i));
        }
        return ids;
    }

    /**
     * Milliseconds in the union of the intervals of some orders (orders without one add nothing):
     * overlapping orders count once.
     */
    public long unionLength(int[] ids, int count) {
        long[] st = new long[count];
        long[] en = new long[count];
        int n = 0;
        for (int k = 0; k < count; k++) {
            int o = ids[k];
            if (!timed[o]) {
                continue;
            }
            long s = start(o);
            long e = endTime(o);
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
