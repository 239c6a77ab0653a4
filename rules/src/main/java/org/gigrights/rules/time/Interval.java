package org.gigrights.rules.time;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A half-open span of event time in epoch milliseconds.
 *
 * @param start inclusive start
 * @param end exclusive end, never before start
 */
public record Interval(long start, long end) {

    public Interval {
        if (end < start) {
            throw new IllegalArgumentException("interval ends before it starts");
        }
    }

    public long length() {
        return end - start;
    }

    /**
     * The union of intervals as disjoint intervals in time order. Overlapping or touching
     * intervals merge, so concurrent orders are never counted twice.
     */
    public static List<Interval> union(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingLong(Interval::start).thenComparingLong(Interval::end));
        List<Interval> out = new ArrayList<>();
        long s = 0;
        long e = 0;
        boolean open = false;
        for (Interval i : sorted) {
            if (open && i.start <= e) {
                e = Math.max(e, i.end);
            } else {
                if (open) {
                    out.add(new Interval(s, e));
                }
                s = i.start;
                e = i.end;
                open = true;
            }
        }
        if (open) {
            out.add(new Interval(s, e));
        }
        return out;
    }

    /** Total length of the union of intervals. */
    public static long unionLength(List<Interval> intervals) {
        long total = 0;
        for (Interval i : union(intervals)) {
            total += i.length();
        }
        return total;
    }
}
