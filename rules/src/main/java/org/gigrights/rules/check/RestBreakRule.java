package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.Severity;
import org.gigrights.rules.params.Param;
import org.gigrights.rules.time.Orders;

/**
 * REST_BREAK: after more than 4 h of continuous work a break of at least 20 min is due.
 *
 * <p>Order intervals are merged; merged intervals less than 20 min apart form one stretch. A stretch
 * longer than 240 min (last end minus first start) is one finding, dated by the local date of its
 * start. Both limits are parameters in force on that date.
 */
public final class RestBreakRule implements Rule {
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Override
    public String code() {
        return "REST_BREAK";
    }

    @Override
    public Severity severity() {
        return Severity.VIOLATION;
    }

    @Override
    public String citation() {
        return "重庆市暖新行动方案(2023) 三(二); 渝人社发〔2021〕38号 (六); 道路交通安全法实施条例 第六十二条第(七)项";
    }

    @Override
    public void evaluate(WorkerHistory history, Consumer<Finding> findings) {
        walk(history, (day, start, end, limitMinutes, limitMillis, breakMillis, from, to) -> {
            if (end - start > limitMillis && history.inFocus(day, start)) {
                findings.accept(finding(history, day, start, end, limitMinutes, breakMillis, from, to));
            }
        });
    }

    /**
     * The latest instant at which an order could still join a stretch the history judges (the
     * stretch's end plus the minimum break), or {@link Long#MIN_VALUE} when it judges none.
     *
     * <p>The streaming engine judges a date only once every order before this instant is known.
     */
    public static long joinableUntil(WorkerHistory history) {
        long[] until = {Long.MIN_VALUE};
        walk(history, (day, start, end, limitMinutes, limitMillis, breakMillis, from, to) -> {
            if (history.inFocus(day, start)) {
                until[0] = Math.max(until[0], end + breakMillis);
            }
        });
        return until[0];
    }

    /** What the walk reports for each stretch: orders {@code from} to {@code to} by start. */
    private interface Stretches {
        void stretch(
                int day,
                long start,
                long end,
                BigDecimal limitMinutes,
                long limitMillis,
                long breakMillis,
                int from,
                int to);
    }

    private static void walk(WorkerHistory history, Stretches out) {
        Orders orders = history.orders();
        int timed = orders.timedCount();
        int i = 0;
        int day = Integer.MIN_VALUE;
        BigDecimal breakMinutes = null;
        long breakMillis = 0;
        BigDecimal limitMinutes = null;
        long limitMillis = 0;
        while (i < timed) {
            long start = orders.start(orders.timedByStart(i));
            int startDay = history.pack().epochDay(start);
            if (startDay != day) {
                day = startDay;
                // The limits seldom change: convert them only when they do.
                BigDecimal b = history.param(Param.REST_MIN_BREAK_MINUTES, day);
                if (b != breakMinutes) {
                    breakMinutes = b;
                    breakMillis = toMillis(b);
                }
                BigDecimal l = history.param(Param.REST_MAX_CONTINUOUS_MINUTES, day);
                if (l != limitMinutes) {
                    limitMinutes = l;
                    limitMillis = toMillis(l);
                }
            }
            long end = orders.endTime(orders.timedByStart(i));
            int j = i + 1;
            // Orders are sorted by start, so a later order either overlaps the stretch or opens a gap.
            while (j < timed && orders.start(orders.timedByStart(j)) - end < breakMillis) {
                end = Math.max(end, orders.endTime(orders.timedByStart(j)));
                j++;
            }
            out.stretch(day, start, end, limitMinutes, limitMillis, breakMillis, i, j);
            i = j;
        }
    }

    private Finding finding(
            WorkerHistory history,
            int day,
            long start,
            long end,
            BigDecimal limitMinutes,
            long breakMillis,
            int from,
            int to) {
        BigDecimal minutes = WorkerHistory.minutes(end - start);
        String first = history.localTime(start).format(HH_MM_SS);
        String last = history.localTime(end).format(HH_MM_SS);
        String breakText =
                WorkerHistory.minutes(breakMillis).stripTrailingZeros().toPlainString();
        int n = to - from;
        String message = Text.format(
                "连续工作 %s 分钟（%s 至 %s，%d 单），其间无 %s 分钟以上休息，超过 %s 分钟上限 | "
                        + "%s min of continuous work (%s to %s, %d orders) without a break of %s min; limit %s min",
                minutes,
                first,
                last,
                n,
                breakText,
                limitMinutes.toPlainString(),
                minutes,
                first,
                last,
                n,
                breakText,
                limitMinutes.toPlainString());
        Evidence evidence = new Evidence(history.events());
        for (int k = from; k < to; k++) {
            history.orders().addEvents(history.orders().timedByStart(k), evidence);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("stretch_start", history.isoTime(start));
        details.put("stretch_end", history.isoTime(end));
        details.put("orders", Integer.toString(n));
        details.put("min_break_minutes", breakText);
        return finding(history, LocalDate.ofEpochDay(day), minutes, limitMinutes, message, evidence, details);
    }

    private static long toMillis(BigDecimal minutes) {
        // Whole minutes, as the parameters are, without a BigDecimal per judged date.
        if (minutes.scale() == 0 && minutes.precision() < 14) {
            return minutes.longValue() * 60_000;
        }
        return minutes.multiply(BigDecimal.valueOf(60_000)).longValueExact();
    }
}
