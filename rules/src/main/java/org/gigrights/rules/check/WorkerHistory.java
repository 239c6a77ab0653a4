package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.WorkEvent;
import org.gigrights.rules.params.RulePack;
import org.gigrights.rules.time.Interval;
import org.gigrights.rules.time.Orders;

/**
 * Everything the rules need about one worker of one platform: the events in event-time order,
 * their local dates, the orders built from them, and the parameters in force.
 */
public final class WorkerHistory {
    private final RulePack pack;
    private final String platform;
    private final String worker;
    private final WorkerEvents events;
    private final int[] days;
    /** Each event's type as its ordinal: bytes, so that filling them stores no references. */
    private final byte[] types;

    private final Orders orders;
    private final long asOfMillis;
    private final Counters counters;
    private final Scratch scratch;
    private int focusDay = Integer.MIN_VALUE;
    private long focusFrom = Long.MIN_VALUE;

    /**
     * Builds a worker's history.
     *
     * @param pack the rule parameters
     * @param platform platform code
     * @param worker worker id
     * @param events the worker's accepted events, in event-time order
     * @param asOfMillis the end of the reporting period (latest event time the platform reported)
     * @param counters where to count what the rules skip
     */
    public WorkerHistory(
            RulePack pack, String platform, String worker, WorkerEvents events, long asOfMillis, Counters counters) {
        this(pack, platform, worker, events, asOfMillis, counters, new Scratch());
    }

    /**
     * Builds a worker's history in a thread's reusable working memory.
     *
     * <p>The history is valid until the next one is built with the same scratch.
     *
     * @param pack the rule parameters
     * @param platform platform code
     * @param worker worker id
     * @param events the worker's accepted events, in event-time order
     * @param asOfMillis the end of the reporting period (latest event time the platform reported)
     * @param counters where to count what the rules skip
     * @param scratch this thread's working memory
     */
    public WorkerHistory(
            RulePack pack,
            String platform,
            String worker,
            WorkerEvents events,
            long asOfMillis,
            Counters counters,
            Scratch scratch) {
        this.pack = pack;
        this.platform = platform;
        this.worker = worker;
        this.events = events;
        this.asOfMillis = asOfMillis;
        this.counters = counters;
        this.scratch = scratch;
        int n = events.size();
        this.days = scratch.days(n);
        this.types = scratch.types(n);
        // Events are in time order: the local date changes only when an event leaves the current
        // date's [midnight, next midnight), so most events need no division.
        int day = 0;
        long dayStart = Long.MAX_VALUE;
        long dayEnd = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long t = events.time(i);
            if (t < dayStart || t >= dayEnd) {
                day = pack.epochDay(t);
                dayStart = pack.startOfDay(day);
                dayEnd = pack.startOfDay(day + 1L);
            }
            days[i] = day;
            types[i] = (byte) events.type(i).ordinal();
        }
        this.orders = scratch.orders.load(events, types);
    }

    /** Builds a worker's history from event objects in any order. */
    public WorkerHistory(
            RulePack pack, String platform, String worker, List<WorkEvent> events, long asOfMillis, Counters counters) {
        this(pack, platform, worker, new ListEvents(events), asOfMillis, counters);
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

    /** The events in event-time order. */
    public WorkerEvents events() {
        return events;
    }

    /**
     * The type of event {@code i}: read once from the events when the history is built, since every
     * rule asks for it and an array read costs far less than a call through the events interface.
     */
    public EventType type(int i) {
        return EventType.ofOrdinal(types[i]);
    }

    /** The worker's orders. */
    public Orders orders() {
        return orders;
    }

    /**
     * Restricts the rules to one local date: findings about other dates are not made. A stretch of
     * work counts only when it starts on that date at or after {@code stretchFrom}.
     *
     * <p>The streaming engine evaluates a window of a worker's events around one date at a time;
     * the dates at the window's edges see only part of their events and must not be judged.
     */
    public WorkerHistory focus(int epochDay, long stretchFrom) {
        this.focusDay = epochDay;
        this.focusFrom = stretchFrom;
        return this;
    }

    /** Whether findings about this local date are made (every date, unless focused). */
    public boolean inFocus(int epochDay) {
        return focusDay == Integer.MIN_VALUE || epochDay == focusDay;
    }

    /** Whether a stretch of work starting at this instant, on this local date, is judged. */
    public boolean inFocus(int epochDay, long start) {
        return inFocus(epochDay) && start >= focusFrom;
    }

    /** The local date of event i, as an epoch day. */
    public int day(int i) {
        return days[i];
    }

    /** The local date of event i. */
    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(days[i]);
    }

    /** The intervals of some timed orders. */
    public List<Interval> intervals(int[] orderIds, int count) {
        List<Interval> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            if (orders.timed(orderIds[k])) {
                out.add(orders.interval(orderIds[k]));
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

    /** The working memory of the thread evaluating this history. */
    Scratch scratch() {
        return scratch;
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

    /** A parameter in force on a date given as an epoch day, for this worker's platform. */
    public BigDecimal param(String name, long epochDay) {
        return pack.value(name, platform, epochDay);
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
