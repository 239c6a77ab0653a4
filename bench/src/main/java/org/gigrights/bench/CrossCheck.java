package org.gigrights.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.fast.FastAudit;
import org.gigrights.engine.ingest.Input;
import org.gigrights.rules.check.Counters;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.params.RulePack;

/**
 * The engine's findings of all seven rules against DuckDB's ({@link DuckCheck}), with values,
 * thresholds and evidence; REST_BREAK, MIN_WAGE and HOLIDAY_PAY also as the timed query
 * ({@link DuckSql}) gives them, by worker, date and value; and the counts of summary.json (rows
 * read, accepted, duplicates, rejected and the rules' counters). Prints the counts and the first
 * differences.
 */
public final class CrossCheck {
    private CrossCheck() {}

    /** What both sides found, as sorted lines, and the lines only one side has. */
    record Outcome(List<String> engine, List<String> duck, List<String> onlyEngine, List<String> onlyDuck) {
        boolean identical() {
            return onlyEngine.isEmpty() && onlyDuck.isEmpty();
        }

        /** Findings per rule on the engine's side. */
        Map<String, Integer> perRule() {
            Map<String, Integer> n = new TreeMap<>();
            // Full lines only (rule to evidence: seven fields); the timed query's keys have five.
            engine.stream()
                    .filter(l -> l.split(",", -1).length >= 7)
                    .forEach(l -> n.merge(l.substring(0, l.indexOf(',')), 1, Integer::sum));
            return n;
        }
    }

    /** Runs both sides over one CSV file. */
    static Outcome run(Path csv) throws Exception {
        return run(csv, DuckCheck.Options.NONE);
    }

    /** Runs both sides over one CSV file with a fixed period end or platforms' pay cycles. */
    static Outcome run(Path csv, DuckCheck.Options options) throws Exception {
        List<String> engine = engine(csv, options);
        // Values are trimmed and a blank one is missing (data standard); the timed query leaves
        // that out, as the benchmark's generated files have no padded values.
        String trimmed = COLUMNS.stream()
                .map(c -> "nullif(trim(\"" + c + "\"), '') AS \"" + c + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        List<String> duck = duck(
                "(SELECT " + trimmed + " FROM read_csv(" + DuckSql.literal(csv)
                        + ", header = true, all_varchar = true, delim = ',', quote = '\"'))",
                options);
        List<String> onlyEngine = minus(engine, duck);
        List<String> onlyDuck = minus(duck, engine);
        return new Outcome(engine, duck, onlyEngine, onlyDuck);
    }

    static List<String> engine(Path csv, DuckCheck.Options options) throws Exception {
        RulePack pack = RulePack.chongqing();
        for (DuckCheck.Allowance a : options.allowances()) {
            pack = pack.withPlatformValue(a.platform(), "time.allowance", a.from(), a.value());
        }
        for (DuckCheck.Cycle c : options.cycles()) {
            pack = pack.withPlatformValue(
                    c.platform(), "pay.cycle_days", c.from(), java.math.BigDecimal.valueOf(c.days()));
        }
        FastAudit audit = new FastAudit(
                pack,
                RuleSet.standard(),
                Clock.systemUTC(),
                Runtime.getRuntime().availableProcessors());
        if (options.periodEnd() != null) {
            audit.periodEnd(java.time.Instant.ofEpochMilli(options.periodEnd()));
        }
        AuditResult r = audit.run(List.of(Input.file(csv)), x -> {}, w -> {}, n -> {});
        List<String> lines = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (Child.COMPARED.contains(f.rule())) {
                lines.add(f.rule() + "," + f.platform() + "," + f.worker() + "," + f.date() + ","
                        + f.value().movePointRight(2).toBigIntegerExact());
            }
            lines.add(line(
                    f.rule(),
                    f.platform(),
                    f.worker(),
                    f.date(),
                    f.value().movePointRight(2).toBigIntegerExact().longValueExact(),
                    f.threshold().movePointRight(2).toBigIntegerExact().longValueExact(),
                    String.join(" ", f.evidence())));
        }
        lines.add("summary,rows_read," + r.ingest().rowsRead());
        lines.add("summary,accepted," + r.ingest().accepted());
        lines.add("summary,duplicates," + r.ingest().duplicates());
        lines.add("summary,rejected," + r.ingest().rejected());
        for (String counter : SUMMARY_COUNTERS) {
            lines.add("summary," + counter + "," + r.counters().get(counter));
        }
        Collections.sort(lines);
        return lines;
    }

    /** The data standard's columns. */
    static final List<String> COLUMNS = List.of(
            "event_id",
            "platform",
            "worker",
            "person",
            "type",
            "time",
            "order",
            "amount",
            "region",
            "insured",
            "reason");

    /** The counters of summary.json that the SQL computes too. */
    private static final List<String> SUMMARY_COUNTERS = List.of(
            Counters.ORDERS_WITHOUT_INTERVAL,
            Counters.WORKER_DAYS,
            Counters.WORKERS,
            Counters.HOLIDAY_SHORT_BASELINE,
            Counters.HOLIDAY_ZERO_BASELINE);

