package org.gigrights.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gigrights.engine.generate.CityGenerator;

/**
 * {@code gigrights bench}: generates the datasets once, then runs the parse floor, the engine and
 * DuckDB (CSV and Parquet) in separate JVMs on a warm cache, several times each; checks that the
 * engine and DuckDB found the same REST_BREAK, MIN_WAGE and HOLIDAY_PAY findings; prints medians,
 * events per second, peak memory and the ratios. {@code --check FILE} instead compares all seven
 * rules' findings on one CSV file with a second implementation in SQL ({@link CrossCheck}).
 */
public final class Bench {
    private static final String[] MODES = {"floor", "engine", "duckdb-csv", "duckdb-parquet"};

    private record Result(double seconds, long peakKib, long rows) {}

    /** The largest dataset the untimed cross-check of all rules runs on. */
    private static final long CHECK_LIMIT = 20_000_000;

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        if (opt.containsKey("--check")) {
            // All seven rules against the SQL of docs/rules.md, values and evidence included; untimed.
            CrossCheck.main(new String[] {
                opt.get("--check"), opt.getOrDefault("--period-end", "-"), opt.get("--platform-params")
            });
            return;
        }
        Path dir = Path.of(opt.getOrDefault("--dir", "data/bench"));
        int reps = Integer.parseInt(opt.getOrDefault("--reps", "3"));
        List<String> sizes = Arrays.asList(opt.getOrDefault("--sizes", "1M,10M").split(","));
        Files.createDirectories(dir);
        System.out.printf(
                "gigrights bench: %d cores, %s, Java %s; %d repetitions, medians%nJVM options: %s%n",
                Runtime.getRuntime().availableProcessors(),
                cpu(),
                System.getProperty("java.version"),
                reps,
                javaOpts());
        boolean allEqual = true;
        for (String size : sizes) {
            allEqual &= dataset(dir, size.trim(), reps);
        }
        System.exit(allEqual ? 0 : 1);
    }

    private static boolean dataset(Path dir, String label, int reps) throws Exception {
        long events = parseSize(label);
        Path csv = dir.resolve("city-" + label + ".csv");
        Path parquet = dir.resolve("city-" + label + ".parquet");
        if (!Files.exists(csv)) {
            int workers = (int) Math.max(10, events / 690);
            System.out.printf("generating %s (%,d workers x 30 days) ...%n", csv, workers);
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(csv), 1 << 16)) {
                new CityGenerator(new CityGenerator.Options(workers, 30, 2026, LocalDate.parse("2026-04-20"), false))
                        .write(out, n -> {});
            }
        }
        if (!Files.exists(parquet)) {
            child("to-parquet", csv, parquet);
        }
        warm(csv);
        warm(parquet);
        Map<String, List<Result>> results = new LinkedHashMap<>();
        Map<String, Path> keys = new LinkedHashMap<>();
        for (int r = 0; r < reps; r++) {
            for (String mode : MODES) {
                Path k = dir.resolve("keys-" + label + "-" + mode + ".txt");
                keys.put(mode, k);
                Path in = mode.equals("duckdb-parquet") ? parquet : csv;
                // Before every run, not once: this machine pages out what has not been read for a
                // minute (docs/performance.md), and a DuckDB run can take that long.
                warm(in);
                results.computeIfAbsent(mode, m -> new ArrayList<>()).add(childWithRetry(mode, in, k));
            }
        }
        long rows = results.get("engine").get(0).rows();
        System.out.printf(
                "%n== %s: %,d rows, CSV %,d MB, Parquet %,d MB ==%n",
                label, rows, Files.size(csv) >> 20, Files.size(parquet) >> 20);
        System.out.printf("%-16s %10s %14s %14s%n", "run", "median s", "events/s", "peak RSS MiB");
        Map<String, Double> median = new TreeMap<>();
        for (String mode : MODES) {
            List<Result> list = results.get(mode);
            double[] s = list.stream().mapToDouble(Result::seconds).sorted().toArray();
            double m = s[s.length / 2];
            median.put(mode, m);
            long peak = list.stream().mapToLong(Result::peakKib).max().orElse(-1);
            System.out.printf("%-16s %10.3f %14s %14d%n", mode, m, String.format("%,.0f", rows / m), peak >> 10);
        }
        double duckBest = Math.min(median.get("duckdb-csv"), median.get("duckdb-parquet"));
        System.out.printf(
                "engine / DuckDB best = %.3f (engine %.1fx faster)%n",
                median.get("engine") / duckBest, duckBest / median.get("engine"));
        System.out.printf("engine / parse floor = %.2f%n", median.get("engine") / median.get("floor"));
        boolean equal = equal(keys);
        if (events > CHECK_LIMIT) {
            // On 100 M the SQL with evidence filled 22 of 23 GiB and had to be stopped.
            System.out.printf(
                    "cross-check of all seven rules: skipped above %,d events (memory); "
                            + "./gigrights bench --check FILE runs it on a smaller file%n",
                    CHECK_LIMIT);
            return equal;
        }
        // Untimed: every rule, not only the three DuckDB is timed on (ADR 12).
        Path report = dir.resolve("check-" + label + ".txt");
        boolean checked = childWithRetry("check", csv, report).rows() == 1;
        Files.readAllLines(report).forEach(System.out::println);
        return equal && checked;
    }

    private static boolean equal(Map<String, Path> keys) throws IOException {
        List<String> engine = Files.readAllLines(keys.get("engine"));
        boolean ok = true;
        for (String duck : List.of("duckdb-csv", "duckdb-parquet")) {
            List<String> other = Files.readAllLines(keys.get(duck));
            Map<String, Long> byRule = new TreeMap<>();
            engine.forEach(l -> byRule.merge(l.substring(0, l.indexOf(',')), 1L, Long::sum));
            if (engine.equals(other)) {
                System.out.printf("equality engine = %s: identical, %s%n", duck, byRule);
            } else {
                ok = false;
                List<String> missing = new ArrayList<>(engine);
                missing.removeAll(other);
                List<String> extra = new ArrayList<>(other);
                extra.removeAll(engine);
                System.out.printf(
                        "equality engine = %s: DIFFERENT: %d only in engine %s, %d only in DuckDB %s%n",
                        duck,
                        missing.size(),
                        missing.subList(0, Math.min(5, missing.size())),
                        extra.size(),
                        extra.subList(0, Math.min(5, extra.size())));
            }
        }
        return ok;
    }

    /**
     * Runs a contestant; a run that fails is reported and run once more (DuckDB 1.4.1 once failed
     * here with an internal assertion on a run that succeeded when repeated).
     */
    private static Result childWithRetry(String mode, Path in, Path keys) throws Exception {
        try {
            return child(mode, in, keys);
        } catch (IllegalStateException e) {
            String first = e.getMessage().lines().limit(2).reduce((a, b) -> b).orElse("");
            System.out.printf("warning: %s failed (%s); running it again%n", mode, first.strip());
            return child(mode, in, keys);
        }
    }

    private static Result child(String mode, Path in, Path keys) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar = Path.of(Bench.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        // The same JVM settings as the gigrights launcher uses for batch runs, for every contestant.
        String opts = javaOpts();
        if (!opts.isBlank()) {
            cmd.addAll(Arrays.asList(opts.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", jar, Child.class.getName(), mode, in.toString(), keys.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Result result = null;
        StringBuilder log = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    String[] f = line.split(" ");
                    result = new Result(Double.parseDouble(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
                } else {
                    log.append(line).append('\n');
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException(mode + " failed:\n" + log);
        }
        return result;
    }

    /**
     * The child JVMs' options, as the launcher gives a batch run: huge pages where the kernel offers
     * them, then GIGRIGHTS_BENCH_JAVA_OPTS or the launcher's defaults (later options win).
     */
    static String javaOpts() {
        return (hugePagesOnRequest() ? "-XX:+UseTransparentHugePages " : "")
                + System.getenv()
                        .getOrDefault(
                                "GIGRIGHTS_BENCH_JAVA_OPTS",
                                "-XX:+UseParallelGC -XX:InitialRAMPercentage=12.5 -Xmn512m -XX:TieredStopAtLevel=1");
    }

    /** Whether the kernel gives transparent huge pages to a process that asks, as the launcher checks. */
    static boolean hugePagesOnRequest() {
        try {
            String mode = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            return mode.contains("[always]") || mode.contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void warm(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static long parseSize(String label) {
        String l = label.toUpperCase();
        long mult = l.endsWith("M") ? 1_000_000 : l.endsWith("K") ? 1_000 : l.endsWith("B") ? 1_000_000_000 : 1;
        return Long.parseLong(mult == 1 ? l : l.substring(0, l.length() - 1)) * mult;
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    static final String USAGE = String.join(
            "\n",
            "usage: gigrights bench [--sizes 1M,10M] [--reps 3] [--dir data/bench]",
            "       gigrights bench --check FILE [--period-end INSTANT] [--platform-params FILE]",
            "  --sizes   datasets to generate (once, kept in --dir) and time: 1M, 10M, 100M, ...",
            "  --reps    repetitions of each contestant; medians are printed",
            "  --check   no timing: all seven rules on FILE against their SQL (docs/performance.md)");

    private static final java.util.Set<String> OPTIONS =
            java.util.Set.of("--sizes", "--reps", "--dir", "--check", "--period-end", "--platform-params");

    /** Options as name and value; {@code --help}, an unknown option or a missing value ends the run. */
    static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
                System.err.println("gigrights bench: "
                        + (OPTIONS.contains(args[i]) ? "missing value for " : "unknown option ") + args[i]);
                System.err.println(USAGE);
                System.exit(2);
            }
            m.put(args[i], args[i + 1]);
        }
        return m;
    }
}
