package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.Severity;
import org.gigrights.rules.params.Param;
import org.gigrights.rules.time.Orders;

/**
 * DAILY_HOURS: working time on a local date above the daily maximum (a warning).
 *
 * <p>Working time on D is the part of the union of all order intervals that falls within D's local
 * midnight-to-midnight, times (1 + allowance). A finding when it exceeds the daily maximum.
 */
public final class DailyHoursRule implements Rule {
    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);

    @Override
    public String code() {
        return "DAILY_HOURS";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String citation() {
        return "人社厅发〔2023〕50号 第五条 (最长工作时间); GB/T 外卖平台服务管理基本要求; 劳动法 第三十六条、第四十一条";
    }

    @Override
    public void evaluate(WorkerHistory history, Consumer<Finding> findings) {
        Orders orders = history.orders();
        int timed = orders.timedCount();
        int day = Integer.MIN_VALUE;
        long sum = 0;
        int i = 0;
        while (i < timed) {
            // One merged interval of the union: orders sorted by start, overlapping or touching.
            long start = orders.start(orders.timedByStart(i));
            long end = orders.endTime(orders.timedByStart(i));
            i++;
            while (i < timed && orders.start(orders.timedByStart(i)) <= end) {
                end = Math.max(end, orders.endTime(orders.timedByStart(i)));
                i++;
            }
            long t = start;
            while (t < end) {
                int d = history.pack().epochDay(t);
                long until = Math.min(history.pack().startOfDay(d + 1L), end);
                if (d != day) {
                    check(history, day, sum, findings);
                    day = d;
                    sum = 0;
                }
                sum += until - t;
                t = until;
            }
        }
        check(history, day, sum, findings);
    }

    private void check(WorkerHistory history, int epochDay, long millis, Consumer<Finding> findings) {
        if (millis == 0 || !history.inFocus(epochDay)) {
            return;
        }
        BigDecimal allowance = history.param(Param.TIME_ALLOWANCE, epochDay);
        BigDecimal max = history.param(Param.DAILY_MAX_HOURS, epochDay);
        if (!over(millis, allowance, max)) {
            return;
        }
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        BigDecimal work = BigDecimal.valueOf(millis).multiply(BigDecimal.ONE.add(allowance));
        Orders orders = history.orders();
        long dayStart = history.pack().startOfDay(d);
        long dayEnd = history.pack().startOfDay(epochDay + 1L);
        Evidence evidence = new Evidence(history.events());
        int count = 0;
        for (int k = 0; k < orders.timedCount(); k++) {
            int o = orders.timedByStart(k);
            long start = orders.start(o);
            long end = orders.endTime(o);
            // Overlapping D: sharing more than an instant with it, or, for an order of zero length,
            // lying on it (an order at exactly midnight is on the day that midnight begins).
            if (start == end ? start >= dayStart && start < dayEnd : start < dayEnd && end > dayStart) {
                orders.addEvents(o, evidence);
                count++;
            }
        }
        BigDecimal hours = work.divide(MILLIS_PER_HOUR, 2, RoundingMode.HALF_UP);
        String message = Text.format(
                "当日工作 %s 小时（%d 单），超过每日 %s 小时上限 | %s h of work on the day (%d orders), above the "
                        + "daily maximum of %s h",
                hours, count, max.toPlainString(), hours, count, max.toPlainString());
        Map<String, String> details = new LinkedHashMap<>();
        details.put(
                "work_minutes",
                work.divide(BigDecimal.valueOf(60_000), 2, RoundingMode.HALF_UP).toPlainString());
        details.put("allowance", allowance.toPlainString());
        findings.accept(finding(history, d, hours, max, message, evidence, details));
    }

    /**
     * Whether W·(1 + allowance) &gt; max hours, compared exactly.
     *
     * <p>Without an allowance and with a whole number of hours (the usual case) this is a long
     * comparison; BigDecimal arithmetic on every worker-day was most of the rule's cost.
     */
    private static boolean over(long millis, BigDecimal allowance, BigDecimal maxHours) {
        if (allowance.signum() == 0 && maxHours.scale() == 0 && maxHours.precision() <= 18) {
            return Exact.compareProducts(millis, 1, maxHours.longValueExact(), 3_600_000) > 0;
        }
        BigDecimal work = BigDecimal.valueOf(millis).multiply(BigDecimal.ONE.add(allowance));
        return work.compareTo(maxHours.multiply(MILLIS_PER_HOUR)) > 0;
    }
}
