package org.gigrights.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gigrights.engine.audit.Audit;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.fast.FastAudit;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.output.AuditOutputs;
import org.gigrights.engine.output.FindingsStream;
import org.gigrights.engine.output.RejectsCsvWriter;
import org.gigrights.engine.stream.OrderedAudit;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.params.PackLoader;
import org.gigrights.rules.params.ParameterException;
import org.gigrights.rules.params.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gigrights audit}: checks work-event files against the rules and writes the findings. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Checks platform work events against the rules; writes findings.csv, findings.jsonl, summary.json,",
            "rejects.csv and report.html to the output directory. Findings are not errors: exit 0 when it ran.",
            "检查平台报送的工作事件，输出违规发现、汇总、被拒绝的行和可读报告。"
        })
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--in",
            required = true,
            paramLabel = "FILE",
            description = "Input file (.csv, .jsonl, .ndjson, optionally .gz), or - for standard input. Repeatable.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
    Path out;

    @Option(
            names = "--format",
            paramLabel = "csv|jsonl",
            defaultValue = "csv",
            description = "Format of standard input (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--pack",
            paramLabel = "DIR",
            description = "Rule pack directory (default: the built-in Chongqing pack).")
    Path packDir;

    @Option(
            names = "--platform-params",
            paramLabel = "CSV",
            description =
                    "Per-platform parameters: platform,name,effective_from,value (e.g. time.allowance, pay.cycle_days).")
    Path platformParams;

    @Option(
            names = "--period-end",
            paramLabel = "TIME",
            description = "End of the reporting period (ISO-8601 with offset); default: each platform's latest event.")
    String periodEnd;

    @Option(
            names = "--engine",
            defaultValue = "columns",
            paramLabel = "columns|objects|stream",
            description = {
                "columns: the fast engine (default); objects: the reference engine on event objects;",
                "stream: one pass over time-ordered input in memory bounded by the workers active at once",
                "(exact within --order-window and --lateness; rows outside them are rejected as LATE)."
            })
    String engine;

    @Option(
            names = "--order-window",
            defaultValue = "12h",
            paramLabel = "DURATION",
            description = "stream: an order's events lie within this of its first event (default: ${DEFAULT-VALUE}).")
    String orderWindow;

    @Option(
            names = "--lateness",
            defaultValue = "1h",
            paramLabel = "DURATION",
            description =
                    "stream: a worker's rows may come this far behind its latest one (default: ${DEFAULT-VALUE}).")
    String lateness;

    @Option(
            names = "--idle",
            defaultValue = "36h",
            paramLabel = "DURATION",
            description =
                    "stream: a silent worker's dates are judged once the input is this far past them (default: ${DEFAULT-VALUE}).")
    String idle;

    @Option(
            names = "--threads",
            defaultValue = "0",
            description = "Worker threads for the columns engine (default: the number of cores).")
    int threads;

    @Option(
            names = "--spill",
            defaultValue = "0",
            paramLabel = "N",
            description =
                    "Columns engine: spill to N disk partitions (0: when the input would not fit the heap; -1: never).")
    int spill;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (System.getenv("GIGRIGHTS_TIMING") != null) {
            long startedAt =
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            err.printf("phase %-9s %8.3f s wall%n", "jvm", (System.currentTimeMillis() - startedAt) / 1e3);
        }
        try {
            RulePack pack = packDir == null ? RulePack.chongqing() : PackLoader.fromDirectory(packDir);
            if (platformParams != null) {
                pack = PackLoader.withPlatformFile(pack, platformParams);
            }
            List<Input> sources = sources();
            Files.createDirectories(out);
            java.time.Instant end =
                    periodEnd == null ? null : OffsetDateTime.parse(periodEnd).toInstant();
            Progress progress = new Progress(err, quiet);
            AuditResult result;
            FindingsStream streamed = null;
            try (RejectsCsvWriter rejects = new RejectsCsvWriter(out.resolve(AuditOutputs.REJECTS))) {
                if (engine.equals("objects")) {
                    Audit audit = new Audit(pack, RuleSet.standard(), Clock.systemUTC());
                    if (end != null) {
                        audit.periodEnd(end);
                    }
                    result = audit.run(sources, rejects, w -> err.println("warning: " + w), progress::rows);
                } else if (engine.equals("columns")) {
                    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
                    FastAudit audit = new FastAudit(pack, RuleSet.standard(), Clock.systemUTC(), n)
                            .spill(spill)
                            .steps(progress::step);
                    if (end != null) {
                        audit.periodEnd(end);
                    }
                    result = audit.run(sources, rejects, w -> err.println("warning: " + w), progress::rows);
                    slowFormsNote(err, audit.declinedRows(), audit.rowsRead());
                } else if (engine.equals("stream")) {
                    // Findings are written as they are made, in that order: the run keeps none of them.
                    OrderedAudit audit = new OrderedAudit(
                            pack,
                            Clock.systemUTC(),
                            new OrderedAudit.Bounds(duration(orderWindow), duration(lateness), duration(idle)));
                    if (end != null) {
                        audit.periodEnd(end);
                    }
                    try (FindingsStream findings = new FindingsStream(out)) {
                        result = audit.findings(findings)
                                .run(sources, rejects, w -> err.println("warning: " + w), progress::rows);
                        streamed = findings;
                        slowFormsNote(err, audit.declinedRows(), audit.rowsRead());
                    }
                } else {
                    throw new IllegalArgumentException("--engine must be columns, objects or stream");
                }
            }
            long before = System.nanoTime();
            if (streamed != null) {
                AuditOutputs.writeSummaryAndReport(out, result, streamed.summary());
            } else {
                AuditOutputs.write(out, result);
            }
            if (System.getenv("GIGRIGHTS_TIMING") != null) {
                err.printf("phase %-9s %8.3f s wall%n", "outputs", (System.nanoTime() - before) / 1e9);
            }
            progress.done(
                    result,
                    streamed != null
                            ? streamed.summary().total()
                            : result.findings().size());
            return 0;
        } catch (IllegalArgumentException | ParameterException | DateTimeParseException e) {
            err.println("gigrights audit: " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("gigrights audit: cannot read or write: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Tells a platform when much of its file was in forms the fast reader leaves to the standard
     * one: correct, but several times slower on a large file, and usually one export setting away.
     */
    static void slowFormsNote(PrintWriter err, long declined, long rows) {
        if (declined > 0 && declined * 100 >= rows) {
            err.printf(
                    Locale.ROOT,
                    "note: %,d of %,d rows (%.1f %%) were read by the standard reader, one at a time: forms the"
                            + " fast reader does not take, or rejected rows (docs/data-standard.md, \"Forms read"
                            + " fastest\"). The results are the same; the audit is slower.%n",
                    declined,
                    rows,
                    100.0 * declined / rows);
        }
    }

    /** A duration as {@code 90m}, {@code 24h}, {@code 2d} or ISO-8601 ({@code PT24H}). */
    static java.time.Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return java.time.Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> java.time.Duration.ofSeconds(n);
                case 'm' -> java.time.Duration.ofMinutes(n);
                case 'h' -> java.time.Duration.ofHours(n);
                case 'd' -> java.time.Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (write e.g. 90m, 24h, 2d or PT24H)");
        }
    }

    private List<Input> sources() {
        List<Input> list = new ArrayList<>();
        for (String in : inputs) {
            if (in.equals("-")) {
                list.add(Input.stdin(Input.Format.valueOf(format.toUpperCase(Locale.ROOT))));
                continue;
            }
            Path p = Path.of(in);
            if (!Files.isReadable(p) || Files.isDirectory(p)) {
                throw new UncheckedIOException(new java.io.FileNotFoundException(in + " (no such readable file)"));
            }
            list.add(Input.file(p));
        }
        return list;
    }
}
