package org.gigrights.server.findings.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gigrights.rules.check.WorkerEvents;
import org.gigrights.rules.check.WorkerHistory;
import org.gigrights.rules.model.Reason;
import org.gigrights.rules.time.Interval;
import org.gigrights.rules.time.Orders;

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
        Orders orders = h.orders();
        WorkerEvents ev = h.events();
        for (int o = 0; o < orders.count(); o++) {
            if (!orders.timed(o)) {
                continue;
            }
            LocalDate d = h.date(orders.end(o));
            work.computeIfAbsent(d, k -> new ArrayList<>()).add(orders.interval(o));
            String region = String.format("%06d", ev.region(orders.accept(o)));
            regionMillis.computeIfAbsent(d, k -> new HashMap<>()).merge(region, orders.duration(o), Long::sum);
            overall.merge(region, orders.duration(o) + 1, Long::sum);
        }
        Map<LocalDate, long[]> pay = new TreeMap<>();
        for (int i = 0; i < ev.size(); i++) {
            long[] p = pay.computeIfAbsent(h.date(i), k -> new long[3]);
            switch (ev.type(i)) {
                case ORDER_COMPLETE -> {
                    p[0] += ev.amountOrZero(i);
                    p[1]++;
                    if (ev.insured(i)) {
                        p[2]++;
                    }
                }
                case ORDER_CANCEL -> p[0] += ev.amountOrZero(i);
                case INCOME -> p[0] += ev.reason(i) == Reason.TIP ? 0 : ev.amountOrZero(i);
                case DEDUCTION -> p[0] -= ev.reason(i) == Reason.FINE ? ev.amountOrZero(i) : 0;
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
        Orders orders = h.orders();
        for (int o : orders.timedByStart()) {
            if (start == Long.MIN_VALUE || orders.start(o) - end >= BREAK_MILLIS) {
                if (start != Long.MIN_VALUE) {
                    out.merge(h.pack().localDate(start), end - start, Math::max);
                }
                start = orders.start(o);
                end = orders.endTime(o);
            } else {
                end = Math.max(end, orders.endTime(o));
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
