package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.Severity;
import org.gigrights.rules.params.Param;
import org.gigrights.rules.time.Order;

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
        List<Order> orders = history.timedOrders();
        int i = 0;
        while (i < orders.size()) {
            long start = orders.get(i).start();
            LocalDate date = history.pack().localDate(start);
            long breakMillis = toMillis(history.param(Param.REST_MIN_BREAK_MINUTES, date));
            long end = orders.get(i).endTime();
            List<Order> stretch = new ArrayList<>();
            stretch.add(orders.get(i));
            int j = i + 1;
            // Orders are sorted by start, so a later order either overlaps the stretch or opens a gap.
            while (j < orders.size() && orders.get(j).start() - end < breakMillis) {
                end = Math.max(end, orders.get(j).endTime());
                stretch.add(orders.get(j));
                j++;
            }
            BigDecimal limitMinutes = history.param(Param.REST_MAX_CONTINUOUS_MINUTES, date);
            long length = end - start;
            if (BigDecimal.valueOf(length).compareTo(BigDecimal.valueOf(toMillis(limitMinutes))) > 0) {
                findings.accept(finding(history, date, start, end, length, limitMinutes, breakMillis, stretch));
            }
            i = j;
        }
    }

    private Finding finding(
            WorkerHistory history,
            LocalDate date,
            long start,
            long end,
            long length,
            BigDecimal limitMinutes,
            long breakMillis,
            List<Order> stretch) {
        BigDecimal minutes = WorkerHistory.minutes(length);
        String from = history.localTime(start).format(HH_MM_SS);
        String to = history.localTime(end).format(HH_MM_SS);
        BigDecimal breakMinutes = WorkerHistory.minutes(breakMillis);
        String message = String.format(
                "连续工作 %s 分钟（%s 至 %s，%d 单），其间无 %s 分钟以上休息，超过 %s 分钟上限 | "
                        + "%s min of continuous work (%s to %s, %d orders) without a break of %s min; limit %s min",
                minutes,
                from,
                to,
                stretch.size(),
                breakMinutes.stripTrailingZeros().toPlainString(),
                limitMinutes.toPlainString(),
                minutes,
                from,
                to,
                stretch.size(),
                breakMinutes.stripTrailingZeros().toPlainString(),
                limitMinutes.toPlainString());
        List<String> evidence = new ArrayList<>();
        for (Order o : stretch) {
            evidence.addAll(o.eventIds());
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("stretch_start", history.isoTime(start));
        details.put("stretch_end", history.isoTime(end));
        details.put("orders", Integer.toString(stretch.size()));
        details.put("min_break_minutes", breakMinutes.toPlainString());
        return finding(history, date, minutes, limitMinutes, message, evidence, details);
    }

    private static long toMillis(BigDecimal minutes) {
        return minutes.multiply(BigDecimal.valueOf(60_000)).longValueExact();
    }
}
