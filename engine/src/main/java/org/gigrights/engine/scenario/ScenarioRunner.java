package org.gigrights.engine.scenario;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gigrights.engine.audit.Audit;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.fast.FastAudit;
import org.gigrights.engine.ingest.CsvRowReader;
import org.gigrights.engine.ingest.EventParser;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.ingest.JsonlRowReader;
import org.gigrights.engine.ingest.RawRow;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.engine.stream.OrderedAudit;
import org.gigrights.rules.check.Counters;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.params.RulePack;

/** Runs scenarios through the in-process engine and compares the outcome with what they expect. */
public final class ScenarioRunner {
    /** What a run produced, in the terms a scenario can expect. */
    public record Outcome(List<Finding> findings, Map<String, Long> summary, List<Rejection> rejects) {}

    private static final List<String> COUNTERS = List.of(
            Counters.ORDERS_WITHOUT_INTERVAL,
            Counters.HOLIDAY_SHORT_BASELINE,
            Counters.HOLIDAY_ZERO_BASELINE,
            Counters.WORKER_DAYS,
            Counters.WORKERS);

    private ScenarioRunner() {}

    /** The rule pack a scenario runs with: the built-in pack plus its platform parameters. */
    public static RulePack pack(Scenario s) {
        RulePack pack = RulePack.chongqing();
        for (String p : s.options().getOrDefault("platform_param", List.of())) {
            String[] f = p.split(",");
            pack = pack.withPlatformValue(
                    f[0].strip(), f[1].strip(), LocalDate.parse(f[2].strip()), new BigDecimal(f[3].strip()));
        }
        return pack;
    }

    /** The in-process engines every scenario must agree on. */
    public enum Engine {
        /** {@link Audit}: event objects, the reference. */
        OBJECTS,
        /** {@link FastAudit}: columns parsed from bytes. */
        COLUMNS,
        /** {@link FastAudit} spilling to disk partitions, as for inputs larger than memory. */
        SPILLED,
        /** {@link OrderedAudit}: the streaming audit, on the events in time order only. */
        STREAM
    }

    /** Runs the given events text (the scenario's own, or a variant) through the reference engine. */
    public static Outcome run(Scenario s, String events, Input.Format format) throws IOException {
        return run(s, events, format, Engine.OBJECTS);
    }

    /** Runs the given events text through one engine. */
    public static Outcome run(Scenario s, String events, Input.Format format, Engine engine) throws IOException {
        String end = s.option("period_end", null);
        Instant periodEnd = end == null ? null : OffsetDateTime.parse(end).toInstant();
        byte[] bytes = events.getBytes(StandardCharsets.UTF_8);
        Input input = new Input(
                s.name() + "." + format.name().toLowerCase(), () -> new ByteArrayInputStream(bytes), format, false);
        List<Rejection> rejects = new ArrayList<>();
        AuditResult r;
        if (engine == Engine.STREAM) {
            // The examples include orders of more than a day: a week's order window holds them all.
            OrderedAudit audit = new OrderedAudit(
                    pack(s),
                    Clock.systemUTC(),
                    new OrderedAudit.Bounds(
                            java.time.Duration.ofDays(7),
                            java.time.Duration.ofHours(1),
                            java.time.Duration.ofHours(36)));
            if (periodEnd != null) {
                audit.periodEnd(periodEnd);
            }
            r = audit.run(List.of(input), rejects::add, w -> {}, n -> {});
        } else if (engine == Engine.OBJECTS) {
            Audit audit = new Audit(pack(s), RuleSet.standard(), Clock.systemUTC());
            if (periodEnd != null) {
                audit.periodEnd(periodEnd);
            }
            r = audit.run(List.of(input), rejects::add, w -> {}, n -> {});
        } else {
            FastAudit audit = new FastAudit(pack(s), RuleSet.standard(), Clock.systemUTC(), 2)
                    .spill(engine == Engine.SPILLED ? 4 : -1);
            if (periodEnd != null) {
                audit.periodEnd(periodEnd);
            }
            r = audit.run(List.of(input), rejects::add, w -> {}, n -> {});
        }
        return new Outcome(r.findings(), counts(r), rejects);
    }

