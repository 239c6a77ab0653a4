package org.gigrights.server.selfservice.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.gigrights.rules.params.RulePack;
import org.gigrights.server.findings.Districts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** One worker's days. */
@Component
public class WorkerDayQueries {
    /** A day as the worker sees it. */
    public record Day(
            LocalDate date,
            String district,
            BigDecimal hours,
            BigDecimal pay,
            BigDecimal perHour,
            BigDecimal minimum,
            BigDecimal longestStretchHours,
            int orders,
            int insuredOrders) {
        public boolean belowMinimum() {
            return perHour != null && perHour.compareTo(minimum) < 0;
        }
    }

    private final JdbcClient jdbc;
    private final RulePack pack = RulePack.chongqing();

    public WorkerDayQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Day> days(String platform, String worker) {
        return jdbc.sql(
                        "SELECT date, district, work_minutes, pay_cents, orders, insured_orders, longest_stretch_minutes"
                                + " FROM worker_day WHERE platform = ? AND worker = ? ORDER BY date DESC")
                .params(platform, worker)
                .query((rs, n) -> {
                    LocalDate d = rs.getDate(1).toLocalDate();
                    BigDecimal minutes = rs.getBigDecimal(3);
                    BigDecimal pay = BigDecimal.valueOf(rs.getLong(4), 2);
                    BigDecimal hours = minutes.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
                    BigDecimal perHour = minutes.signum() == 0
                            ? null
                            : pay.multiply(BigDecimal.valueOf(60)).divide(minutes, 2, RoundingMode.HALF_UP);
                    return new Day(
                            d,
                            Districts.name(rs.getString(2)),
                            hours,
                            pay,
                            perHour,
                            pack.hourlyMinimum(pack.tier(rs.getString(2)), d),
                            rs.getBigDecimal(7).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP),
                            rs.getInt(5),
                            rs.getInt(6));
                })
                .list();
    }
}
