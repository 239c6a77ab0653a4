package org.gigrights.engine.stream;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gigrights.rules.check.Counters;
import org.gigrights.rules.check.DailyHoursRule;
import org.gigrights.rules.check.DepositRule;
import org.gigrights.rules.check.HolidayPayRule;
import org.gigrights.rules.check.InjuryCoverRule;
import org.gigrights.rules.check.MinWageRule;
import org.gigrights.rules.check.PayDelayRule;
import org.gigrights.rules.check.PayLedger;
import org.gigrights.rules.check.RestBreakRule;
import org.gigrights.rules.check.Rule;
import org.gigrights.rules.check.Scratch;
import org.gigrights.rules.check.WorkerEvents;
import org.gigrights.rules.check.WorkerHistory;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.params.Param;
import org.gigrights.rules.params.RulePack;
import org.gigrights.rules.time.Orders;

/**
 * Judges a worker's dates as they become final, with the file audit's own rules run over a window
 * of events around each date, and keeps the pay ledger and the holiday baseline between dates.
 */
final class Judge {
    /**
     * How many days of completed orders are kept for holiday baselines: the longest baseline the
     * pack sets on any date for any platform (HOLIDAY_PAY looks back that many days before a
     * holiday). A fixed 400 days held 1.2 GiB of a 4 GiB heap at the end of the 1 B pipe, and
     * would have been too short for a longer baseline.
     */
    private final int baselineKeepDays;

    private final Consumer<Finding> findings;
    final Counters counters = new Counters();
    /** The latest final event time of each platform (one cell per platform, no boxing per event). */
    final Map<String, long[]> periodEnds = new HashMap<>();

    private final RulePack pack;
    private final long window;
    private final Scratch scratch = new Scratch();
    private final Window view = new Window();
    private final List<Rule> dayRules = List.of(
            new RestBreakRule(), new MinWageRule(), new InjuryCoverRule(), new DepositRule(), new DailyHoursRule());
    private final HolidayPayRule holiday = new HolidayPayRule();
    private final PayDelayRule payDelay = new PayDelayRule();

    Judge(RulePack pack, long orderWindowMillis, Consumer<Finding> findings) {
        this.pack = pack;
        this.findings = findings;
        this.window = orderWindowMillis;
        this.baselineKeepDays = keepDays(pack);
    }

    /** The longest holiday baseline of the pack, in whole days (at least 0, at most 100,000). */
    static int keepDays(RulePack pack) {
        BigDecimal days = pack.largest(Param.HOLIDAY_BASELINE_DAYS);
        BigDecimal whole = days.max(BigDecimal.ZERO).setScale(0, RoundingMode.CEILING);
        return whole.min(BigDecimal.valueOf(100_000)).intValue();
    }

    /** Seals the worker's events before {@code until} and judges every date that is then final. */
    void advance(StreamWorker w, long until) {
        if (until <= w.sealed) {
            return;
        }
        w.sealed = until;
        feed(w);
        w.due = Long.MIN_VALUE;
        if (w.n == 0) {
            return;
        }
        if (w.nextDay == Integer.MIN_VALUE) {
            w.nextDay = pack.epochDay(w.time(0));
        }
        int lastDay = pack.epochDay(w.time(w.n - 1));
        while (true) {
            long ready = saturatedAdd(pack.startOfDay(w.nextDay + 1L), window);
            if (w.nextDay > lastDay) {
                w.due = Long.MIN_VALUE;
                break;
            }
            if (ready > w.sealed) {
                w.due = ready; // nothing to judge before the seal gets there
                break;
            }
            if (!judgeDate(w, w.nextDay)) {
                w.due = w.sealed + 1; // a stretch may still grow: look again when the seal moves
                break;
            }
            w.nextDay++;
            if (w.ledger != null) {
                // Once a date: dates whose late pay is all paid go to disk; the room is given back.
                w.ledger.drainPaid(pack, w.nextDay, (day, wait, cents, cycle, ids) -> paid().add(
                                w.number, day, wait, cents, cycle, ids));
                w.ledger.compact();
            }
            // Later dates need events from their own start less the order window on.
            w.dropFirst(Math.min(w.fed, w.indexAt(pack.startOfDay(w.nextDay) - window)));
            if (w.n == 0) {
                break;
            }
            // Skip dates far from any event: nothing can be found on them.
            int next = pack.epochDay(w.time(0));
            if (next > w.nextDay + 1 && pack.startOfDay(next) - window > pack.startOfDay(w.nextDay + 1L)) {
                w.nextDay = Math.max(w.nextDay, next - 1);
            }
        }
    }

