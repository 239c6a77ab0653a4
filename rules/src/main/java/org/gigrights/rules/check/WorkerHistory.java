package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.WorkEvent;
import org.gigrights.rules.params.RulePack;
import org.gigrights.rules.time.Interval;
import org.gigrights.rules.time.Order;

/**
 * Everything the rules need about one worker of one platform: the events in event-time order,
 * the orders built from them, and the parameters in force.
 */
public final class WorkerHistory {
    private final RulePack pack;
    private final String platform;
    private final String worker;
    private final List<WorkEvent> events;
    private final List<Order> orders;
    private final long asOfMillis;
    private final Counters counters;

    /**
     * Builds a worker's history.
     *
     * @param pack the rule parameters
     * @param platform platform code
     * @param worker worker id
     * @param events the worker's accepted events, in any order
     * @param asOfMillis the end of the reporting period (latest event time the platform reported)
     * @param counters where to count what the rules skip
     */
    public WorkerHistory(
            RulePack pack, String platform, String worker, List<WorkEvent> events, long asOfMillis, Counters counters) {
        this.pack = pack;
        this.platform = platform;
        this.worker = worker;
        List<WorkEvent> sorted = new ArrayList<>(events);
        sorted.sort(WorkEvent.BY_TIME);
        this.events = List.copyOf(sorted);
        this.asOfMillis = asOfMillis;
        this.counters = counters;
        this.orders = buildOrders(this.events);
        for (Order o : orders) {
            if (!o.hasInterval()) {
                counters.increment(Counters.ORDERS_WITHOUT_INTERVAL);
            }
        }
    }

    private static List<Order> buildOrders(List<WorkEvent> events) {
        Map<String, List<WorkEvent>> byOrder = new LinkedHashMap<>();
        for (WorkEvent e : events) {
            if (e.type().isOrder()) {
                byOrder.computeIfAbsent(e.order(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Order> out = new ArrayList<>(byOrder.size());
        for (Map.Entry<String, List<WorkEvent>> entry : byOrder.entrySet()) {
            WorkEvent accept = null;
            WorkEvent end = null;
            int accepts = 0;
            int ends = 0;
            for (WorkEvent e : entry.getValue()) {
                if (e.type() == EventType.ORDER_ACCEPT) {
                    accept = e;
                    accepts++;
                } else {
                    end = e;
                    ends++;
                }
            }
            if (accepts != 1) {
                accept = null;
            }
            if (ends != 1) {
                end = null;
            }
            boolean interval = accept != null && end != null && end.timeMillis() >= accept.timeMillis();
            out.add(new Order(entry.getKey(), accept, end, List.copyOf(entry.getValue()), interval));
        }
        return out;
    }

    public RulePack pack() {
        return pack;
    }

    public String platform() {
        return platform;
    }

    public String worker() {
        return worker;
    }

    /** The accepted events in event-time order. */
    public List<WorkEvent> events() {
        return events;
    }

    /** Every order, in order of first event. */
    public List<Order> orders() {
        return orders;
    }

    /** The orders that count working time, by start then end. */
    public List<Order> timedOrders() {
        List<Order> out = new ArrayList<>();
        for (Order o : orders) {
            if (o.hasInterval()) {
                out.add(o);
            }
        }
        out.sort((a, b) ->
                a.start() != b.start() ? Long.compare(a.start(), b.start()) : Long.compare(a.endTime(), b.endTime()));
        return out;
    }

    /** The intervals of some orders. */
    public static List<Interval> intervals(List<Order> orders) {
        List<Interval> out = new ArrayList<>(orders.size());
        for (Order o : orders) {
            if (o.hasInterval()) {
                out.add(new Interval(o.start(), o.endTime()));
            }
        }
        return out;
    }

    /** End of the reporting period, for rules that judge what has not happened yet. */
    public long asOfMillis() {
        return asOfMillis;
    }

    public Counters counters() {
        return counters;
    }

    /** The local date of an event. */
    public LocalDate date(WorkEvent e) {
        return pack.localDate(e.timeMillis());
    }

    /** The local wall-clock time of an instant. */
    public LocalTime localTime(long millis) {
        return Instant.ofEpochMilli(millis).atZone(pack.zone()).toLocalTime();
    }

    /** An instant as ISO-8601 local time with offset, e.g. {@code 2026-05-01T08:30+08:00}. */
    public String isoTime(long millis) {
        return Instant.ofEpochMilli(millis)
                .atZone(pack.zone())
                .toOffsetDateTime()
                .toString();
    }

    /** A parameter in force on a date for this worker's platform. */
    public BigDecimal param(String name, LocalDate date) {
        return pack.value(name, platform, date);
    }

    /** Milliseconds as minutes, to 2 decimals. */
    public static BigDecimal minutes(long millis) {
        return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(60_000), 2, RoundingMode.HALF_UP);
    }

    /** Cents as yuan, with 2 decimals. */
    public static BigDecimal yuan(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
