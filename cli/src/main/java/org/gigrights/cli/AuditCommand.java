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
import org.gigrights.engine.output.RejectsCsvWriter;
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
            paramLabel = "columns|objects",
            description = "columns: the fast engine (default); objects: the reference engine on event objects.")
    String engine;

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
                } else {
                    throw new IllegalArgumentException("--engine must be columns or objects");
                }
            }
            long before = System.nanoTime();
            AuditOutputs.write(out, result);
            if (System.getenv("GIGRIGHTS_TIMING") != null) {
                err.printf("phase %-9s %8.3f s wall%n", "outputs", (System.nanoTime() - before) / 1e9);
            }
            progress.done(result);
            return 0;
        } catch (IllegalArgumentException | ParameterException | DateTimeParseException e) {
            err.println("gigrights audit: " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("gigrights audit: cannot read or write: " + e.getMessage());
            return 1;
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
