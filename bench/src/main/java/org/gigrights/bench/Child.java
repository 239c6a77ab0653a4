package org.gigrights.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.fast.FastAudit;
import org.gigrights.engine.fast.RangeReader;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.output.AuditOutputs;
import org.gigrights.engine.output.RejectsCsvWriter;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.params.RulePack;

/**
 * One measured run in its own JVM, so that its peak memory is its own: prints
 * {@code RESULT <mode> <seconds> <peak-rss-kib> <rows>} and, for the rule runs, writes the
 * REST_BREAK, MIN_WAGE and HOLIDAY_PAY findings as sorted keys for the equality check.
 */
public final class Child {
    static final Set<String> COMPARED = Set.of("REST_BREAK", "MIN_WAGE", "HOLIDAY_PAY");

    private Child() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path file = Path.of(args[1]);
        Path keys = Path.of(args[2]);
        long t0 = System.nanoTime();
        long rows =
                switch (mode) {
                    case "floor" -> floor(file);
                    case "engine" -> engine(file, keys);
                    case "duckdb-csv" -> duck(
                            "read_csv(" + DuckSql.literal(file) + ", header = true, all_varchar = true)", keys);
                    case "duckdb-parquet" -> duck("read_parquet(" + DuckSql.literal(file) + ")", keys);
                    case "to-parquet" -> toParquet(file, keys);
                    case "check" -> check(file, keys);
                    default -> throw new IllegalArgumentException("unknown mode " + mode);
                };
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("RESULT %s %.4f %d %d%n", mode, secs, peakRssKib(), rows);
    }

    /** The floor: map the file and split every line into fields on both cores; nothing else. */
    static long floor(Path file) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int threads = Runtime.getRuntime().availableProcessors();
            List<long[]> ranges = new ArrayList<>();
            // The engine's way of reading: 16 MiB ranges, read 1 MiB at a time into one reused
            // buffer per thread.
            long chunk = 16 << 20;
            for (long p = 0; p < size; p += chunk) {
                ranges.add(new long[] {p, Math.min(size, p + chunk)});
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[(int) chunk]);
            List<Future<long[]>> out = new ArrayList<>();
            for (long[] r : ranges) {
                out.add(pool.submit(() -> {
                    byte[] a = buffers.get();
                    int n = (int) (r[1] - r[0]);
                    RangeReader.read(ch, r[0], a, n, file.toString());
                    long fields = 0;
                    long lines = 0;
                    long sum = 0;
                    int start = 0;
                    for (int i = 0; i < n; i++) {
                        byte c = a[i];
                        if (c == ',' || c == '\n') {
                            fields++;
                            sum += i - start;
                            start = i + 1;
                            if (c == '\n') {
                                lines++;
                            }
                        }
                    }
                    return new long[] {lines, fields, sum};
                }));
            }
            long lines = 0;
            long check = 0;
            for (Future<long[]> f : out) {
                long[] v = f.get();
                lines += v[0];
                check += v[1] + v[2];
            }
            pool.shutdown();
            return check == 0 ? -1 : lines - 1;
        }
    }

    static long engine(Path file, Path keys) throws IOException {
        Path out = Files.createTempDirectory("bench-engine");
        FastAudit audit = new FastAudit(
                RulePack.chongqing(),
                RuleSet.standard(),
                Clock.systemUTC(),
                Runtime.getRuntime().availableProcessors());
        AuditResult r;
        try (RejectsCsvWriter rejects = new RejectsCsvWriter(out.resolve(AuditOutputs.REJECTS))) {
            r = audit.run(List.of(Input.file(file)), rejects, w -> {}, n -> {});
        }
        AuditOutputs.write(out, r);
        List<String> lines = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (COMPARED.contains(f.rule())) {
                lines.add(f.rule() + "," + f.platform() + "," + f.worker() + "," + f.date() + ","
                        + f.value().movePointRight(2).toBigIntegerExact());
            }
        }
        write(keys, lines);
        return r.ingest().rowsRead();
    }

    static long duck(String relation, Path keys) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            // Nothing in the query depends on input order (windows are ordered, the result keys are
            // sorted after fetching), so DuckDB may drop it: about 8 % faster on 10 M.
            st.execute("SET preserve_insertion_order = false");
            try (ResultSet rs = st.executeQuery(DuckSql.query(relation))) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + "," + rs.getString(2) + "," + rs.getString(3) + ","
                            + LocalDate.ofEpochDay(rs.getLong(4)) + "," + rs.getLong(5));
                }
            }
        }
        write(keys, lines);
        return lines.size();
    }

    /** All seven rules against the SQL implementation; writes what it found, returns 1 when identical. */
    static long check(Path csv, Path report) throws Exception {
        CrossCheck.Outcome o = CrossCheck.run(csv);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "cross-check of all seven rules (values, thresholds, evidence, summary counts) against SQL: %s, %s",
                o.identical() ? "identical" : "DIFFERENT", o.perRule()));
        o.onlyEngine().stream().limit(5).forEach(l -> lines.add("  engine only: " + l));
        o.onlyDuck().stream().limit(5).forEach(l -> lines.add("  DuckDB only: " + l));
        Files.write(report, lines, StandardCharsets.UTF_8);
        return o.identical() ? 1 : 0;
    }

    static long toParquet(Path csv, Path parquet) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute(
                    "COPY (SELECT * FROM read_csv(" + DuckSql.literal(csv) + ", header = true, all_varchar = true)) TO "
                            + DuckSql.literal(parquet)
                            + " (FORMAT parquet)");
        }
        return 0;
    }

    private static void write(Path keys, List<String> lines) throws IOException {
        Collections.sort(lines);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(keys, StandardCharsets.UTF_8))) {
            lines.forEach(w::println);
        }
    }

    /** Peak resident memory of this process (VmHWM), in KiB. */
    static long peakRssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
