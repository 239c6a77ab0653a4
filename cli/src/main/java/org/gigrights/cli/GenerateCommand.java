package org.gigrights.cli;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.gigrights.engine.generate.CityGenerator;
import org.gigrights.engine.generate.RoughCity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gigrights generate}: writes a realistic, deterministic city of platform work events. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generates platform work events for a city: full-time and casual riders and drivers on five platforms,",
            "night shifts, stacked orders, cancellations, holidays, and a known share of violations and bad rows.",
            "生成模拟城市的平台工作事件（确定性，可重复）。"
        })
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workers", required = true, description = "Number of people (some work on two platforms).")
    int workers;

    @Option(names = "--days", required = true, description = "Number of days.")
    int days;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", defaultValue = "2026-04-20", description = "First date (default: ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(names = "--out", required = true, description = "Output file, or - for standard output; .gz compresses.")
    String out;

    @Option(names = "--format", defaultValue = "csv", description = "csv or jsonl (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Option(
            names = "--rough",
            description = {
                "Instead of a realistic city, a rough one made to hit the rules' edges and every reject of the",
                "data standard (two platforms, minute grid, midnights, broken orders, spoiled, re-sent and",
                "conflicting rows, shuffled); CSV, built in memory: at most 100,000 worker-days."
            })
    boolean rough;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (workers <= 0 || days <= 0) {
            err.println("gigrights generate: --workers and --days must be positive");
            return 2;
        }
        if (!format.equals("csv") && !format.equals("jsonl")) {
            err.println("gigrights generate: --format must be csv or jsonl");
            return 2;
        }
        if (rough) {
            return rough(err);
        }
        CityGenerator g =
                new CityGenerator(new CityGenerator.Options(workers, days, seed, start, format.equals("jsonl")));
        long t0 = System.nanoTime();
        OutputStream raw =
                out.equals("-") ? System.out : new FileOutputStream(Path.of(out).toFile());
        OutputStream os =
                out.endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : new BufferedOutputStream(raw, 1 << 16);
        long rows;
        try (os) {
            rows = g.write(os, n -> {
                if (!quiet) {
                    err.printf("generated %,d rows%n", n);
                    err.flush();
                }
            });
        }
        if (!quiet) {
            double s = (System.nanoTime() - t0) / 1e9;
            err.printf(
                    "generated %,d rows for %,d accounts in %.1f s (%,.0f rows/s)%n", rows, g.accounts(), s, rows / s);
        }
        return 0;
    }

    private int rough(PrintWriter err) throws IOException {
        if (!format.equals("csv")) {
            err.println("gigrights generate: --rough writes CSV only");
            return 2;
        }
        if ((long) workers * days > 100_000) {
            err.println("gigrights generate: --rough is built in memory: at most 100,000 worker-days");
            return 2;
        }
        byte[] csv = new RoughCity(seed).csv(workers, days, start).getBytes(StandardCharsets.UTF_8);
        OutputStream raw =
                out.equals("-") ? System.out : new FileOutputStream(Path.of(out).toFile());
        try (OutputStream os = out.endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            os.write(csv);
        }
        if (!quiet) {
            err.printf("generated a rough city of %,d workers over %,d days (%,d bytes)%n", workers, days, csv.length);
        }
        return 0;
    }
}
