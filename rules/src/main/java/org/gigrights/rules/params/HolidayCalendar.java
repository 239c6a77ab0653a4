package org.gigrights.rules.params;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The official holiday calendar: statutory holiday dates, the rest days bridged around them, and
 * the make-up workdays (调休上班) that fall on weekends.
 */
public final class HolidayCalendar {
    /** What one calendar entry says about its date. */
    public enum Kind {
        /** A statutory holiday (法定节假日); also a rest day. */
        STATUTORY,
        /** A rest day of a holiday block that is not itself statutory. */
        REST,
        /** A weekend day that is a working day by the State Council notice. */
        WORKDAY
    }

    private final Set<LocalDate> statutory = new HashSet<>();
    private final Set<LocalDate> rest = new HashSet<>();
    private final Set<LocalDate> makeUp = new HashSet<>();
    private final Set<Integer> years = new HashSet<>();
    // The statutory dates as sorted epoch days, for a lookup per worker-day without a LocalDate.
    private long[] statutoryDays = new long[0];

    /** Records one entry of a year's calendar. */
    public void add(LocalDate date, Kind kind) {
        years.add(date.getYear());
        switch (kind) {
            case STATUTORY -> {
                if (statutory.add(date)) {
                    statutoryDays = Arrays.copyOf(statutoryDays, statutoryDays.length + 1);
                    statutoryDays[statutoryDays.length - 1] = date.toEpochDay();
                    Arrays.sort(statutoryDays);
                }
                rest.add(date);
            }
            case REST -> rest.add(date);
            case WORKDAY -> makeUp.add(date);
        }
    }

    /** Declares a year as covered even if it had no entries. */
    public void addYear(int year) {
        years.add(year);
    }

    /** True on a statutory holiday date. */
    public boolean isStatutory(LocalDate date) {
        return statutory.contains(date);
    }

    /** True on a statutory holiday date given as an epoch day. */
    public boolean isStatutory(long epochDay) {
        return Arrays.binarySearch(statutoryDays, epochDay) >= 0;
    }

    /**
     * True on a normal workday: a make-up workday, or Monday to Friday outside any holiday block.
     * Years without a calendar file count Monday to Friday as workdays.
     */
    public boolean isWorkday(LocalDate date) {
        if (makeUp.contains(date)) {
            return true;
        }
        if (rest.contains(date)) {
            return false;
        }
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /** True if the calendar holds the official schedule of the date's year. */
    public boolean covers(LocalDate date) {
        return years.contains(date.getYear());
    }
}
