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
import org.gigrights.rules.params.HolidayCalendar;
import org.gigrights.rules.params.Param;

/**
 * HOLIDAY_PAY: work on a statutory holiday paid above normal pay.
 *
 * <p>For each statutory holiday date D with completed orders: h is the mean ORDER_COMPLETE amount
 * on D, b the mean on the normal workdays of the 28 days before D (make-up workdays included,
 * weekends and holiday blocks excluded). Fewer than 5 baseline orders, or a zero baseline, gives no
 * finding and is counted. A finding when h ≤ m·b.
 */
public final class HolidayPayRule implements Rule {
    @Override
    public String code() {
        return "HOLIDAY_PAY";
    }

    @Override
    public Severity severity() {
        return Severity.VIOLATION;
    }

    @Override
    public String citation() {
        return "渝人社发〔2021〕38号 (六); 人社厅发〔2023〕50号 (法定节假日劳动报酬高于正常工作时间); 劳动法 第四十四条";
    }

    /** Completed orders of one local date. */
    private static final class Day {
        long sumCents;
        long count;
        int from = -1;
        int to;
    }

    @Override
    public void evaluate(WorkerHistory history, Consumer<Finding> findings) {
        TreeMap<LocalDate, Day> days = new TreeMap<>();
        WorkerEvents ev = history.events();
        Day current = null;
        int currentDay = Integer.MIN_VALUE;
        for (int i = 0; i < ev.size(); i++) {
            if (ev.type(i) == EventType.ORDER_COMPLETE) {
                if (history.day(i) != currentDay) {
                    currentDay = history.day(i);
                    current = days.computeIfAbsent(LocalDate.ofEpochDay(currentDay), d -> new Day());
                }
                current.sumCents += ev.amountOrZero(i);
                current.count++;
                if (current.from < 0) {
                    current.from = i;
                }
                current.to = i + 1;
            }
        }
        HolidayCalendar calendar = history.pack().calendar();
        for (Map.Entry<LocalDate, Day> entry : days.entrySet()) {
            if (calendar.isStatutory(entry.getKey())) {
                check(history, entry.getKey(), entry.getValue(), days, findings);
            }
        }
    }

    private void check(
            WorkerHistory history, LocalDate date, Day holiday, TreeMap<LocalDate, Day> days, Consumer<Finding> out) {
        int window = history.param(Param.HOLIDAY_BASELINE_DAYS, date).intValueExact();
        long minOrders = history.param(Param.HOLIDAY_MIN_BASELINE_ORDERS, date).longValueExact();
        BigDecimal multiplier = history.param(Param.HOLIDAY_MULTIPLIER, date);
        HolidayCalendar calendar = history.pack().calendar();
        long baseSum = 0;
        long baseCount = 0;
        int workdays = 0;
        for (Map.Entry<LocalDate, Day> e :
                days.subMap(date.minusDays(window), true, date, false).entrySet()) {
            if (calendar.isWorkday(e.getKey())) {
                baseSum += e.getValue().sumCents;
                baseCount += e.getValue().count;
                workdays++;
            }
        }
        if (baseCount < minOrders) {
            history.counters().increment(Counters.HOLIDAY_SHORT_BASELINE);
            return;
        }
        if (baseSum == 0) {
            history.counters().increment(Counters.HOLIDAY_ZERO_BASELINE);
            return;
        }
        // h <= m*b  <=>  sumH * nB <= m * sumB * nH, with no division.
        BigDecimal left = BigDecimal.valueOf(holiday.sumCents).multiply(BigDecimal.valueOf(baseCount));
        BigDecimal right = multiplier.multiply(BigDecimal.valueOf(baseSum)).multiply(BigDecimal.valueOf(holiday.count));
        if (left.compareTo(right) > 0) {
            return;
        }
        BigDecimal ratio = left.divide(
                BigDecimal.valueOf(baseSum).multiply(BigDecimal.valueOf(holiday.count)), 2, RoundingMode.HALF_UP);
        BigDecimal h = mean(holiday.sumCents, holiday.count);
        BigDecimal b = mean(baseSum, baseCount);
        String message = String.format(
                "法定节假日每单平均收入 %s 元，前 %d 天正常工作日每单平均 %s 元（%d 单），比值 %s，未高于 %s 倍 | "
                        + "holiday mean pay per order %s CNY vs %s CNY on workdays of the %d days before (%d orders): "
                        + "ratio %s, not above %s",
                h,
                window,
                b,
                baseCount,
                ratio,
                multiplier.toPlainString(),
                h,
                b,
                window,
                baseCount,
                ratio,
                multiplier.toPlainString());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("holiday_mean_cny", h.toPlainString());
        details.put("holiday_orders", Long.toString(holiday.count));
        details.put("baseline_mean_cny", b.toPlainString());
        details.put("baseline_orders", Long.toString(baseCount));
        details.put("baseline_workdays_worked", Integer.toString(workdays));
        List<String> evidence = new ArrayList<>((int) holiday.count);
        for (int i = holiday.from; i < holiday.to; i++) {
            if (history.events().type(i) == EventType.ORDER_COMPLETE) {
                evidence.add(history.events().eventId(i));
            }
        }
        out.accept(finding(history, date, ratio, multiplier, message, evidence, details));
    }

    private static BigDecimal mean(long sumCents, long count) {
        return BigDecimal.valueOf(sumCents).divide(BigDecimal.valueOf(count * 100), 4, RoundingMode.HALF_UP);
    }
}
