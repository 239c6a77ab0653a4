package org.gigrights.server.findings.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gigrights.rules.check.WorkerHistory;
import org.gigrights.rules.model.Reason;
import org.gigrights.rules.model.WorkEvent;
import org.gigrights.rules.time.Interval;
import org.gigrights.rules.time.Order;

/**
 * The facts of each day of one worker, for the dashboard and the worker's page: working minutes
 * and pay as MIN_WAGE counts them (orders ending that day), orders and insured orders, the longest
 * stretch without a 20-minute break, and the district where most order time was spent.
 */
final class WorkerDays {
    /** One day's facts. */
    record Day(
            LocalDate date,
            String district,
            double workMinutes,
            long payCents,
            int orders,
            int insuredOrders,
            double longestStretchMinutes) {}

    private static final long BREAK_MILLIS = 20 * 60_000L;

    private WorkerDays() {}

    static List<Day> of(WorkerHistory h) {
        Map<LocalDate, List<Interval>> work = new TreeMap<>();
        Map<LocalDate, Map<String, Long>> regionMillis = new HashMap<>();
        Map<String, Long> overall = new HashMap<>();
        for (Order o : h.orders()) {
            if (!o.hasInterval()) {
                continue;
            }
            LocalDate d = h.date(o.end());
            work.computeIfAbsent(d, k -> new ArrayList<>()).add(new Interval(o.start(), o.endTime()));
            String region = o.accept().region();
            regionMillis.computeIfAbsent(d, k -> new HashMap<>()).merge(region, o.durationMillis(), Long::sum);
            overall.merge(region, o.durationMillis() + 1, Long::sum);
        }
        Map<LocalDate, long[]> pay = new TreeMap<>();
        for (WorkEvent e : h.events()) {
            long[] p = pay.computeIfAbsent(h.date(e), k -> new long[3]);
            switch (e.type()) {
                case ORDER_COMPLETE -> {
                    p[0] += e.amountOrZero();
                    p[1]++;
                    if (e.insured()) {
                        p[2]++;
                    }
                }
                case ORDER_CANCEL -> p[0] += e.amountOrZero();
                case INCOME -> p[0] += e.reason() == Reason.TIP ? 0 : e.amountOrZero();
                case DEDUCTION -> p[0] -= e.reason() == Reason.FINE ? e.amountOrZero() : 0;
                default -> {}
            }
        }
        Map<LocalDate, Long> stretches = stretches(h);
        String main = top(overall);
        List<Day> out = new ArrayList<>();
        for (Map.Entry<LocalDate, long[]> entry : pay.entrySet()) {
            LocalDate d = entry.getKey();
            long[] p = entry.getValue();
            List<Interval> w = work.getOrDefault(d, List.of());
            Map<String, Long> regions = regionMillis.get(d);
            out.add(new Day(
                    d,
                    regions == null ? main : top(regions),
                    Interval.unionLength(w) / 60_000.0,
                    p[0],
                    (int) p[1],
                    (int) p[2],
                    stretches.getOrDefault(d, 0L) / 60_000.0));
        }
        return out;
    }

    private static Map<LocalDate, Long> stretches(WorkerHistory h) {
        Map<LocalDate, Long> out = new HashMap<>();
        long start = Long.MIN_VALUE;
        long end = Long.MIN_VALUE;
        for (Order o : h.timedOrders()) {
            if (start == Long.MIN_VALUE || o.start() - end >= BREAK_MILLIS) {
                if (start != Long.MIN_VALUE) {
                    out.merge(h.pack().localDate(start), end - start, Math::max);
                }
                start = o.start();
                end = o.endTime();
            } else {
                end = Math.max(end, o.endTime());
            }
        }
        if (start != Long.MIN_VALUE) {
            out.merge(h.pack().localDate(start), end - start, Math::max);
        }
        return out;
    }

    private static String top(Map<String, Long> m) {
        String best = null;
        long most = -1;
        for (Map.Entry<String, Long> e : new TreeMap<>(m).entrySet()) {
            if (e.getKey() != null && e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }
}
