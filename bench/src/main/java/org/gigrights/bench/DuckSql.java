package org.gigrights.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * REST_BREAK, MIN_WAGE and HOLIDAY_PAY as one DuckDB query with window functions, written the
 * way a data analyst would, from docs/rules.md. Values are returned ×100 as integers, rounded half
 * up, so that the comparison with the engine is exact.
 */
final class DuckSql {
    private DuckSql() {}

    private static final String TIER2 =
            "'500229','500230','500231','500233','500235','500236','500237','500238','500240','500241','500242','500243'";

    /** A file path as an SQL string literal (table functions take no bind parameters here). */
    static String literal(java.nio.file.Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }

    /** The query over a relation (a read_csv or read_parquet call). */
    static String query(String relation) {
        return query(relation, null);
    }

    /** The query with platforms' own allowances (see {@link #ctes(String, String)}). */
    static String query(String relation, String allowances) {
        return ctes(relation, allowances)
                + "\nSELECT * FROM rest_break UNION ALL SELECT * FROM min_wage UNION ALL SELECT * FROM holiday_pay\n";
    }

    /**
     * The query's common table expressions, without the final SELECT: among them {@code ev},
     * {@code timed} (orders with an interval), {@code rb2} (orders with their stretch number
     * {@code grp}), {@code rate}, and {@code rest_break}, {@code min_wage} and {@code holiday_pay}.
     */
    static String ctes(String relation) {
        return ctes(relation, null);
    }

    /**
     * The common table expressions with platforms' own 宽放 allowances: {@code allowances} is the
     * body of a CTE of (platform, from_day, a6 = the allowance × 1,000,000), or null for none.
     */
    static String ctes(String relation, String allowances) {
        String a6 = allowances == null ? "0" : allowanceOf("wk");
        String table = allowances == null ? NO_ALLOWANCES : allowances;
        List<String> days = holidayDays();
        String stat = days.get(0);
        String work = days.get(1);
        return events(relation)
                + """
            orders AS (
              SELECT platform, worker, "order",
                     count(*) FILTER (WHERE type = 'ORDER_ACCEPT') AS na,
                     count(*) FILTER (WHERE type <> 'ORDER_ACCEPT') AS ne,
                     max(t) FILTER (WHERE type = 'ORDER_ACCEPT') AS s,
                     max(t) FILTER (WHERE type <> 'ORDER_ACCEPT') AS e,
                     max(region) FILTER (WHERE type = 'ORDER_ACCEPT') AS region
              FROM ev WHERE type IN ('ORDER_ACCEPT','ORDER_COMPLETE','ORDER_CANCEL')
              GROUP BY ALL
            ),
            timed AS (SELECT * FROM orders WHERE na = 1 AND ne = 1 AND e >= s),
            rb1 AS (
              SELECT *, max(e) OVER (PARTITION BY platform, worker ORDER BY s, e
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS pe
              FROM timed
            ),
            rb2 AS (
              SELECT *, sum(CASE WHEN pe IS NULL OR s - pe >= 1200000 THEN 1 ELSE 0 END)
                        OVER (PARTITION BY platform, worker ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS grp
              FROM rb1
            ),
            stretches AS (SELECT platform, worker, min(s) AS s, max(e) AS e FROM rb2 GROUP BY platform, worker, grp),
            rest_break AS (
              SELECT 'REST_BREAK' AS rule, platform, worker, (s + 28800000) // 86400000 AS d,
                     ((e - s) * 100 + 30000) // 60000 AS v100
              FROM stretches WHERE e - s > 14400000
            ),
            mw AS (SELECT *, (e + 28800000) // 86400000 AS d FROM timed),
            """
                + islands("islands", "mw", "s", "e")
                + """
            work0 AS (SELECT platform, worker, d, sum(len) AS w FROM islands GROUP BY ALL HAVING sum(len) > 0),
            -- working time with the allowance is w × (1,000,000 + a6) / 1,000,000: kept in integers
            allowances AS (%5$s),
            work AS (SELECT *, %4$s AS a6 FROM work0 wk),
            -- hourly minimum by tier: 21 / 20 CNY from 2022-04-01 (epoch day 19083), 18 / 17 before
            regions AS (
              SELECT platform, worker, d, CASE WHEN region IN (%1$s) THEN 20 ELSE 21 END
                     - CASE WHEN d < 19083 THEN 3 ELSE 0 END AS rate, sum(e - s) AS mins
              FROM mw GROUP BY platform, worker, d, region
            ),
            rate AS (SELECT platform, worker, d, arg_max(rate, (mins, rate)) AS rate FROM regions GROUP BY ALL),
            pay AS (
              SELECT platform, worker, d,
                     sum(CASE WHEN type IN ('ORDER_COMPLETE','ORDER_CANCEL') THEN coalesce(cents, 0)
                              WHEN type = 'INCOME' AND reason <> 'TIP' THEN cents
                              WHEN type = 'DEDUCTION' AND reason = 'FINE' THEN -cents ELSE 0 END) AS p
              FROM ev GROUP BY ALL
            ),
            min_wage AS (
              SELECT 'MIN_WAGE' AS rule, platform, worker, d,
                     CAST(CASE WHEN coalesce(p, 0) >= 0
                          THEN (2 * CAST(coalesce(p, 0) AS HUGEINT) * 3600000000000 + w * (1000000 + a6))
                               // (2 * w * (1000000 + a6))
                          ELSE -((2 * CAST(-p AS HUGEINT) * 3600000000000 + w * (1000000 + a6))
                               // (2 * w * (1000000 + a6))) END AS BIGINT) AS v100
              FROM work JOIN rate USING (platform, worker, d) LEFT JOIN pay USING (platform, worker, d)
              WHERE CAST(coalesce(p, 0) AS HUGEINT) * 3600000000000 < rate * 100 * CAST(w AS HUGEINT) * (1000000 + a6)
            ),
            comp AS (
              SELECT platform, worker, d, sum(cents) AS sc, count(*) AS n FROM ev WHERE type = 'ORDER_COMPLETE' GROUP BY ALL
            ),
            hol AS (SELECT * FROM comp WHERE d IN (%2$s)),
            base AS (
              SELECT h.platform, h.worker, h.d, sum(c.sc) AS sb, sum(c.n) AS nb
              FROM hol h JOIN comp c ON c.platform = h.platform AND c.worker = h.worker
                AND c.d BETWEEN h.d - 28 AND h.d - 1 AND c.d IN (%3$s)
              GROUP BY ALL
            ),
            holiday_pay AS (
              SELECT 'HOLIDAY_PAY' AS rule, platform, worker, d,
                     (2 * h.sc * b.nb * 100 + b.sb * h.n) // (2 * b.sb * h.n) AS v100
              FROM hol h JOIN base b USING (platform, worker, d)
              WHERE b.nb >= 5 AND b.sb > 0 AND h.sc * b.nb <= b.sb * h.n
            )
            """
                        .formatted(TIER2, stat, work, a6, table);
    }

