package org.gigrights.engine.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.gigrights.rules.params.HolidayCalendar;
import org.gigrights.rules.params.RulePack;

/**
 * Generates a month (or any span) of platform work in a city, day by day and worker by worker, so
 * that memory stays a few arrays per worker whatever the size of the output.
 *
 * <p>Output order: by day, then by worker; each worker's events are in time order (a night shift
 * that runs past midnight stays in the day it started). Deterministic for a seed.
 */
public final class CityGenerator {
    /** What to generate. */
    public record Options(int workers, int days, long seed, LocalDate start, boolean jsonl) {}

    private static final long SECONDS_PER_DAY = 86_400L;
    private static final int MAX_EVENTS_PER_DAY = 512;
    /** Back pay may be dated this many days before the first day. */
    private static final int LOOKBACK_DAYS = 40;

    private final Options options;
    private final WorkerProfile[] profiles;
    private final long[] owedCents;
    private final long[] owedAtMonthStart;
    private final long[] withheldUntilDay;
    private final boolean[] started;
    private final HolidayCalendar calendar = RulePack.chongqing().calendar();
    private final DayEvents day = new DayEvents(MAX_EVENTS_PER_DAY);
    private final AsciiText id = new AsciiText();
    private final AsciiText order = new AsciiText();

    public CityGenerator(Options options) {
        this.options = options;
        int extra = 0;
        for (int i = 0; i < options.workers(); i++) {
            if (WorkerProfile.hasSecondPlatform(options.seed(), i)) {
                extra++;
            }
        }
        profiles = new WorkerProfile[options.workers() + extra];
        int k = 0;
        for (int i = 0; i < options.workers(); i++) {
            profiles[k++] = WorkerProfile.draw(options.seed(), i, false);
            if (WorkerProfile.hasSecondPlatform(options.seed(), i)) {
                profiles[k++] = WorkerProfile.draw(options.seed(), i, true);
            }
        }
        owedCents = new long[profiles.length];
        owedAtMonthStart = new long[profiles.length];
        withheldUntilDay = new long[profiles.length];
        started = new boolean[profiles.length];
    }

    /** Number of worker accounts (a person on two platforms has two). */
    public int accounts() {
        return profiles.length;
    }

    /**
     * Writes every event.
     *
     * @param progress receives the number of rows written after each day
     * @return the number of rows written
     */
    public long write(OutputStream out, LongConsumer progress) throws IOException {
        LocalDate first = options.start();
        LocalDate earliest = first.minusDays(LOOKBACK_DAYS);
        String[] dates = new String[options.days() + LOOKBACK_DAYS + 3];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = earliest.plusDays(i).toString();
        }
        long firstSecond = first.atStartOfDay().toEpochSecond(ZoneOffset.ofHours(8));
        long earliestSecond = earliest.atStartOfDay().toEpochSecond(ZoneOffset.ofHours(8));
        try (RowSink sink = new RowSink(out, options.jsonl(), earliestSecond, dates)) {
            for (int d = 0; d < options.days(); d++) {
                LocalDate date = first.plusDays(d);
                long midnight = firstSecond + d * SECONDS_PER_DAY;
                if (date.getDayOfMonth() == 1) {
                    System.arraycopy(owedCents, 0, owedAtMonthStart, 0, owedCents.length);
                }
                for (int w = 0; w < profiles.length; w++) {
                    day.clear();
                    SplittableRandom r = new SplittableRandom(WorkerProfile.mix(options.seed() * 31 + w * 7919L + d));
                    payout(w, d, date, midnight, r);
                    new ShiftPlanner(profiles[w], PlatformProfile.CITY[profiles[w].platform()], calendar)
                            .plan(date, midnight, r, day, !started[w]);
                    if (day.size() > 0) {
                        started[w] = true;
                    }
                    emit(sink, w, d, r);
                }
                progress.accept(sink.rows());
            }
            return sink.rows();
        }
    }

    /** Weekly platforms pay what was owed at the start of the day; monthly ones on the 5th for last month. */
    private void payout(int w, int d, LocalDate date, long midnight, SplittableRandom r) {
        PlatformProfile p = PlatformProfile.CITY[profiles[w].platform()];
        if (d == 0 && p.fineShare() >= 0.05 && r.nextDouble() < 0.04) {
            // Back pay owed from before the window and withheld for weeks more: PAY_DELAY's known share.
            long back = 10_000 + r.nextInt(40_000);
            day.add(midnight - 33 * SECONDS_PER_DAY + 20 * 3600, DayEvents.INCOME, -1, back, null, -1, "OTHER");
            withheldUntilDay[w] = 8 + r.nextInt(10);
        }
        long amount;
        if (p.payoutDay() == 0) {
            amount = date.getDayOfMonth() == 5 ? Math.min(owedAtMonthStart[w], owedCents[w]) : 0;
        } else {
            amount = date.getDayOfWeek().getValue() == p.payoutDay() ? owedCents[w] : 0;
            if (d < withheldUntilDay[w]) {
                amount = 0;
            }
        }
        if (amount > 0) {
            day.add(midnight + 12 * 3600 + r.nextInt(7200), DayEvents.PAYOUT, -1, amount, null, -1, null);
            owedCents[w] -= amount;
        }
    }

    private void emit(RowSink sink, int w, int d, SplittableRandom r) throws IOException {
        WorkerProfile wp = profiles[w];
        String platform = PlatformProfile.CITY[wp.platform()].code();
        day.sort();
        for (int i = 0; i < day.size(); i++) {
            int type = day.type(i);
            long amount = day.amount(i);
            if (type == DayEvents.ORDER_COMPLETE || type == DayEvents.ORDER_CANCEL || type == DayEvents.INCOME) {
                owedCents[w] += Math.max(amount, 0);
            } else if (type == DayEvents.DEDUCTION) {
                owedCents[w] -= amount;
            }
            id.clear().append(wp.id()).append('-').append(d).append('-').append(i);
            order.clear();
            if (day.order(i) >= 0) {
                order.append(wp.id()).append('o').append(d).append('-').append(day.order(i));
            }
            double roll = r.nextDouble();
            if (roll < 0.00001) {
                sink.rawLine(Malformed.row(id + "x", platform, wp.id(), day.epochSecond(i), r));
            }
            // A few rows are sent twice, as feeds re-send after a timeout.
            int copies = roll > 0.99998 ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                sink.row(
                        id,
                        platform,
                        wp.id(),
                        wp.person(),
                        DayEvents.NAMES[type],
                        day.epochSecond(i),
                        order,
                        amount,
                        day.region(i),
                        day.insured(i),
                        day.reason(i));
            }
        }
    }

    /** The share of accounts per platform, for tests and the demo. */
    public int[] accountsPerPlatform() {
        int[] n = new int[PlatformProfile.CITY.length];
        Arrays.stream(profiles).forEach(p -> n[p.platform()]++);
        return n;
    }
}