    /**
     * DuckDB's side; run once more when DuckDB fails, as DuckDB 1.4.1 now and then fails an
     * internal assertion on a query that then succeeds (docs/performance.md).
     */
    static List<String> duck(String relation, DuckCheck.Options options) throws Exception {
        try {
            return duckOnce(relation, options);
        } catch (java.sql.SQLException e) {
            System.err.println("cross-check: DuckDB failed ("
                    + e.getMessage().lines().findFirst().orElse("") + "); running it again");
            return duckOnce(relation, options);
        }
    }

    private static List<String> duckOnce(String relation, DuckCheck.Options options) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            for (String query : List.of(DuckCheck.query(relation, options), DuckCheck.evidenced(relation, options))) {
                try (ResultSet rs = st.executeQuery(query)) {
                    while (rs.next()) {
                        lines.add(line(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                LocalDate.ofEpochDay(rs.getLong(4)),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getString(7)));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery(DuckCheck.summary(relation))) {
                rs.next();
                long read = rs.getLong("rows_read");
                long accepted = rs.getLong("accepted");
                long duplicates = rs.getLong("duplicates");
                lines.add("summary,rows_read," + read);
                lines.add("summary,accepted," + accepted);
                lines.add("summary,duplicates," + duplicates);
                lines.add("summary,rejected," + (read - accepted - duplicates));
                for (String counter : SUMMARY_COUNTERS) {
                    lines.add("summary," + counter + "," + rs.getLong(counter));
                }
            }
            try (ResultSet rs = st.executeQuery(DuckSql.query(
                    relation, options.allowances().isEmpty() ? null : DuckCheck.allowances(options.allowances())))) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + "," + rs.getString(2) + "," + rs.getString(3) + ","
                            + LocalDate.ofEpochDay(rs.getLong(4)) + "," + rs.getLong(5));
                }
            }
        }
        Collections.sort(lines);
        return lines;
    }

    private static String line(
            String rule, String platform, String worker, LocalDate date, long v100, long t100, String evidence) {
        return rule + "," + platform + "," + worker + "," + date + "," + v100 + "," + t100 + "," + evidence;
    }

    /** The lines of a that b lacks, counting repeats (both sorted). */
    private static List<String> minus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>();
        int j = 0;
        for (String x : a) {
            while (j < b.size() && b.get(j).compareTo(x) < 0) {
                j++;
            }
            if (j < b.size() && b.get(j).equals(x)) {
                j++;
            } else {
                out.add(x);
            }
        }
        return out;
    }

    /**
     * The options of an audit run as the SQL takes them: a period end (ISO-8601 with offset) and a
     * platform parameters file as {@code audit --platform-params} reads it ({@code
     * platform,name,effective_from,value}; {@code pay.cycle_days} and {@code time.allowance}).
     */
    static DuckCheck.Options options(String periodEnd, String platformParams) throws java.io.IOException {
        Long end = periodEnd == null
                ? null
                : java.time.OffsetDateTime.parse(periodEnd).toInstant().toEpochMilli();
        List<DuckCheck.Cycle> cycles = new ArrayList<>();
        List<DuckCheck.Allowance> allowances = new ArrayList<>();
        if (platformParams != null) {
            for (String line : Files.readAllLines(Path.of(platformParams))) {
                String[] f = line.split(",", -1);
                if (line.isBlank() || line.startsWith("#") || f[0].strip().equals("platform")) {
                    continue;
                }
                LocalDate from = LocalDate.parse(f[2].strip());
                switch (f[1].strip()) {
                    case "pay.cycle_days" -> cycles.add(
                            new DuckCheck.Cycle(f[0].strip(), from, Integer.parseInt(f[3].strip())));
                    case "time.allowance" -> allowances.add(
                            new DuckCheck.Allowance(f[0].strip(), from, new java.math.BigDecimal(f[3].strip())));
                    default -> throw new IllegalArgumentException(
                            "the SQL check takes pay.cycle_days and time.allowance only, not " + f[1].strip());
                }
            }
        }
        return new DuckCheck.Options(end, cycles, allowances);
    }

    /**
     * Prints the outcome for a file ({@code FILE [PERIOD_END|- [PLATFORM_PARAMS]]}); exits 1 when
     * the two sides differ.
     */
    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        if (!Files.exists(csv)) {
            System.err.println("gigrights bench --check: no such file: " + csv);
            System.exit(2);
        }
        String end = args.length > 1 && !args[1].equals("-") ? args[1] : null;
        DuckCheck.Options options;
        try {
            options = options(end, args.length > 2 ? args[2] : null);
        } catch (IllegalArgumentException | java.time.DateTimeException | java.io.IOException e) {
            System.err.println("gigrights bench --check: " + e.getMessage());
            System.exit(2);
            return;
        }
        Outcome o = run(csv, options);
        System.out.printf(
                "cross-check %s: engine %,d findings %s; %,d lines compared (engine %,d, DuckDB %,d): %s%n",
                csv,
                o.perRule().values().stream().mapToInt(Integer::intValue).sum(),
                o.perRule(),
                o.engine().size() + o.duck().size(),
                o.engine().size(),
                o.duck().size(),
                o.identical() ? "identical" : "DIFFERENT");
        o.onlyEngine().stream().limit(20).forEach(l -> System.out.println("  engine only: " + l));
        o.onlyDuck().stream().limit(20).forEach(l -> System.out.println("  DuckDB only: " + l));
        System.exit(o.identical() ? 0 : 1);
    }
}
