package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.Reason;
import org.gigrights.rules.model.Severity;
import org.gigrights.rules.model.WorkEvent;
import org.gigrights.rules.params.Param;
import org.gigrights.rules.time.Interval;
import org.gigrights.rules.time.Order;

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

    /** What one local date holds for this rule. */
    private static final class Day {
        final List<Order> orders = new ArrayList<>();
        final List<String> evidence = new ArrayList<>();
        long payCents;
    }

    @Override
    public void evaluate(WorkerHistory history, Consumer<Finding> findings) {
        Map<LocalDate, Day> days = new TreeMap<>();
        for (Order o : history.orders()) {
            if (o.end() != null) {
                Day day = days.computeIfAbsent(history.date(o.end()), d -> new Day());
                day.orders.add(o);
            }
        }
        for (WorkEvent e : history.events()) {
            long delta = payDelta(e);
            if (delta != 0 || e.type().endsOrder()) {
                Day day = days.computeIfAbsent(history.date(e), d -> new Day());
                day.payCents += delta;
                day.evidence.add(e.eventId());
            }
        }
        for (Map.Entry<LocalDate, Day> entry : days.entrySet()) {
            check(history, entry.getKey(), entry.getValue(), findings);
        }
    }

    /** The event's contribution to the day's pay, in cents. */
    private static long payDelta(WorkEvent e) {
        return switch (e.type()) {
            case ORDER_COMPLETE, ORDER_CANCEL -> e.amountOrZero();
            case INCOME -> e.reason() == Reason.TIP ? 0 : e.amountOrZero();
            case DEDUCTION -> e.reason() == Reason.FINE ? -e.amountOrZero() : 0;
            default -> 0;
        };
    }

    private void check(WorkerHistory history, LocalDate date, Day day, Consumer<Finding> findings) {
        long workMillis = Interval.unionLength(WorkerHistory.intervals(day.orders));
        if (workMillis <= 0) {
            return;
        }
        BigDecimal allowance = history.param(Param.TIME_ALLOWANCE, date);
        BigDecimal work = BigDecimal.valueOf(workMillis).multiply(BigDecimal.ONE.add(allowance));
        BigDecimal rate = rate(history, date, day.orders);
        BigDecimal pay = WorkerHistory.yuan(day.payCents);
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
        List<String> evidence = new ArrayList<>(day.evidence);
        for (Order o : day.orders) {
            evidence.addAll(o.eventIds());
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
    private static BigDecimal rate(WorkerHistory history, LocalDate date, List<Order> orders) {
        Map<String, Long> byRegion = new HashMap<>();
        for (Order o : orders) {
            if (o.hasInterval()) {
                byRegion.merge(o.accept().region(), o.durationMillis(), Long::sum);
            }
        }
        long most = -1;
        BigDecimal rate = null;
        for (Map.Entry<String, Long> e : byRegion.entrySet()) {
            BigDecimal r = history.pack().hourlyMinimum(history.pack().tier(e.getKey()), date);
            if (e.getValue() > most || (e.getValue() == most && r.compareTo(rate) > 0)) {
                most = e.getValue();
                rate = r;
            }
        }
        return rate;
    }
}
