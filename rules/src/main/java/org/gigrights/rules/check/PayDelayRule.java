package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

    /** One earning waiting to be paid. */
    private static final class Lot {
        final int event;
        final long time;
        final long amount;
        final long due;
        final BigDecimal cycleDays;
        long open;
        long paidByDue;
        long settledAt = -1;

        Lot(int event, long time, long amount, long due, BigDecimal cycleDays) {
            this.event = event;
            this.time = time;
            this.amount = amount;
            this.due = due;
            this.cycleDays = cycleDays;
            this.open = amount;
        }

        void pay(long cents, long at) {
            open -= cents;
            if (at <= due) {
                paidByDue += cents;
            }
            if (open == 0) {
                settledAt = at;
            }
        }
    }

    @Override
    public void evaluate(WorkerHistory history, Consumer<Finding> findings) {
        WorkerEvents ev = history.events();
        List<Lot> lots = new ArrayList<>();
        Deque<Lot> open = new ArrayDeque<>();
        long[] held = {0};
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
                        cycle = history.param(Param.PAY_CYCLE_DAYS, history.date(k));
                        cycleMillis =
                                cycle.multiply(BigDecimal.valueOf(DAY_MILLIS)).longValue();
                    }
                    Lot lot = new Lot(k, ev.time(k), ev.amount(k), ev.time(k) + cycleMillis, cycle);
                    lots.add(lot);
                    long use = Math.min(held[0], lot.open);
                    if (use > 0) {
                        lot.pay(use, lot.time);
                        held[0] -= use;
                    }
                    if (lot.open > 0) {
                        open.addLast(lot);
                    }
                }
            }
            for (int k = i; k < j; k++) {
                if (isSettlement(ev, k) && ev.amountOrZero(k) > 0) {
                    long left = ev.amount(k);
                    while (left > 0 && !open.isEmpty()) {
                        Lot head = open.peekFirst();
                        long use = Math.min(left, head.open);
                        head.pay(use, ev.time(k));
                        left -= use;
                        if (head.open == 0) {
                            open.removeFirst();
                        }
                    }
                    held[0] += left;
                }
            }
            i = j;
        }
        report(history, lots, findings);
    }

    private void report(WorkerHistory history, List<Lot> lots, Consumer<Finding> findings) {
        long asOf = history.asOfMillis();
        Map<LocalDate, List<Lot>> lateByDate = new TreeMap<>();
        for (Lot lot : lots) {
            boolean late = lot.settledAt >= 0 ? lot.settledAt > lot.due : asOf > lot.due;
            if (late) {
                lateByDate
                        .computeIfAbsent(history.date(lot.event), d -> new ArrayList<>())
                        .add(lot);
            }
        }
        for (Map.Entry<LocalDate, List<Lot>> entry : lateByDate.entrySet()) {
            long waitMillis = 0;
            long lateCents = 0;
            int stillOpen = 0;
            List<String> ids = new ArrayList<>();
            BigDecimal cycle = entry.getValue().get(0).cycleDays;
            for (Lot lot : entry.getValue()) {
                long until = lot.settledAt >= 0 ? lot.settledAt : asOf;
                waitMillis = Math.max(waitMillis, until - lot.time);
                lateCents += lot.amount - lot.paidByDue;
                stillOpen += lot.settledAt >= 0 ? 0 : 1;
                ids.add(history.events().eventId(lot.event));
                cycle = cycle.max(lot.cycleDays);
            }
            BigDecimal days =
                    BigDecimal.valueOf(waitMillis).divide(BigDecimal.valueOf(DAY_MILLIS), 2, RoundingMode.HALF_UP);
            BigDecimal amount = WorkerHistory.yuan(lateCents);
            String message = String.format(
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
