package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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

    private int n;
    private int head;
    private long held;
    private int[] event;
    private String[] id;
    private long[] time;
    private long[] amount;
    private long[] due;
    private long[] open;
    private long[] paidByDue;
    private long[] settledAt;
    private BigDecimal[] cycle;
    private int cachedDay = Integer.MIN_VALUE;
    private BigDecimal cachedCycle;
    private long cycleMillis;

    /** An empty ledger with room for 64 lots. */
    public PayLedger() {
        this(64);
    }

    /** An empty ledger with room for some lots (it grows as needed). */
    public PayLedger(int capacity) {
        int c = Math.max(1, capacity);
        event = new int[c];
        id = new String[c];
        time = new long[c];
        amount = new long[c];
        due = new long[c];
        open = new long[c];
        paidByDue = new long[c];
        settledAt = new long[c];
        cycle = new BigDecimal[c];
    }

    /** Empties the ledger for another worker. */
    public void clear() {
        n = 0;
        head = 0;
        held = 0;
        cachedDay = Integer.MIN_VALUE;
        cachedCycle = null;
    }

    /** Number of lots held. */
    public int lots() {
        return n;
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
                    int lot = add(k, keepIds ? ev.eventId(k) : null, ev.time(k), ev.amount(k), cycleMillis);
                    long use = Math.min(held, ev.amount(k));
                    if (use > 0) {
                        pay(lot, use, ev.time(k));
                        held -= use;
                    }
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

    private void settle(long cents, long at) {
        long left = cents;
        while (left > 0 && head < n) {
            if (open[head] == 0) {
                head++;
                continue;
            }
            long use = Math.min(left, open[head]);
            pay(head, use, at);
            left -= use;
        }
        held += left;
    }

    private int add(int e, String eventId, long t, long cents, long cycleMs) {
        if (n == event.length) {
            int c = n * 2;
            event = Arrays.copyOf(event, c);
            id = Arrays.copyOf(id, c);
            time = Arrays.copyOf(time, c);
            amount = Arrays.copyOf(amount, c);
            due = Arrays.copyOf(due, c);
            open = Arrays.copyOf(open, c);
            paidByDue = Arrays.copyOf(paidByDue, c);
            settledAt = Arrays.copyOf(settledAt, c);
            cycle = Arrays.copyOf(cycle, c);
        }
        event[n] = e;
        id[n] = eventId;
        time[n] = t;
        amount[n] = cents;
        due[n] = t + cycleMs;
        open[n] = cents;
        paidByDue[n] = 0;
        settledAt[n] = -1;
        cycle[n] = cachedCycle;
        return n++;
    }

    private void pay(int lot, long cents, long at) {
        open[lot] -= cents;
        if (at <= due[lot]) {
            paidByDue[lot] += cents;
        }
        if (open[lot] == 0) {
            settledAt[lot] = at;
        }
    }

    /** Drops the lots settled on time: they can never be late. Keeps the order of the rest. */
    public void compact() {
        int k = 0;
        int newHead = -1;
        for (int lot = 0; lot < n; lot++) {
            boolean settled = settledAt[lot] >= 0;
            if (settled && settledAt[lot] <= due[lot]) {
                continue;
            }
            if (newHead < 0 && lot >= head && !settled) {
                newHead = k;
            }
            event[k] = event[lot];
            id[k] = id[lot];
            time[k] = time[lot];
            amount[k] = amount[lot];
            due[k] = due[lot];
            open[k] = open[lot];
            paidByDue[k] = paidByDue[lot];
            settledAt[k] = settledAt[lot];
            cycle[k] = cycle[lot];
            k++;
        }
        Arrays.fill(id, k, n, null);
        Arrays.fill(cycle, k, n, null);
        n = k;
        head = newHead < 0 ? n : newHead;
    }

    /**
     * Reports the late lots, one finding per local date of earning.
     *
     * @param history the worker, its period end and, for lots fed without ids, its events
     */
    public void report(Rule rule, WorkerHistory history, Consumer<Finding> findings) {
        long asOf = history.asOfMillis();
        Map<Integer, List<Integer>> lateByDate = new TreeMap<>();
        for (int lot = 0; lot < n; lot++) {
            boolean late = settledAt[lot] >= 0 ? settledAt[lot] > due[lot] : asOf > due[lot];
            if (late) {
                lateByDate
                        .computeIfAbsent(history.pack().epochDay(time[lot]), d -> new ArrayList<>())
                        .add(lot);
            }
        }
        for (Map.Entry<Integer, List<Integer>> entry : lateByDate.entrySet()) {
            long waitMillis = 0;
            long lateCents = 0;
            int stillOpen = 0;
            List<String> ids = new ArrayList<>();
            BigDecimal days = cycle[entry.getValue().get(0)];
            for (int lot : entry.getValue()) {
                long until = settledAt[lot] >= 0 ? settledAt[lot] : asOf;
                waitMillis = Math.max(waitMillis, until - time[lot]);
                lateCents += amount[lot] - paidByDue[lot];
                stillOpen += settledAt[lot] >= 0 ? 0 : 1;
                ids.add(id[lot] != null ? id[lot] : history.events().eventId(event[lot]));
                days = days.max(cycle[lot]);
            }
            findings.accept(finding(rule, history, entry.getKey(), waitMillis, lateCents, stillOpen, days, ids));
        }
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
