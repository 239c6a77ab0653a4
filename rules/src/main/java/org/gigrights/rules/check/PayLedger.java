package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.params.Param;
import org.gigrights.rules.params.RulePack;

/**
 * One worker's earnings ("lots") and what settled them, oldest first: PAY_DELAY's state.
 *
 * <p>The file audit feeds a worker's whole history at once; the streaming engine feeds it a slice
 * at a time as events become final, and {@linkplain #compact drops} lots paid on time, so that the
 * state holds only open and late lots.
 */
public final class PayLedger {
    private static final long DAY_MILLIS = 86_400_000L;

    /** Lots not yet paid in full, oldest first, from {@code first}; only the first may be part-paid. */
    private final PayLots open;
    /** Lots paid in full after their due time (lots paid on time are not kept: never late). */
    private final PayLots late;

    private int first;
    /** What is left to pay of the first open lot, and what of it was paid by its due time. */
    private long firstLeft;

    private long firstPaidByDue;
    private long held;
    private int cachedDay = Integer.MIN_VALUE;
    private BigDecimal cachedCycle;
    private long cycleMillis;

    /** An empty ledger with room for 64 lots. */
    public PayLedger() {
        this(64);
    }

    /** An empty ledger with room for some lots (it grows as needed). */
    public PayLedger(int capacity) {
        open = new PayLots(capacity);
        late = new PayLots(4);
    }

    /** Empties the ledger for another worker. */
    public void clear() {
        open.clear();
        late.clear();
        first = 0;
        held = 0;
        cachedDay = Integer.MIN_VALUE;
        cachedCycle = null;
    }

    /** Bytes of the lots' arrays, open and late: to size a streaming audit's heap. */
    public long footprint() {
        return open.footprint() + late.footprint();
    }

    /** Number of lots held: open, and paid late. */
    public int lots() {
        return open.n - first + late.n;
    }

    /**
     * Feeds events {@code from} to {@code to} (which must hold whole instants) in event-time order.
     *
     * @param keepIds whether to keep lots' event ids (needed when the events will not be kept)
     */
    public void feed(RulePack pack, String platform, WorkerEvents ev, int from, int to, boolean keepIds) {
        int i = from;
        while (i < to) {
            int j = i;
            while (j < to && ev.time(j) == ev.time(i)) {
                j++;
            }
            // At one instant, earnings come before settlements; each in event-id order.
            for (int k = i; k < j; k++) {
                if (isEarning(ev.type(k)) && ev.amountOrZero(k) > 0) {
                    int day = pack.epochDay(ev.time(k));
                    if (day != cachedDay) {
                        cachedDay = day;
                        BigDecimal c = pack.value(Param.PAY_CYCLE_DAYS, platform, day);
                        // The cycle seldom changes: convert it only when it does.
                        if (c != cachedCycle) {
                            cachedCycle = c;
                            cycleMillis =
                                    c.multiply(BigDecimal.valueOf(DAY_MILLIS)).longValue();
                        }
                    }
                    earn(k, keepIds ? ev : null, ev.time(k), ev.amount(k));
                }
            }
            for (int k = i; k < j; k++) {
                EventType t = ev.type(k);
                if ((t == EventType.PAYOUT || t == EventType.DEDUCTION) && ev.amountOrZero(k) > 0) {
                    settle(ev.amount(k), ev.time(k));
                }
            }
            i = j;
        }
    }

    /** A new lot; money held settles it at once (nothing older is open then). */
    /** @param ids the events, when the lot keeps its event's id; else null */
    private void earn(int event, WorkerEvents ids, long t, long cents) {
        long use = Math.min(held, cents);
        held -= use;
        if (use == cents) {
            // Paid in full on the instant it was earned: on time, unless the cycle is negative.
            if (cycleMillis < 0) {
                late.addSettled(event, t, cents, t + cycleMillis, cachedCycle, 0, t);
                if (ids != null) {
                    late.putId(late.n - 1, ids, event);
                }
            }
            return;
        }
        if (open.n == first) {
            open.clear();
            first = 0;
            firstLeft = cents - use;
            firstPaidByDue = use;
        }
        open.add(event, t, cents, t + cycleMillis, cachedCycle);
        if (ids != null) {
            open.putId(open.n - 1, ids, event);
        }
    }

    private void settle(long cents, long at) {
        long left = cents;
        while (left > 0 && first < open.n) {
            long use = Math.min(left, firstLeft);
            left -= use;
            firstLeft -= use;
            if (at <= open.due[first]) {
                firstPaidByDue += use;
            }
            if (firstLeft == 0) {
                if (at > open.due[first]) {
                    late.copy(open, first, firstPaidByDue, at);
                }
                first++;
                if (first < open.n) {
                    firstLeft = open.amount[first];
                    firstPaidByDue = 0;
                }
            }
        }
        held += left;
        if (first > 64 && first > open.n / 2) {
            open.dropFirst(first);
            first = 0;
        }
    }

    /** Gives back room: lots paid in full are already gone; this only trims the arrays. */
    public void compact() {
        open.dropFirst(first);
        first = 0;
        open.trim();
        late.trim();
    }