    /**
     * Three CTEs ending with a comma, the last named {@code name}: (platform, worker, d, len), one
     * row per island of the union of the intervals [{@code start}, {@code end}] of {@code source}
     * within each (platform, worker, d); overlapping and touching intervals merge.
     */
    static String islands(String name, String source, String start, String end) {
        return """
            %1$s_prev AS (
              SELECT *, max(%4$s) OVER (PARTITION BY platform, worker, d ORDER BY %3$s, %4$s
                                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
              FROM %2$s
            ),
            %1$s_isl AS (
              SELECT *, sum(CASE WHEN prev_end IS NULL OR %3$s > prev_end THEN 1 ELSE 0 END)
                        OVER (PARTITION BY platform, worker, d ORDER BY %3$s, %4$s ROWS UNBOUNDED PRECEDING) AS isl
              FROM %1$s_prev
            ),
            %1$s AS (
              SELECT platform, worker, d, max(%4$s) - min(%3$s) AS len FROM %1$s_isl GROUP BY platform, worker, d, isl
            ),
            """
                .formatted(name, source, start, end);
    }

    /** An empty allowances table. */
    static final String NO_ALLOWANCES =
            "SELECT NULL::VARCHAR AS platform, NULL::BIGINT AS from_day, NULL::BIGINT AS a6 WHERE false";

    /** The allowance (× 1,000,000) in force for the platform and day of a row named {@code alias}. */
    static String allowanceOf(String alias) {
        return "coalesce((SELECT x.a6 FROM allowances x WHERE x.platform = " + alias + ".platform AND x.from_day <= "
                + alias + ".d ORDER BY x.from_day DESC LIMIT 1), 0)";
    }

