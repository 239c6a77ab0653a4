package org.gigrights.engine.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.gigrights.rules.params.HolidayCalendar;

/**
 * Plans one worker's day: whether they work, the shift, the orders with idle gaps, breaks and
 * stacked orders, and the money events around them.
 */
final class ShiftPlanner {
    private final WorkerProfile worker;
    private final PlatformProfile platform;
    private final HolidayCalendar calendar;

    ShiftPlanner(WorkerProfile worker, PlatformProfile platform, HolidayCalendar calendar) {
        this.worker = worker;
        this.platform = platform;
        this.calendar = calendar;
    }

    void plan(LocalDate date, long midnight, SplittableRandom r, DayEvents day, boolean firstDay) {
        boolean holiday = calendar.isStatutory(date);
        double works = worker.fullTime() ? (holiday ? 0.7 : 0.86) : 0.4;
        if (r.nextDouble() >= works) {
            return;
        }
        long start = midnight + 60L * (worker.shiftStartMinute() + r.nextInt(61) - 30);
        int shiftMinutes = worker.fullTime()
                ? (r.nextDouble() < 0.05 ? 13 * 60 + r.nextInt(90) : 7 * 60 + r.nextInt(6 * 60))
                : 90 + r.nextInt(4 * 60);
        long end = start + 60L * shiftMinutes;
        boolean lowPayDay = r.nextDouble() < 0.03;
        double pay = worker.payFactor() * (lowPayDay ? 0.5 : 1.0) * (holiday ? platform.holidayPremium() : 1.0);
        if (firstDay) {
            newcomer(start, r, day);
        }
        day.add(start, DayEvents.ONLINE, -1, -1, null, -1, null);
        long t = start;
        long sinceBreak = start;
        long lastEnd = start;
        int n = 0;
        int breakAfter = 60 * (150 + r.nextInt(86));
        while (t < end && !day.full()) {
            PlatformProfile.Kind k = platform.kind();
            int minutes = k.minMinutes + r.nextInt(k.maxMinutes - k.minMinutes + 1);
            // A worker who rests stops before an order would take the stretch past their limit.
            if (t + 60L * minutes - sinceBreak > breakAfter && (worker.takesBreaks() || r.nextDouble() < 0.1)) {
                long pause = 60L * (20 + r.nextInt(41));
                long off = Math.max(t, lastEnd);
                day.add(off, DayEvents.OFFLINE, -1, -1, null, -1, null);
                day.add(off + pause, DayEvents.ONLINE, -1, -1, null, -1, null);
                t = off + pause;
                sinceBreak = t;
                if (t >= end) {
                    break;
                }
            }
            long accept = t;
            long finish = accept + 60L * minutes + r.nextInt(60);
            String region = r.nextDouble() < 0.8 ? worker.region() : nearby(r);
            day.add(accept, DayEvents.ORDER_ACCEPT, n, -1, region, -1, null);
            if (r.nextDouble() < 0.03) {
                long cancelPay = r.nextBoolean() ? 200 + r.nextInt(300) : -1;
                long at = accept + 60L * (1 + r.nextInt(Math.max(1, minutes / 2)));
                day.add(at, DayEvents.ORDER_CANCEL, n, cancelPay, null, -1, null);
                finish = at;
            } else {
                long cents = Math.round(minutes * platform.payPerMinuteCents() * pay * (0.85 + r.nextDouble() * 0.4));
                int insured = r.nextDouble() < platform.uninsuredShare() ? 0 : 1;
                day.add(finish, DayEvents.ORDER_COMPLETE, n, cents, null, insured, null);
                if (platform.kind() == PlatformProfile.Kind.RIDE_HAILING && r.nextDouble() < 0.05) {
                    day.add(finish + 30, DayEvents.INCOME, -1, 100 + r.nextInt(900), null, -1, "TIP");
                }
            }
            n++;
            lastEnd = Math.max(lastEnd, finish);
            boolean stack = platform.kind() == PlatformProfile.Kind.DELIVERY && r.nextDouble() < 0.2;
            t = stack ? accept + 60L * (minutes / 3 + 1) : Math.max(finish, lastEnd) + 60L * (1 + r.nextInt(12));
        }
        long offline = Math.max(t, lastEnd);
        day.add(offline, DayEvents.OFFLINE, -1, -1, null, -1, null);
        money(date, offline, r, day);
    }

    private void newcomer(long start, SplittableRandom r, DayEvents day) {
        if (r.nextDouble() < platform.depositShare()) {
            day.add(start - 600, DayEvents.DEDUCTION, -1, 30_000, null, -1, "DEPOSIT");
        }
        if (platform.kind() == PlatformProfile.Kind.DELIVERY && r.nextDouble() < 0.05) {
            day.add(start - 300, DayEvents.DEDUCTION, -1, 8_000 + r.nextInt(12_000), null, -1, "EQUIPMENT");
        }
    }

    private void money(LocalDate date, long offline, SplittableRandom r, DayEvents day) {
        if (r.nextDouble() < platform.fineShare()) {
            day.add(offline + 60, DayEvents.DEDUCTION, -1, 500 + r.nextInt(4500), null, -1, "FINE");
        }
        if (worker.fullTime() && date.getDayOfWeek() == DayOfWeek.SUNDAY && r.nextDouble() < 0.5) {
            day.add(offline + 120, DayEvents.INCOME, -1, 2000 + r.nextInt(8000), null, -1, "BONUS");
        }
        int month = date.getMonthValue();
        if ((month == 7 || month == 8) && r.nextDouble() < 0.5) {
            day.add(offline + 180, DayEvents.INCOME, -1, 1000, null, -1, "SUBSIDY");
        }
    }

    private String nearby(SplittableRandom r) {
        return WorkerProfile.TIER1[r.nextInt(WorkerProfile.TIER1.length)];
    }
}
