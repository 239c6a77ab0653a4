package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Override
    public void evaluate(WorkerHistory history, Consumer<Finding> findings) {
        WorkerEvents ev = history.events();
        Orders orders = history.orders();
        int[] endOf = new int[ev.size()];
        java.util.Arrays.fill(endOf, -1);
        for (int o = 0; o < orders.count(); o++) {
            if (orders.end(o) >= 0) {
                endOf[orders.end(o)] = o;
            }
        }
        int n = ev.size();
        int i = 0;
        int[] dayOrders = new int[16];
        IntList pay = new IntList();
        while (i < n) {
            int day = history.day(i);
            int count = 0;
            long payCents = 0;
            pay.clear();
            for (; i < n && history.day(i) == day; i++) {
                long delta = payDelta(ev, i);
                if (delta != 0 || ev.type(i).endsOrder()) {
                    payCents += delta;
                    pay.add(i);
                }
                if (endOf[i] >= 0) {
                    if (count == dayOrders.length) {
                        dayOrders = java.util.Arrays.copyOf(dayOrders, count * 2);
                    }
                    dayOrders[count++] = endOf[i];
                }
            }
            if (count > 0) {
                check(history, LocalDate.ofEpochDay(day), dayOrders, count, payCents, pay, findings);
            }
        }
    }

    /** The event's contribution to the day's pay, in cents. */
    private static long payDelta(WorkerEvents ev, int i) {
        return switch (ev.type(i)) {
            case ORDER_COMPLETE, ORDER_CANCEL -> ev.amountOrZero(i);
            case INCOME -> ev.reason(i) == Reason.TIP ? 0 : ev.amountOrZero(i);
            case DEDUCTION -> ev.reason(i) == Reason.FINE ? -ev.amountOrZero(i) : 0;
            default -> 0;
        };
    }

    private void check(
            WorkerHistory history,
            LocalDate date,
            int[] dayOrders,
            int count,
            long payCents,
            IntList payEvents,
            Consumer<Finding> findings) {
        long workMillis = history.orders().unionLength(dayOrders, count);
        if (workMillis <= 0) {
            return;
        }
        BigDecimal allowance = history.param(Param.TIME_ALLOWANCE, date);
        BigDecimal work = BigDecimal.valueOf(workMillis).multiply(BigDecimal.ONE.add(allowance));
        BigDecimal rate = rate(history, date, dayOrders, count);
        BigDecimal pay = WorkerHistory.yuan(payCents);
        // P < R * W / 1h, multiplied out so that no division rounds.
        if (pay.multiply(MILLIS_PER_HOUR).compareTo(rate.multiply(work)) >= 0) {
            return;
        }
        BigDecimal hours = work.divide(MILLIS_PER_HOUR, 10, RoundingMode.HALF_UP);
        BigDecimal perHour = pay.multiply(MILLIS_PER_HOUR).divide(work, 2, RoundingMode.HALF_UP);
        BigDecimal minutes = work.divide(BigDecimal.valueOf(60_000), 2, RoundingMode.HALF_UP);
        String message = String.format(
                "当日工作 %s 分钟，收入 %s 元，折合每小时 %s 元，低于小时最低工资 %s 元 | "
                        + "%s min of work paid %s CNY: %s CNY/h, below the hourly minimum of %s CNY",
                minutes, pay, perHour, rate.toPlainString(), minutes, pay, perHour, rate.toPlainString());
        List<String> evidence = new ArrayList<>();
        for (int k = 0; k < payEvents.size(); k++) {
            evidence.add(history.events().eventId(payEvents.get(k)));
        }
        for (int k = 0; k < count; k++) {
            evidence.addAll(history.orders().eventIds(dayOrders[k]));
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

    /** The hourly minimum of the region with most order minutes on the day; ties take the higher. */
    private static BigDecimal rate(WorkerHistory history, LocalDate date, int[] dayOrders, int count) {
        Orders orders = history.orders();
        int[] regions = new int[count];
        long[] minutes = new long[count];
        int n = 0;
        for (int k = 0; k < count; k++) {
            int o = dayOrders[k];
            if (!orders.timed(o)) {
                continue;
            }
            int region = history.events().region(orders.accept(o));
            int j = 0;
            while (j < n && regions[j] != region) {
                j++;
            }
            if (j == n) {
                regions[n++] = region;
            }
            minutes[j] += orders.duration(o);
        }
        long most = -1;
        BigDecimal rate = null;
        for (int j = 0; j < n; j++) {
            BigDecimal r = history.pack().hourlyMinimum(history.pack().tier(regions[j]), date);
            if (minutes[j] > most || (minutes[j] == most && r.compareTo(rate) > 0)) {
                most = minutes[j];
                rate = r;
            }
        }
        return rate;
    }
}
