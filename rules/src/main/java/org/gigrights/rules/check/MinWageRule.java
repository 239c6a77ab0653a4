package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.Reason;
import org.gigrights.rules.model.Severity;
import org.gigrights.rules.params.Param;
import org.gigrights.rules.time.Orders;

/**
 * MIN_WAGE: pay per working hour not below the local hourly minimum wage.
 *
 * <p>Per local date D: W is the union of the intervals of orders ending on D times (1 + allowance);
 * P is the ORDER_COMPLETE and ORDER_CANCEL amounts on D plus INCOME on D except tips, minus FINE
 * deductions on D. The rate is the hourly minimum of the tier of the region with most order minutes
 * (each order's own duration, by its accept's region; a tie takes the higher rate). A finding when
 * W &gt; 0 and P &lt; R·W/60.
 */
public final class MinWageRule implements Rule {
    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);

    @Override
    public String code() {
        return "MIN_WAGE";
    }

    @Override
    public Severity severity() {
        return Severity.VIOLATION;
    }

    @Override
    public String citation() {
        return "渝人社发〔2021〕38号 (五); 人社厅发〔2023〕50号 第六条 (小时最低工资标准)";
    }

    /** One thread's working memory for this rule, reused from worker to worker. */
    static final class Buffers {
        int[] endOf = new int[0];
        int[] dayOrders = new int[16];
        final IntList pay = new IntList();
        int[] regions = new int[16];
        long[] regionMillis = new long[16];
    }

    @Override
    public void evaluate(WorkerHistory history, Consumer<Finding> findings) {
        WorkerEvents ev = history.events();
        Orders orders = history.orders();
        Buffers scratch = history.scratch().minWage;
        int n = ev.size();
        if (scratch.endOf.length < n) {
            scratch.endOf = new int[Math.max(n, scratch.endOf.length * 2)];
        }
        int[] endOf = scratch.endOf;
        java.util.Arrays.fill(endOf, 0, n, -1);
        for (int o = 0; o < orders.count(); o++) {
            if (orders.end(o) >= 0) {
                endOf[orders.end(o)] = o;
            }
        }
        int i = 0;
        IntList pay = scratch.pay;
        while (i < n) {
            int day = history.day(i);
            int count = 0;
            long payCents = 0;
            pay.clear();
            for (; i < n && history.day(i) == day; i++) {
                long delta = payDelta(history, ev, i);
                if (delta != 0 || history.type(i).endsOrder()) {
                    payCents += delta;
                    pay.add(i);
                }
                if (endOf[i] >= 0) {
                    if (count == scratch.dayOrders.length) {
                        scratch.dayOrders = java.util.Arrays.copyOf(scratch.dayOrders, count * 2);
                    }
                    scratch.dayOrders[count++] = endOf[i];
                }
            }
            if (count > 0 && history.inFocus(day)) {
                check(history, day, scratch, count, payCents, findings);
            }
        }
    }

    /** The event's contribution to the day's pay, in cents. */
    private static long payDelta(WorkerHistory history, WorkerEvents ev, int i) {
        return switch (history.type(i)) {
            case ORDER_COMPLETE, ORDER_CANCEL -> ev.amountOrZero(i);
            case INCOME -> ev.reason(i) == Reason.TIP ? 0 : ev.amountOrZero(i);
            case DEDUCTION -> ev.reason(i) == Reason.FINE ? -ev.amountOrZero(i) : 0;
            default -> 0;
        };
    }

    private void check(
            WorkerHistory history, int day, Buffers scratch, int count, long payCents, Consumer<Finding> findings) {
        int[] dayOrders = scratch.dayOrders;
        long workMillis = history.orders().unionLength(dayOrders, count);
        if (workMillis <= 0) {
            return;
        }
        BigDecimal allowance = history.param(Param.TIME_ALLOWANCE, day);
        BigDecimal rate = rate(history, day, scratch, count);
        if (!underpaid(payCents, workMillis, allowance, rate)) {
            return;
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        BigDecimal work = BigDecimal.valueOf(workMillis).multiply(BigDecimal.ONE.add(allowance));
        BigDecimal pay = WorkerHistory.yuan(payCents);
        BigDecimal hours = work.divide(MILLIS_PER_HOUR, 10, RoundingMode.HALF_UP);
        BigDecimal perHour = pay.multiply(MILLIS_PER_HOUR).divide(work, 2, RoundingMode.HALF_UP);
        BigDecimal minutes = work.divide(BigDecimal.valueOf(60_000), 2, RoundingMode.HALF_UP);
        String message = Text.format(
                "当日工作 %s 分钟，收入 %s 元，折合每小时 %s 元，低于小时最低工资 %s 元 | "
                        + "%s min of work paid %s CNY: %s CNY/h, below the hourly minimum of %s CNY",
                minutes, pay, perHour, rate.toPlainString(), minutes, pay, perHour, rate.toPlainString());
        Evidence evidence = new Evidence(history.events());
        IntList payEvents = scratch.pay;
        for (int k = 0; k < payEvents.size(); k++) {
            evidence.add(payEvents.get(k));
        }
        for (int k = 0; k < count; k++) {
            history.orders().addEvents(dayOrders[k], evidence);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("pay_cny", pay.toPlainString());
        details.put("work_minutes", minutes.toPlainString());
        details.put("work_hours", hours.setScale(4, RoundingMode.HALF_UP).toPlainString());
        details.put("allowance", allowance.toPlainString());
        details.put(
                "required_pay_cny",
                rate.multiply(hours).setScale(2, RoundingMode.HALF_UP).toPlainString());
        findings.accept(finding(history, date, perHour, rate, message, evidence, details));
    }

    /**
     * Whether P &lt; R·W/1h, compared exactly: {@code P × 3,600,000 < R × W}, with P in yuan.
     *
     * <p>Most days have no allowance and a whole-yuan rate; those are compared in long arithmetic
     * (as {@code cents × 36,000 < R × W_ms}, 128-bit products), since BigDecimal arithmetic on every
     * worker-day was a large part of the rule's cost. Anything else takes the BigDecimal path.
     */
    static boolean underpaid(long payCents, long workMillis, BigDecimal allowance, BigDecimal rate) {
        if (allowance.signum() == 0 && rate.scale() == 0 && rate.precision() <= 18) {
            // Scale 0 and at most 18 digits: the value is its own unscaled long, read without allocating.
            return Exact.compareProducts(payCents, 36_000, rate.longValueExact(), workMillis) < 0;
        }
        BigDecimal work = BigDecimal.valueOf(workMillis).multiply(BigDecimal.ONE.add(allowance));
        BigDecimal pay = WorkerHistory.yuan(payCents);
        return pay.multiply(MILLIS_PER_HOUR).compareTo(rate.multiply(work)) < 0;
    }

    /** The hourly minimum of the region with most order minutes on the day; ties take the higher. */
    private static BigDecimal rate(WorkerHistory history, int day, Buffers scratch, int count) {
        Orders orders = history.orders();
        if (scratch.regions.length < count) {
            scratch.regions = new int[Math.max(count, scratch.regions.length * 2)];
            scratch.regionMillis = new long[scratch.regions.length];
        }
        int[] regions = scratch.regions;
        long[] minutes = scratch.regionMillis;
        int n = 0;
        for (int k = 0; k < count; k++) {
            int o = scratch.dayOrders[k];
            if (!orders.timed(o)) {
                continue;
            }
            int region = history.events().region(orders.accept(o));
            int j = 0;
            while (j < n && regions[j] != region) {
                j++;
            }
            if (j == n) {
                regions[n] = region;
                minutes[n] = 0;
                n++;
            }
            minutes[j] += orders.duration(o);
        }
        long most = -1;
        BigDecimal rate = null;
        for (int j = 0; j < n; j++) {
            BigDecimal r = history.pack().hourlyMinimum(history.pack().tier(regions[j]), day);
            if (minutes[j] > most || (minutes[j] == most && r.compareTo(rate) > 0)) {
                most = minutes[j];
                rate = r;
            }
        }
        return rate;
    }
}
