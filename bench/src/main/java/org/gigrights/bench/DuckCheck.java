package org.gigrights.bench;

import java.time.LocalDate;
import java.util.List;

/**
 * INJURY_COVER, DEPOSIT, DAILY_HOURS and PAY_DELAY as one DuckDB query, written from
 * docs/rules.md without reading the rule classes: a second, independent implementation that the
 * engine's findings are checked against, value, threshold and evidence included.
 *
 * <p>Each row is (rule, platform, worker, epoch day, value ×100, threshold ×100, evidence ids
 * sorted and joined by spaces). Not timed by the benchmark: the timed peer computes the three
 * rules the performance issue names.
 */
final class DuckCheck {
    private DuckCheck() {}

    /**
     * REST_BREAK, MIN_WAGE and HOLIDAY_PAY of the timed query ({@link DuckSql}) with their
     * thresholds and evidence, in the same columns as {@link #query}.
     */
    static String evidenced(String relation) {
        return evidenced(relation, Options.NONE);
    }

    /** The same with the run's options (only the allowances matter to these three rules). */
    static String evidenced(String relation, Options options) {
        return DuckSql.ctes(relation, options.allowances().isEmpty() ? null : allowances(options.allowances()))
                + """
            , order_ids AS (
              SELECT platform, worker, "order", event_id FROM ev
              WHERE type IN ('ORDER_ACCEPT','ORDER_COMPLETE','ORDER_CANCEL')
            ),
            stretch_ids AS (
              SELECT o.platform, o.worker, o.grp, min(o.s) OVER w AS s, max(o.e) OVER w AS e, i.event_id
              FROM rb2 o JOIN order_ids i USING (platform, worker, "order")
              WINDOW w AS (PARTITION BY o.platform, o.worker, o.grp)
            ),
            rest_break_full AS (
              SELECT 'REST_BREAK' AS rule, platform, worker, (s + 28800000) // 86400000 AS d,
                     ((e - s) * 100 + 30000) // 60000 AS v100, 24000 AS t100,
                     string_agg(event_id, ' ' ORDER BY event_id) AS evidence
              FROM stretch_ids WHERE e - s > 14400000 GROUP BY platform, worker, grp, s, e
            ),
            -- MIN_WAGE evidence: the day's order ends, the day's events that change P, and every
            -- event of the orders whose single end is on the day (with an interval or not)
            wage_ids AS (
              SELECT platform, worker, d, event_id FROM ev
              WHERE type IN ('ORDER_COMPLETE','ORDER_CANCEL')
                 OR (type = 'INCOME' AND reason <> 'TIP' AND cents <> 0)
                 OR (type = 'DEDUCTION' AND reason = 'FINE' AND cents <> 0)
              UNION
              SELECT o.platform, o.worker, (o.e + 28800000) // 86400000 AS d, i.event_id
              FROM orders o JOIN order_ids i USING (platform, worker, "order") WHERE o.ne = 1
            ),
            min_wage_full AS (
              SELECT 'MIN_WAGE' AS rule, m.platform, m.worker, m.d, m.v100, r.rate * 100 AS t100,
                     string_agg(i.event_id, ' ' ORDER BY i.event_id) AS evidence
              FROM min_wage m JOIN rate r USING (platform, worker, d) JOIN wage_ids i USING (platform, worker, d)
              GROUP BY ALL
            ),
            holiday_full AS (
              SELECT 'HOLIDAY_PAY' AS rule, h.platform, h.worker, h.d, h.v100, 100 AS t100,
                     string_agg(x.event_id, ' ' ORDER BY x.event_id) AS evidence
              FROM holiday_pay h JOIN ev x USING (platform, worker, d)
              WHERE x.type = 'ORDER_COMPLETE'
              GROUP BY ALL
            )
            SELECT * FROM rest_break_full UNION ALL SELECT * FROM min_wage_full UNION ALL SELECT * FROM holiday_full
            """;
    }

