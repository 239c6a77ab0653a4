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

    public long complaints(String platform, String worker) {
        return jdbc.sql("SELECT count(*) FROM case_file WHERE origin = 'WORKER' AND platform = ? AND worker = ?")
                .params(platform, worker)
                .query(Long.class)
                .single();
    }

    /** A worker in a list: open findings, complaints, the district they worked in most. */
    public record WorkerRow(
            String platform, String worker, String district, long days, long findings, long complaints) {}

    /** A complaint as a mediator sees it. */
    public record Complaint(
            long id, String platform, String worker, Long findingId, String text, String createdAt, String status) {}

    /**
     * Workers within a scope condition on {@code worker_day} (alias {@code d}), most open findings first.
     */
    public List<WorkerRow> workers(String scopeSql, List<Object> scopeParams, int limit, long offset) {
        List<Object> p = new java.util.ArrayList<>(scopeParams);
        p.add(limit);
        p.add(offset);
        return jdbc.sql("SELECT d.platform, d.worker, mode() WITHIN GROUP (ORDER BY d.district), count(*),"
                        + " (SELECT count(*) FROM finding f WHERE f.platform = d.platform AND f.worker = d.worker"
                        + " AND f.gone_at IS NULL),"
                        + " (SELECT count(*) FROM case_file c WHERE c.origin = 'WORKER' AND c.platform = d.platform"
                        + " AND c.worker = d.worker)"
                        + " FROM worker_day d WHERE true" + scopeSql
                        + " GROUP BY d.platform, d.worker ORDER BY 5 DESC, 1, 2 LIMIT ? OFFSET ?")
                .params(p)
                .query((rs, n) -> new WorkerRow(
                        rs.getString(1),
                        rs.getString(2),
                        Districts.name(rs.getString(3)),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }

    public long countWorkers(String scopeSql, List<Object> scopeParams) {
        return jdbc.sql("SELECT count(DISTINCT (d.platform, d.worker)) FROM worker_day d WHERE true" + scopeSql)
                .params(scopeParams)
                .query(Long.class)
                .single();
    }

    /** Whether a worker has any day within a scope condition on {@code worker_day} (alias {@code d}). */
    public boolean inScope(String platform, String worker, String scopeSql, List<Object> scopeParams) {
        List<Object> p = new java.util.ArrayList<>(List.of(platform, worker));
        p.addAll(scopeParams);
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM worker_day d WHERE d.platform = ? AND d.worker = ?" + scopeSql
                        + ")")
                .params(p)
                .query(Boolean.class)
                .single();
    }

    /** The newest complaints (cases a worker opened), of one worker or (both null) of all. */
    public List<Complaint> complaintList(String platform, String worker, int limit) {
        return jdbc.sql("SELECT id, platform, worker, NULL::bigint, description, to_char(opened_at AT TIME ZONE"
                        + " 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), stage FROM case_file WHERE origin = 'WORKER'"
                        + " AND (?::text IS NULL OR platform = ?) AND (?::text IS NULL OR worker = ?)"
                        + " ORDER BY opened_at DESC, id DESC LIMIT ?")
                .params(platform, platform, worker, worker, limit)
                .query((rs, n) -> new Complaint(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        (Long) rs.getObject(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    /** The ID and phone number on the worker's account, if they have one: {@code [id, phone]}. */
    public java.util.Optional<String[]> personalNumbers(String platform, String worker) {
        return jdbc.sql("SELECT id_number, phone FROM account WHERE role = 'WORKER' AND platform = ? AND worker = ?"
                        + " ORDER BY id LIMIT 1")
                .params(platform, worker)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
    }
}