    /** Feeds the sealed events to the pay ledger and to the period ends. */
    private void feed(StreamWorker w) {
        int to = w.indexAt(w.sealed);
        if (to <= w.fed) {
            return;
        }
        if (w.ledger == null) {
            w.ledger = new PayLedger(4);
        }
        view.all(w, w.fed, to);
        w.ledger.feed(pack, w.platform, view, 0, view.size(), true);
        long[] end = periodEnds.computeIfAbsent(w.platform, p -> new long[] {Long.MIN_VALUE});
        end[0] = Math.max(end[0], w.time(to - 1));
        w.fed = to;
        w.evaluated = true;
    }

    /**
     * Judges one date, or returns false when a stretch of work started on it may still grow.
     *
     * <p>The window holds the events dated on it and the whole orders that meet it; when a stretch
     * started on it runs past its end, the orders that may join the stretch too.
     */
    private boolean judgeDate(StreamWorker w, int day) {
        long dayStart = pack.startOfDay(day);
        long dayEnd = pack.startOfDay(day + 1L);
        long whole = dayStart - window;
        int lo = w.indexAt(whole);
        long top = dayEnd;
        WorkerHistory history = history(w, day, lo, dayStart, dayEnd, top, whole);
        if (history == null) {
            return true;
        }
        long until = RestBreakRule.joinableUntil(history);
        while (until > top) {
            // Orders starting before `until` may join; their events are all in once sealed passes until + H.
            if (saturatedAdd(until, window) > w.sealed) {
                return false;
            }
            top = until;
            history = history(w, day, lo, dayStart, dayEnd, top, whole);
            until = RestBreakRule.joinableUntil(history);
        }
        for (Rule rule : dayRules) {
            rule.evaluate(history, findings);
        }
        // A later stretch starts no earlier than the last one judged here ends plus the break.
        w.restFloor = Math.max(w.restFloor, until);
        count(history, w, day, dayStart, dayEnd);
        // The date's own completed orders were just remembered: the baseline is what came before.
        CompletedDays done = w.completed;
        int prior = done.n > 0 && done.day[done.n - 1] == day ? done.n - 1 : done.n;
        holiday.evaluateDate(history, day, done.day, done.sum, done.count, prior, findings);
        return true;
    }

    private WorkerHistory history(
            StreamWorker w, int day, int lo, long dayStart, long dayEnd, long orderTop, long whole) {
        view.date(w, lo, w.indexAt(saturatedAdd(orderTop, window)), dayStart, dayEnd, orderTop, whole);
        if (view.size() == 0) {
            return null;
        }
        return new WorkerHistory(pack, w.platform, w.worker, view, 0, counters, scratch).focus(day, w.restFloor);
    }

    /** Counts the date's worker-day and orders without an interval; remembers its completed orders. */
    private void count(WorkerHistory history, StreamWorker w, int day, long dayStart, long dayEnd) {
        WorkerEvents ev = history.events();
        boolean worked = false;
        long sum = 0;
        long completes = 0;
        for (int i = 0; i < ev.size(); i++) {
            if (ev.time(i) >= dayStart && ev.time(i) < dayEnd) {
                worked = true;
                if (ev.type(i) == EventType.ORDER_COMPLETE) {
                    sum += ev.amountOrZero(i);
                    completes++;
                }
            }
        }
        if (worked) {
            counters.increment(Counters.WORKER_DAYS);
        }
        Orders orders = history.orders();
        long untimed = 0;
        for (int o = 0; o < orders.count(); o++) {
            if (!orders.timed(o) && history.day(orders.first(o)) == day) {
                untimed++;
            }
        }
        if (untimed > 0) {
            counters.add(Counters.ORDERS_WITHOUT_INTERVAL, untimed);
        }
        w.completed.remember(day, sum, completes, baselineKeepDays);
    }

    private PaidDates paid;

    private PaidDates paid() {
        if (paid == null) {
            paid = new PaidDates();
        }
        return paid;
    }

    /** Reports the dates whose late pay was all paid, now that the period ends are known. */
    void replayPaid(StreamWorker[] workers, Map<String, Long> ends) throws java.io.IOException {
        if (paid == null) {
            return;
        }
        paid.replay(p -> {
            StreamWorker w = workers[p.worker()];
            WorkerHistory history = new WorkerHistory(
                    pack, w.platform, w.worker, view.all(w, 0, 0), ends.get(w.platform), counters, scratch);
            findings.accept(PayLedger.paidDateFinding(
                    payDelay, history, p.day(), p.waitMillis(), p.lateCents(), p.cycle(), p.ids()));
        });
    }

    /** Removes the temporary file of paid dates. */
    void close() throws java.io.IOException {
        if (paid != null) {
            paid.close();
        }
    }

    /** Reports the worker's late pay, once the period end is known, and its count. */
    void finish(StreamWorker w, long asOf) {
        counters.increment(Counters.WORKERS);
        WorkerHistory history =
                new WorkerHistory(pack, w.platform, w.worker, view.all(w, 0, 0), asOf, counters, scratch);
        w.ledger.report(payDelay, history, findings);
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