    /**
     * Reports the late lots, one finding per local date of earning.
     *
     * @param history the worker, its period end and, for lots fed without ids, its events
     */
    public void report(Rule rule, WorkerHistory history, Consumer<Finding> findings) {
        long asOf = history.asOfMillis();
        Map<Integer, List<long[]>> lateByDate = new TreeMap<>();
        // Each late lot as {set, index}: set 0 the lots paid late, set 1 those still open.
        for (int k = 0; k < late.n; k++) {
            lateByDate
                    .computeIfAbsent(history.pack().epochDay(late.time[k]), d -> new ArrayList<>())
                    .add(new long[] {0, k});
        }
        for (int k = first; k < open.n; k++) {
            if (asOf > open.due[k]) {
                lateByDate
                        .computeIfAbsent(history.pack().epochDay(open.time[k]), d -> new ArrayList<>())
                        .add(new long[] {1, k});
            }
        }
        for (Map.Entry<Integer, List<long[]>> entry : lateByDate.entrySet()) {
            long waitMillis = 0;
            long lateCents = 0;
            int stillOpen = 0;
            List<String> ids = new ArrayList<>();
            BigDecimal days = null;
            for (long[] ref : entry.getValue()) {
                int k = (int) ref[1];
                PayLots lots = ref[0] == 0 ? late : open;
                boolean isOpen = ref[0] == 1;
                long until = isOpen ? asOf : late.settledAt[k];
                long paid = isOpen ? (k == first ? firstPaidByDue : 0) : late.paidByDue[k];
                waitMillis = Math.max(waitMillis, until - lots.time[k]);
                lateCents += lots.amount[k] - paid;
                stillOpen += isOpen ? 1 : 0;
                String id = lots.id(k);
                ids.add(id != null ? id : history.events().eventId(lots.event[k]));
                days = days == null ? lots.cycle[k] : days.max(lots.cycle[k]);
            }
            findings.accept(finding(rule, history, entry.getKey(), waitMillis, lateCents, stillOpen, days, ids));
        }
    }

    /** A date whose late lots are all paid: its finding wants only the period end. */
    public interface PaidDate {
        void accept(int day, long waitMillis, long lateCents, BigDecimal cycle, List<String> ids);
    }

    /**
     * Hands over the dates before {@code beforeDay} whose late lots are all paid and which have no
     * open lot, and forgets them: their findings are settled but for the period end, which only the
     * end of input knows. The streaming audit keeps them on disk instead of in the ledger.
     */
    public void drainPaid(RulePack pack, int beforeDay, PaidDate out) {
        int limit = beforeDay;
        if (first < open.n) {
            limit = Math.min(limit, pack.epochDay(open.time[first]));
        }
        int k = 0;
        while (k < late.n) {
            int day = pack.epochDay(late.time[k]);
            if (day >= limit) {
                break;
            }
            long waitMillis = 0;
            long lateCents = 0;
            BigDecimal days = null;
            List<String> ids = new ArrayList<>();
            for (; k < late.n && pack.epochDay(late.time[k]) == day; k++) {
                waitMillis = Math.max(waitMillis, late.settledAt[k] - late.time[k]);
                lateCents += late.amount[k] - late.paidByDue[k];
                days = days == null ? late.cycle[k] : days.max(late.cycle[k]);
                ids.add(late.id(k));
            }
            out.accept(day, waitMillis, lateCents, days, ids);
        }
        late.dropFirst(k);
    }

    /** The finding of a date whose late lots were all paid, once the period end is known. */
    public static Finding paidDateFinding(
            Rule rule,
            WorkerHistory history,
            int day,
            long waitMillis,
            long lateCents,
            BigDecimal cycle,
            List<String> ids) {
        return finding(rule, history, day, waitMillis, lateCents, 0, cycle, ids);
    }

    private static Finding finding(
            Rule rule,
            WorkerHistory history,
            int day,
            long waitMillis,
            long lateCents,
            int stillOpen,
            BigDecimal cycle,
            List<String> ids) {
        BigDecimal days =
                BigDecimal.valueOf(waitMillis).divide(BigDecimal.valueOf(DAY_MILLIS), 2, RoundingMode.HALF_UP);
        BigDecimal amount = WorkerHistory.yuan(lateCents);
        String message = Text.format(
                "当日收入中 %s 元未在 %s 天结算周期内支付，最长等待 %s 天%s | %s CNY earned this day not paid within "
                        + "the %s-day cycle; longest wait %s days%s",
                amount,
                cycle.toPlainString(),
                days,
                stillOpen > 0 ? "（截至报送期末仍未支付）" : "",
                amount,
                cycle.toPlainString(),
                days,
                stillOpen > 0 ? " (still unpaid at the end of the period)" : "");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("late_amount_cny", amount.toPlainString());
        details.put("late_earnings", Integer.toString(ids.size()));
        details.put("still_unpaid", Integer.toString(stillOpen));
        details.put("period_end", history.isoTime(history.asOfMillis()));
        return rule.finding(history, LocalDate.ofEpochDay(day), days, cycle, message, ids, details);
    }

    private static boolean isEarning(EventType t) {
        return t == EventType.ORDER_COMPLETE || t == EventType.ORDER_CANCEL || t == EventType.INCOME;
    }
}
