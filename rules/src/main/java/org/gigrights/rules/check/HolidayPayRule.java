package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.Severity;
import org.gigrights.rules.params.HolidayCalendar;
import org.gigrights.rules.params.Param;
import org.gigrights.rules.params.ParameterException;

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

    /**
     * Completed orders per local date, as parallel arrays in date order; one thread's, reused from
     * worker to worker.
     */
    static final class Days {
        int n;
        long[] day = new long[32];
        long[] sumCents = new long[32];
        long[] count = new long[32];
        int[] from = new int[32];
        int[] to = new int[32];

        /** Starts a new date, after every date so far. */
        void add(long epochDay, int event) {
            if (n == day.length) {
                int c = n * 2;
                day = Arrays.copyOf(day, c);
                sumCents = Arrays.copyOf(sumCents, c);
                count = Arrays.copyOf(count, c);
                from = Arrays.copyOf(from, c);
                to = Arrays.copyOf(to, c);
            }
            day[n] = epochDay;
            sumCents[n] = 0;
            count[n] = 0;
            from[n] = event;
            n++;
        }
    }

    @Override
    public void evaluate(WorkerHistory history, Consumer<Finding> findings) {
        Days days = history.scratch().holidayPay;
        days.n = 0;
        WorkerEvents ev = history.events();
        // Events are in time order, so the dates of completed orders come in order too.
        for (int i = 0; i < ev.size(); i++) {
            if (history.type(i) == EventType.ORDER_COMPLETE) {
                if (days.n == 0 || days.day[days.n - 1] != history.day(i)) {
                    days.add(history.day(i), i);
                }
                int d = days.n - 1;
                days.sumCents[d] += ev.amountOrZero(i);
                days.count[d]++;
                days.to[d] = i + 1;
            }
        }
        HolidayCalendar calendar = history.pack().calendar();
        for (int d = 0; d < days.n; d++) {
            if (calendar.isStatutory(days.day[d]) && history.inFocus((int) days.day[d])) {
                check(history, d, days, findings);
            }
        }
    }

    /**
     * Judges one date against completed orders of earlier dates kept by the caller.
     *
     * <p>The streaming engine keeps, per worker, the count and sum of completed orders of each past
     * date instead of their events; the history need only hold the date's own events.
     *
     * @param history events that include every event dated {@code day}
     * @param day the date judged, as an epoch day
     * @param priorDay earlier dates with completed orders, oldest first
     * @param priorSum their amounts in cents
     * @param priorCount their number of completed orders
     * @param prior how many earlier dates the arrays hold
     */
    public void evaluateDate(
            WorkerHistory history,
            int day,
            long[] priorDay,
            long[] priorSum,
            long[] priorCount,
            int prior,
            Consumer<Finding> findings) {
        if (!history.pack().calendar().isStatutory(day)) {
            return;
        }
        Days days = history.scratch().holidayPay;
        days.n = 0;
        for (int k = 0; k < prior; k++) {
            days.add(priorDay[k], 0);
            days.sumCents[k] = priorSum[k];
            days.count[k] = priorCount[k];
            days.to[k] = 0;
        }
        WorkerEvents ev = history.events();
        for (int i = 0; i < ev.size(); i++) {
            if (history.type(i) == EventType.ORDER_COMPLETE && history.day(i) == day) {
                if (days.n == prior) {
                    days.add(day, i);
                }
                days.sumCents[prior] += ev.amountOrZero(i);
                days.count[prior]++;
                days.to[prior] = i + 1;
            }
        }
        if (days.n > prior) {
            check(history, prior, days, findings);
        }
    }

    private void check(WorkerHistory history, int holiday, Days days, Consumer<Finding> out) {
        LocalDate date = LocalDate.ofEpochDay(days.day[holiday]);
        int window = history.param(Param.HOLIDAY_BASELINE_DAYS, date).intValueExact();
        long minOrders = history.param(Param.HOLIDAY_MIN_BASELINE_ORDERS, date).longValueExact();
        BigDecimal multiplier = history.param(Param.HOLIDAY_MULTIPLIER, date);
        HolidayCalendar calendar = history.pack().calendar();
        if (window < 0) {
            throw new ParameterException(Param.HOLIDAY_BASELINE_DAYS + " is negative on " + date);
        }
        long sumCents = days.sumCents[holiday];
        long count = days.count[holiday];
        long baseSum = 0;
        long baseCount = 0;
        int workdays = 0;
        long firstDay = days.day[holiday] - window;
        for (int d = holiday - 1; d >= 0 && days.day[d] >= firstDay; d--) {
            if (calendar.isWorkday(LocalDate.ofEpochDay(days.day[d]))) {
                baseSum += days.sumCents[d];
                baseCount += days.count[d];
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
        BigDecimal left = BigDecimal.valueOf(sumCents).multiply(BigDecimal.valueOf(baseCount));
        BigDecimal right = multiplier.multiply(BigDecimal.valueOf(baseSum)).multiply(BigDecimal.valueOf(count));
        if (left.compareTo(right) > 0) {
            return;
        }
        BigDecimal ratio =
                left.divide(BigDecimal.valueOf(baseSum).multiply(BigDecimal.valueOf(count)), 2, RoundingMode.HALF_UP);
        BigDecimal h = mean(sumCents, count);
        BigDecimal b = mean(baseSum, baseCount);
        String message = Text.format(
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
        details.put("holiday_orders", Long.toString(count));
        details.put("baseline_mean_cny", b.toPlainString());
        details.put("baseline_orders", Long.toString(baseCount));
        details.put("baseline_workdays_worked", Integer.toString(workdays));
        Evidence evidence = new Evidence(history.events());
        for (int i = days.from[holiday]; i < days.to[holiday]; i++) {
            if (history.type(i) == EventType.ORDER_COMPLETE) {
                evidence.add(i);
            }
        }
        out.accept(finding(history, date, ratio, multiplier, message, evidence, details));
    }

    private static BigDecimal mean(long sumCents, long count) {
        return BigDecimal.valueOf(sumCents).divide(BigDecimal.valueOf(count * 100), 4, RoundingMode.HALF_UP);
    }
}
