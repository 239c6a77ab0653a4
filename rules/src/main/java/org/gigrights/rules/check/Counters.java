package org.gigrights.rules.check;

import java.util.Map;
import java.util.TreeMap;

/** Named counts of what the rules saw but did not judge, for the run's summary. */
public final class Counters {
    /** Orders without exactly one accept and one end, or ending before they start. */
    public static final String ORDERS_WITHOUT_INTERVAL = "orders_without_interval";
    /** Holiday dates worked with fewer baseline orders than the minimum. */
    public static final String HOLIDAY_SHORT_BASELINE = "holiday_days_short_baseline";
    /** Holiday dates worked whose baseline pay was zero, so no ratio exists. */
    public static final String HOLIDAY_ZERO_BASELINE = "holiday_days_zero_baseline";
    /** Local dates with at least one accepted event, per platform and worker. */
    public static final String WORKER_DAYS = "worker_days_evaluated";
    /** Workers (platform and worker id) evaluated. */
    public static final String WORKERS = "workers_evaluated";

    private final Map<String, Long> counts = new TreeMap<>();

    public void add(String name, long n) {
        counts.merge(name, n, Long::sum);
    }

    public void increment(String name) {
        add(name, 1);
    }

    public long get(String name) {
        return counts.getOrDefault(name, 0L);
    }

    /** Adds every count of another set into this one. */
    public void addAll(Counters other) {
        other.counts.forEach(this::add);
    }

    /** The counts by name, sorted. */
    public Map<String, Long> asMap() {
        return new TreeMap<>(counts);
    }
}