    /** One row: the counts of summary.json, by their names there (rejected = read − the rest). */
    static String summary(String relation) {
        return DuckSql.ctes(relation)
                + """
            SELECT
              (SELECT count(*) FROM raw) AS rows_read,
              (SELECT count(*) FROM ev) AS accepted,
              (SELECT count(*) FROM valid SEMI JOIN ev USING (platform, event_id))
                - (SELECT count(*) FROM ev) AS duplicates,
              (SELECT count(*) FROM orders WHERE NOT (na = 1 AND ne = 1 AND e >= s)) AS orders_without_interval,
              (SELECT count(*) FROM (SELECT DISTINCT platform, worker, d FROM ev)) AS worker_days_evaluated,
              (SELECT count(*) FROM (SELECT DISTINCT platform, worker FROM ev)) AS workers_evaluated,
              (SELECT count(*) FROM hol h LEFT JOIN base b USING (platform, worker, d)
               WHERE coalesce(b.nb, 0) < 5) AS holiday_days_short_baseline,
              (SELECT count(*) FROM hol h JOIN base b USING (platform, worker, d)
               WHERE b.nb >= 5 AND b.sb = 0) AS holiday_days_zero_baseline
            """;
    }

    /** The query over a relation (a read_csv or read_parquet call). */
    static String query(String relation) {
        return query(relation, Options.NONE);
    }

    /** The query over a relation with the run's options. */
    static String query(String relation, Options options) {
        return DuckSql.events(relation)
                + """
            orders AS (
              SELECT platform, worker, "order",
                     count(*) FILTER (WHERE type = 'ORDER_ACCEPT') AS na,
                     count(*) FILTER (WHERE type <> 'ORDER_ACCEPT') AS ne,
                     max(t) FILTER (WHERE type = 'ORDER_ACCEPT') AS s,
                     max(t) FILTER (WHERE type <> 'ORDER_ACCEPT') AS e,
                     max(event_id) FILTER (WHERE type = 'ORDER_ACCEPT') AS aid,
                     max(event_id) FILTER (WHERE type <> 'ORDER_ACCEPT') AS eid
              FROM ev WHERE type IN ('ORDER_ACCEPT','ORDER_COMPLETE','ORDER_CANCEL')
              GROUP BY ALL
            ),
            timed AS (SELECT * FROM orders WHERE na = 1 AND ne = 1 AND e >= s),
            -- DAILY_HOURS: each interval cut at local midnights, then the union per day
            cut AS (
              SELECT *, unnest(range((s + 28800000) // 86400000, (e + 28800000) // 86400000 + 1)) AS d
              FROM timed
            ),
            piece AS (
              SELECT platform, worker, d, aid, eid, s, e,
                     greatest(s, d * 86400000::BIGINT - 28800000) AS ps,
                     least(e, (d + 1) * 86400000::BIGINT - 28800000) AS pe
              FROM cut
            ),
            """
                + DuckSql.islands("day_islands", "piece", "ps", "pe")
                + """
            day_work0 AS (SELECT platform, worker, d, sum(len) AS w FROM day_islands GROUP BY ALL),
            allowances AS (%3$s),
            day_work AS (SELECT *, %4$s AS a6 FROM day_work0 wk),
            day_evidence AS (
              SELECT platform, worker, d, unnest([aid, eid]) AS id FROM piece WHERE pe > ps OR s = e
            ),
            daily_hours AS (
              SELECT 'DAILY_HOURS' AS rule, platform, worker, d,
                     CAST((CAST(w AS HUGEINT) * (1000000 + a6) * 100 + 1800000000000) // 3600000000000 AS BIGINT)
                       AS v100,
                     1200 AS t100,
                     (SELECT string_agg(DISTINCT x.id, ' ' ORDER BY x.id) FROM day_evidence x
                      WHERE x.platform = dw.platform AND x.worker = dw.worker AND x.d = dw.d) AS evidence
              FROM day_work dw WHERE CAST(w AS HUGEINT) * (1000000 + a6) > 43200000000000
            ),
            injury_cover AS (
              SELECT 'INJURY_COVER' AS rule, platform, worker, d, count(*) * 100 AS v100, 0 AS t100,
                     string_agg(event_id, ' ' ORDER BY event_id) AS evidence
              FROM ev WHERE type = 'ORDER_COMPLETE' AND NOT ins GROUP BY platform, worker, d
            ),
            deposit AS (
              SELECT 'DEPOSIT' AS rule, platform, worker, d, cents AS v100, 0 AS t100, event_id AS evidence
              FROM ev WHERE type = 'DEDUCTION' AND reason = 'DEPOSIT'
            ),
            -- PAY_DELAY: a lot is settled when the settlements so far cover every earning up to it
            period AS (SELECT platform, %1$s AS pend FROM ev GROUP BY platform),
            cycles AS (%2$s),
            lots AS (
              SELECT platform, worker, event_id, t, d,
                     coalesce((SELECT c.days FROM cycles c WHERE c.platform = ev.platform AND c.from_day <= ev.d
                               ORDER BY c.from_day DESC LIMIT 1), 31) AS cyc,
                     sum(cents) OVER (PARTITION BY platform, worker ORDER BY t, event_id
                                      ROWS UNBOUNDED PRECEDING) AS ce
              FROM ev WHERE type IN ('ORDER_COMPLETE','ORDER_CANCEL','INCOME') AND cents > 0
            ),
            settled AS (
              SELECT platform, worker, t AS st,
                     sum(cents) OVER (PARTITION BY platform, worker ORDER BY t, event_id
                                      ROWS UNBOUNDED PRECEDING) AS cs
              FROM ev WHERE type IN ('PAYOUT','DEDUCTION') AND cents > 0
            ),
            lot_done AS (
              SELECT l.*, s.st FROM lots l ASOF LEFT JOIN settled s
                ON l.platform = s.platform AND l.worker = s.worker AND l.ce <= s.cs
            ),
            judged AS (
              SELECT lot_done.*, p.pend,
                     CASE WHEN st IS NULL THEN p.pend ELSE greatest(st, t) END AS done_at,
                     t + cyc * 86400000::BIGINT AS due
              FROM lot_done JOIN period p USING (platform)
            ),
            late AS (SELECT * FROM judged WHERE done_at > due),
            pay_delay AS (
              SELECT 'PAY_DELAY' AS rule, platform, worker, d,
                     (max(done_at - t) * 100 + 43200000) // 86400000 AS v100, any_value(cyc) * 100 AS t100,
                     string_agg(event_id, ' ' ORDER BY event_id) AS evidence
              FROM late GROUP BY platform, worker, d
            )
            SELECT * FROM daily_hours UNION ALL SELECT * FROM injury_cover
            UNION ALL SELECT * FROM deposit UNION ALL SELECT * FROM pay_delay
            """
                        .formatted(
                                options.periodEnd() == null ? "max(t)" : options.periodEnd() + "::BIGINT",
                                cycles(options.cycles()),
                                allowances(options.allowances()),
                                options.allowances().isEmpty() ? "0" : DuckSql.allowanceOf("wk"));
    }