    /** The summary counts a scenario may expect, by their summary.json names. */
    public static Map<String, Long> counts(AuditResult r) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("rows_read", r.ingest().rowsRead());
        m.put("accepted", r.ingest().accepted());
        m.put("duplicates", r.ingest().duplicates());
        m.put("rejected", r.ingest().rejected());
        m.put("findings", (long) r.findings().size());
        for (String name : COUNTERS) {
            m.put(name, 0L);
        }
        m.putAll(r.counters().asMap());
        return m;
    }

    /**
     * The differences between an outcome and the scenario's expectations; empty when they agree.
     *
     * @param checkLines whether reject line numbers must match (false for shuffled input)
     */
    public static List<String> differences(Scenario s, Outcome o, boolean checkLines) {
        List<String> diffs = new ArrayList<>();
        List<Scenario.ExpectedFinding> expected = new ArrayList<>(s.findings());
        List<Finding> unmatched = new ArrayList<>();
        for (Finding f : o.findings()) {
            Scenario.ExpectedFinding match = null;
            for (Scenario.ExpectedFinding e : expected) {
                if (matches(e, f)) {
                    match = e;
                    break;
                }
            }
            if (match == null) {
                unmatched.add(f);
            } else {
                expected.remove(match);
            }
        }
        for (Scenario.ExpectedFinding e : expected) {
            diffs.add("missing finding " + e);
        }
        for (Finding f : unmatched) {
            diffs.add("unexpected finding " + f.rule() + "," + f.platform() + "," + f.worker() + "," + f.date() + ","
                    + f.value().toPlainString() + "," + f.threshold().toPlainString() + ","
                    + String.join(";", f.evidence()));
        }
        for (Map.Entry<String, Long> e : s.summary().entrySet()) {
            Long actual = o.summary().get(e.getKey());
            if (actual == null) {
                diffs.add("summary has no count named " + e.getKey() + " (known: "
                        + o.summary().keySet() + ")");
            } else if (actual.longValue() != e.getValue()) {
                diffs.add("summary " + e.getKey() + ": expected " + e.getValue() + ", got " + actual);
            }
        }
        if (s.rejects() != null) {
            List<String> want = new ArrayList<>();
            List<String> got = new ArrayList<>();
            s.rejects().forEach(r -> want.add(checkLines ? r.line() + ":" + r.code() : r.code()));
            o.rejects()
                    .forEach(r -> got.add(
                            checkLines ? r.line() + ":" + r.code() : r.code().name()));
            Collections.sort(want);
            Collections.sort(got);
            if (!want.equals(got)) {
                diffs.add("rejects: expected " + want + ", got " + got);
            }
        }
        return diffs;
    }

    private static boolean matches(Scenario.ExpectedFinding e, Finding f) {
        return e.rule().equals(f.rule())
                && e.platform().equals(f.platform())
                && e.worker().equals(f.worker())
                && e.date().equals(f.date().toString())
                && new BigDecimal(e.value()).compareTo(f.value()) == 0
                && new BigDecimal(e.threshold()).compareTo(f.threshold()) == 0
                && (e.evidence() == null
                        || e.evidence().stream().sorted().toList().equals(f.evidence()));
    }

    /** One way of feeding a scenario to the engine. */
    public record Variant(String name, String events, Input.Format format, boolean checkLines) {}

    /** Seeds of the shuffled variants. */
    public static final long[] SEEDS = {1, 7, 42};

    /**
     * The variants every engine must agree on: as written; shuffled with three seeds (unless the
     * scenario says {@code shuffle=false}); and, for clean CSV without quotes, as JSON Lines.
     */
    public static List<Variant> variants(Scenario s) {
        Input.Format format = s.eventsFormat().equals("jsonl") ? Input.Format.JSONL : Input.Format.CSV;
        List<Variant> out = new ArrayList<>();
        out.add(new Variant("as written", s.events(), format, true));
        if (!s.option("shuffle", "true").equals("false")) {
            for (long seed : SEEDS) {
                out.add(new Variant("shuffled " + seed, shuffled(s, seed), format, false));
            }
        }
        if (format == Input.Format.CSV
                && !s.events().contains("\"")
                && (s.rejects() == null || s.rejects().isEmpty())) {
            out.add(new Variant("as JSON Lines", CsvToJsonl.convert(s.events()), Input.Format.JSONL, false));
        }
        return out;
    }

    /**
     * The variants an engine must agree on: the streaming audit takes only time-ordered input, as
     * written when it is, and with the rows sorted by time.
     */
    public static List<Variant> variants(Scenario s, Engine engine) {
        if (engine != Engine.STREAM) {
            return variants(s);
        }
        Input.Format format = s.eventsFormat().equals("jsonl") ? Input.Format.JSONL : Input.Format.CSV;
        List<Variant> out = new ArrayList<>();
        String ordered = timeOrdered(s.events(), format);
        out.add(new Variant("time-ordered", ordered, format, false));
        if (format == Input.Format.CSV
                && !s.events().contains("\"")
                && (s.rejects() == null || s.rejects().isEmpty())) {
            out.add(new Variant("time-ordered JSON Lines", CsvToJsonl.convert(ordered), Input.Format.JSONL, false));
        }
        return out;
    }

    /**
     * The events text with its rows sorted by event time (ties keep their order; rows whose time
     * cannot be read come first). Rows keep their text, so the CSV header stays first.
     */
    public static String timeOrdered(String events, Input.Format format) {
        record Row(long time, String raw) {}
        List<Row> rows = new ArrayList<>();
        String[] header = {null};
        try {
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.StringReader(events));
            java.util.function.Consumer<RawRow> add = raw -> {
                EventParser.Result r = raw.error() == null ? EventParser.parse(raw) : null;
                long t = r == null || r.event() == null
                        ? Long.MIN_VALUE
                        : r.event().timeMillis();
                rows.add(new Row(t, raw.raw()));
            };
            if (format == Input.Format.CSV) {
                header[0] = events.substring(0, Math.max(0, events.indexOf('\n')));
                new CsvRowReader("events", in).read(add, w -> {});
            } else {
                new JsonlRowReader("events", in).read(add, w -> {});
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparingLong(Row::time));
        StringBuilder out = new StringBuilder();
        if (header[0] != null) {
            out.append(header[0].strip()).append('\n');
        }
        for (Row r : sorted) {
            out.append(r.raw()).append('\n');
        }
        return out.toString();
    }

    /** Runs every variant; returns the differences, each prefixed with its variant's name. */
    public static List<String> check(Scenario s) throws IOException {
        List<String> diffs = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            for (Variant v : variants(s, engine)) {
                for (String d : differences(s, run(s, v.events(), v.format(), engine), v.checkLines())) {
                    diffs.add(engine + " " + v.name() + ": " + d);
                }
            }
        }
        return diffs;
    }

    /** The events text with its data rows in a random order (header first). */
    public static String shuffled(Scenario s, long seed) {
        List<String> lines = new ArrayList<>(List.of(s.events().split("\n")));
        lines.removeIf(String::isBlank);
        List<String> head = new ArrayList<>();
        if (s.eventsFormat().equals("csv") && !lines.isEmpty()) {
            head.add(lines.remove(0));
        }
        Collections.shuffle(lines, new Random(seed));
        head.addAll(lines);
        return String.join("\n", head) + "\n";
    }
}
