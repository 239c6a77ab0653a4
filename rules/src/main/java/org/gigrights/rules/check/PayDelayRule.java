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
import org.gigrights.rules.model.Severity;
import org.gigrights.rules.params.Param;

/**
 * PAY_DELAY: earnings paid out within the platform's pay cycle (at least monthly).
 *
 * <p>Each earning (ORDER_COMPLETE, ORDER_CANCEL, INCOME with an amount above zero) is a lot, due
 * {@code pay.cycle_days} after it was earned. PAYOUT and DEDUCTION amounts settle the oldest open
 * lots first; money paid before anything is open is held and settles the next earnings as they come.
 * At one instant, earnings come before settlements. A lot not settled in full by its due time is
 * late; one still open is late once the reporting period ({@link WorkerHistory#asOfMillis()}) passes
 * its due time. Late lots are reported per local date of earning: value = the longest wait in days
 * (to settlement, or to the end of the period for lots still open), threshold = the cycle.
 */
public final class PayDelayRule implements Rule {
    private static final long DAY_MILLIS = 86_400_000L;

    @Override
    public String code() {
        return "PAY_DELAY";
    }

    @Override
    public Severity severity() {
        return Severity.VIOLATION;
    }

    @Override
    public String citation() {
        return "工资支付暂行规定 第七条; 渝人社发〔2021〕38号 (五) (按时足额支付劳动报酬)";
    }

    /** The earnings of one worker as parallel arrays, settled oldest first; reused per thread. */
    static final class Lots {
        int n;
        int[] event = new int[64];
        long[] time = new long[64];
        long[] amount = new long[64];
        long[] due = new long[64];
        long[] open = new long[64];
        long[] paidByDue = new long[64];
        long[] settledAt = new long[64];
        BigDecimal[] cycle = new BigDecimal[64];

        void clear() {
            n = 0;
        }

        int add(int e, long t, long cents, long dueAt, BigDecimal days) {
            if (n == event.length) {
                int c = n * 2;
                event = java.util.Arrays.copyOf(event, c);
                time = java.util.Arrays.copyOf(time, c);
                amount = java.util.Arrays.copyOf(amount, c);
                due = java.util.Arrays.copyOf(due, c);
                open = java.util.Arrays.copyOf(open, c);
                paidByDue = java.util.Arrays.copyOf(paidByDue, c);
                settledAt = java.util.Arrays.copyOf(settledAt, c);
                cycle = java.util.Arrays.copyOf(cycle, c);
            }
            event[n] = e;
            time[n] = t;
            amount[n] = cents;
            due[n] = dueAt;
            open[n] = cents;
            paidByDue[n] = 0;
            settledAt[n] = -1;
            cycle[n] = days;
            return n++;
        }

        void pay(int lot, long cents, long at) {
            open[lot] -= cents;
            if (at <= due[lot]) {
                paidByDue[lot] += cents;
            }
            if (open[lot] == 0) {
                settledAt[lot] = at;
            }
        }
    }

    @Override
    public void evaluate(WorkerHistory history, Consumer<Finding> findings) {
        WorkerEvents ev = history.events();
        Lots lots = history.scratch().payDelay;
        lots.clear();
        int head = 0;
        long held = 0;
        int cachedDay = Integer.MIN_VALUE;
        BigDecimal cycle = null;
        long cycleMillis = 0;
        int n = ev.size();
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && ev.time(j) == ev.time(i)) {
                j++;
            }
            // At one instant, earnings come before settlements; each in event-id order.
            for (int k = i; k < j; k++) {
                if (isEarning(ev, k) && ev.amountOrZero(k) > 0) {
                    if (history.day(k) != cachedDay) {
                        cachedDay = history.day(k);
                        BigDecimal c = history.param(Param.PAY_CYCLE_DAYS, cachedDay);
                        // The cycle seldom changes: convert it only when it does.
                        if (c != cycle) {
                            cycle = c;
                            cycleMillis = cycle.multiply(BigDecimal.valueOf(DAY_MILLIS))
                                    .longValue();
                        }
                    }
                    int lot = lots.add(k, ev.time(k), ev.amount(k), ev.time(k) + cycleMillis, cycle);
                    long use = Math.min(held, ev.amount(k));
                    if (use > 0) {
                        lots.pay(lot, use, ev.time(k));
                        held -= use;
                    }
                }
            }
            for (int k = i; k < j; k++) {
                if (isSettlement(ev, k) && ev.amountOrZero(k) > 0) {
                    long left = ev.amount(k);
                    while (left > 0 && head < lots.n) {
                        if (lots.open[head] == 0) {
                            head++;
                            continue;
                        }
                        long use = Math.min(left, lots.open[head]);
                        lots.pay(head, use, ev.time(k));
                        left -= use;
                    }
                    held += left;
                }
            }
            i = j;
        }
        report(history, lots, findings);
    }

    private void report(WorkerHistory history, Lots lots, Consumer<Finding> findings) {
        long asOf = history.asOfMillis();
        Map<LocalDate, List<Integer>> lateByDate = new TreeMap<>();
        for (int lot = 0; lot < lots.n; lot++) {
            boolean late = lots.settledAt[lot] >= 0 ? lots.settledAt[lot] > lots.due[lot] : asOf > lots.due[lot];
            if (late) {
                lateByDate
                        .computeIfAbsent(history.date(lots.event[lot]), d -> new ArrayList<>())
                        .add(lot);
            }
        }
        for (Map.Entry<LocalDate, List<Integer>> entry : lateByDate.entrySet()) {
            long waitMillis = 0;
            long lateCents = 0;
            int stillOpen = 0;
            List<String> ids = new ArrayList<>();
            BigDecimal cycle = lots.cycle[entry.getValue().get(0)];
            for (int lot : entry.getValue()) {
                long until = lots.settledAt[lot] >= 0 ? lots.settledAt[lot] : asOf;
                waitMillis = Math.max(waitMillis, until - lots.time[lot]);
                lateCents += lots.amount[lot] - lots.paidByDue[lot];
                stillOpen += lots.settledAt[lot] >= 0 ? 0 : 1;
                ids.add(history.events().eventId(lots.event[lot]));
                cycle = cycle.max(lots.cycle[lot]);
            }
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
            details.put("late_earnings", Integer.toString(entry.getValue().size()));
            details.put("still_unpaid", Integer.toString(stillOpen));
            details.put("period_end", history.isoTime(asOf));
            findings.accept(finding(history, entry.getKey(), days, cycle, message, ids, details));
        }
    }

    private static boolean isEarning(WorkerEvents ev, int i) {
        EventType t = ev.type(i);
        return t == EventType.ORDER_COMPLETE || t == EventType.ORDER_CANCEL || t == EventType.INCOME;
    }

    private static boolean isSettlement(WorkerEvents ev, int i) {
        EventType t = ev.type(i);
        return t == EventType.PAYOUT || t == EventType.DEDUCTION;
    }
}
