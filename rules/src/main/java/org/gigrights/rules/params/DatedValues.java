package org.gigrights.rules.params;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A value that changes over time: each entry holds from its effective date until the next one.
 *
 * @param <T> the value type
 */
public final class DatedValues<T> {
    private final NavigableMap<LocalDate, T> byDate;
    // The same entries as sorted epoch days, so that a lookup allocates nothing: rules look up
    // parameters for every worker-day.
    private final long[] fromDays;
    private final Object[] values;

    private DatedValues(NavigableMap<LocalDate, T> byDate) {
        this.byDate = byDate;
        this.fromDays = new long[byDate.size()];
        this.values = new Object[byDate.size()];
        int k = 0;
        for (Map.Entry<LocalDate, T> e : byDate.entrySet()) {
            fromDays[k] = e.getKey().toEpochDay();
            values[k++] = e.getValue();
        }
    }

    /** Values keyed by the date each takes effect. */
    public static <T> DatedValues<T> of(Map<LocalDate, T> byDate) {
        return new DatedValues<>(new TreeMap<>(byDate));
    }

    /** One value in force from the given date on. */
    public static <T> DatedValues<T> from(LocalDate effective, T value) {
        return of(Map.of(effective, value));
    }

    /** The value in force on a date, or null before the first entry. */
    public T at(LocalDate date) {
        return at(date.toEpochDay());
    }

    /** The value in force on a date given as an epoch day, or null before the first entry. */
    @SuppressWarnings("unchecked")
    public T at(long epochDay) {
        int k = Arrays.binarySearch(fromDays, epochDay);
        // Not found: -(insertion point) - 1; the entry before the insertion point holds.
        int floor = k >= 0 ? k : -k - 2;
        return floor < 0 ? null : (T) values[floor];
    }

    /** Every value, in the order of the dates they take effect. */
    @SuppressWarnings("unchecked")
    public List<T> all() {
        List<T> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add((T) v);
        }
        return out;
    }

    /** A copy with one more entry (replacing one on the same date). */
    public DatedValues<T> with(LocalDate effective, T value) {
        TreeMap<LocalDate, T> copy = new TreeMap<>(byDate);
        copy.put(effective, value);
        return new DatedValues<>(copy);
    }

    @Override
    public String toString() {
        return byDate.toString();
    }
}