    /** The run's options the SQL takes: a fixed period end and platforms' pay cycles. */
    record Options(Long periodEnd, List<Cycle> cycles, List<Allowance> allowances) {
        static final Options NONE = new Options(null, List.of(), List.of());
    }

    /** A platform's own {@code time.allowance} from a date (at most six decimals). */
    record Allowance(String platform, LocalDate from, java.math.BigDecimal value) {}

    /** The body of the allowances CTE, or null when there are none. */
    static String allowances(List<Allowance> allowances) {
        if (allowances.isEmpty()) {
            return DuckSql.NO_ALLOWANCES;
        }
        return "SELECT * FROM (VALUES "
                + allowances.stream()
                        .map(a -> "('" + a.platform().replace("'", "''") + "', "
                                + a.from().toEpochDay() + ", "
                                + a.value().movePointRight(6).longValueExact() + ")")
                        .collect(java.util.stream.Collectors.joining(", "))
                + ") x(platform, from_day, a6)";
    }

    /** A platform's own {@code pay.cycle_days} from a date. */
    record Cycle(String platform, LocalDate from, int days) {}

    private static String cycles(List<Cycle> cycles) {
        if (cycles.isEmpty()) {
            return "SELECT NULL::VARCHAR AS platform, NULL::BIGINT AS from_day, NULL::BIGINT AS days WHERE false";
        }
        return "SELECT * FROM (VALUES "
                + cycles.stream()
                        .map(c -> "('" + c.platform().replace("'", "''") + "', "
                                + c.from().toEpochDay() + ", " + c.days() + ")")
                        .collect(java.util.stream.Collectors.joining(", "))
                + ") c(platform, from_day, days)";
    }
}
