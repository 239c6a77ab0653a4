package org.gigrights.rules.params;

import java.time.LocalDate;
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

    private DatedValues(NavigableMap<LocalDate, T> byDate) {
        this.byDate = byDate;
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
        Map.Entry<LocalDate, T> e = byDate.floorEntry(date);
        return e == null ? null : e.getValue();
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