    /**
     * The statutory holidays and the normal workdays of 2024-11 … 2027-01, as epoch-day lists,
     * read from the pack's calendar files here rather than through the rules core: a normal
     * workday is a make-up workday, or Monday to Friday when it is no rest day of a holiday
     * block; a year without a file has no statutory days.
     */
    static List<String> holidayDays() {
        java.util.Map<LocalDate, String> kind = new java.util.HashMap<>();
        for (int year = 2024; year <= 2027; year++) {
            String name = "/org/gigrights/rules/packs/chongqing/calendar/" + year + ".csv";
            try (java.io.InputStream in = DuckSql.class.getResourceAsStream(name)) {
                if (in == null) {
                    continue;
                }
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    String[] f = line.strip().split(",");
                    if (f.length >= 2 && f[0].matches("\\d{4}-\\d{2}-\\d{2}")) {
                        kind.put(LocalDate.parse(f[0]), f[1].strip());
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        List<Long> statutory = new ArrayList<>();
        List<Long> workdays = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2024-11-01");
                d.isBefore(LocalDate.parse("2027-02-01"));
                d = d.plusDays(1)) {
            String k = kind.getOrDefault(d, "");
            if (k.equals("STATUTORY")) {
                statutory.add(d.toEpochDay());
            }
            boolean weekday = d.getDayOfWeek().getValue() <= 5;
            if (k.equals("WORKDAY") || (weekday && k.isEmpty())) {
                workdays.add(d.toEpochDay());
            }
        }
        String stat = statutory.stream().map(String::valueOf).collect(Collectors.joining(","));
        String work = workdays.stream().map(String::valueOf).collect(Collectors.joining(","));
        return List.of(stat, work);
    }

    /**
     * The validated, deduplicated events as a CTE {@code ev} (platform, event_id, worker, type, t,
     * order, cents, region, ins, reason, d = local epoch day), ending with a comma.
     */
    static String events(String relation) {
        String amount = "'^[0-9]{1,13}([.][0-9]{1,2})?$'";
        return """
            WITH raw AS (SELECT * FROM %1$s),
            valid AS (
              -- canonical content: the fields the type does not use are dropped
              SELECT platform, event_id, worker, person, type,
                     CASE WHEN type IN ('ORDER_ACCEPT','ORDER_COMPLETE','ORDER_CANCEL') THEN "order" END AS "order",
                     CASE WHEN type = 'ORDER_ACCEPT' THEN region END AS region,
                     CASE WHEN type IN ('INCOME','DEDUCTION') THEN reason END AS reason,
                     epoch_ms(TRY_CAST(tt AS TIMESTAMPTZ)) AS t,
                     CASE WHEN type IN ('ORDER_COMPLETE','ORDER_CANCEL','INCOME','DEDUCTION','PAYOUT') THEN
                       CAST(round(TRY_CAST(amount AS DECIMAL(15,2)) * 100) AS BIGINT) END AS cents,
                     type = 'ORDER_COMPLETE' AND lower(coalesce(insured, 'false')) = 'true' AS ins
              -- DuckDB reads no time without seconds ("08:00+08", "04:30Z") and no lower-case t or z:
              -- add the seconds, raise the case
              FROM (SELECT *, upper(CASE WHEN substr("time", 17, 1) = ':' THEN "time"
                                   ELSE substr("time", 1, 16) || ':00' || substr("time", 17) END) AS tt FROM raw)
              WHERE event_id IS NOT NULL AND platform IS NOT NULL AND worker IS NOT NULL AND type IS NOT NULL
                AND "time" IS NOT NULL
                AND regexp_matches("time", '^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]{1,9})?)?(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$')
                AND TRY_CAST(tt AS TIMESTAMPTZ) IS NOT NULL AND substr("time", 12, 2) <= '23' -- DuckDB takes 24:00
                AND type IN ('ORDER_ACCEPT','ORDER_COMPLETE','ORDER_CANCEL','ONLINE','OFFLINE','INCOME','DEDUCTION','PAYOUT')
                AND (type NOT IN ('ORDER_ACCEPT','ORDER_COMPLETE','ORDER_CANCEL') OR "order" IS NOT NULL)
                AND (type <> 'ORDER_ACCEPT' OR regexp_matches(region, '^[0-9]{6}$'))
                AND (type NOT IN ('ORDER_COMPLETE','INCOME','DEDUCTION','PAYOUT') OR regexp_matches(amount, %2$s))
                AND (type <> 'ORDER_CANCEL' OR amount IS NULL OR regexp_matches(amount, %2$s))
                AND (type <> 'ORDER_COMPLETE' OR insured IS NULL OR lower(insured) IN ('true','false'))
                AND (type <> 'INCOME' OR reason IN ('BONUS','SUBSIDY','TIP','OTHER'))
                AND (type <> 'DEDUCTION' OR reason IN ('FINE','DEPOSIT','EQUIPMENT','OTHER'))
            ),
            ev AS (
              SELECT platform, event_id, any_value(worker) AS worker, any_value(type) AS type, any_value(t) AS t,
                     any_value("order") AS "order", any_value(cents) AS cents, any_value(region) AS region,
                     any_value(ins) AS ins, any_value(reason) AS reason, (any_value(t) + 28800000) // 86400000 AS d
              FROM valid
              GROUP BY platform, event_id
              -- one content per id: min = max of the content's hash (a DISTINCT count is 30 %% slower)
              HAVING min(hash(worker, person, type, t, "order", cents, region, ins, reason))
                   = max(hash(worker, person, type, t, "order", cents, region, ins, reason))
            ),
"""
                .formatted(relation, amount);
    }
}
