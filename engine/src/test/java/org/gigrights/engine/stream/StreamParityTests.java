package org.gigrights.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gigrights.engine.audit.Audit;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.generate.CityGenerator;
import org.gigrights.engine.generate.RoughCity;
import org.gigrights.engine.ingest.CsvRowReader;
import org.gigrights.engine.ingest.EventParser;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.ingest.RawRow;
import org.gigrights.engine.scenario.Scenario;
import org.gigrights.engine.scenario.ScenarioRunner;
import org.gigrights.engine.scenario.ScenarioRunner.Engine;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.WorkEvent;
import org.gigrights.rules.params.RulePack;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The streaming audit against the file audit on the same time-ordered input: every finding (with
 * its message, evidence and details), every count and every reject code must be equal.
 */
class StreamParityTests {
    private static Input input(String text, Input.Format format) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Input("events", () -> new ByteArrayInputStream(bytes), format, false);
    }

    record Run(AuditResult result, List<String> rejects) {}

    /** One way of auditing: the reference, or the stream within some bounds. */
    interface Auditor {
        AuditResult run(List<Input> in, java.util.function.Consumer<org.gigrights.engine.ingest.Rejection> rejects)
                throws IOException;
    }

    static Run run(String text, Auditor engine) throws IOException {
        List<String> rejects = new ArrayList<>();
        AuditResult r = engine.run(
                List.of(input(text, Input.Format.CSV)),
                x -> rejects.add(x.code().name()));
        return new Run(r, rejects);
    }

    static Run reference(String text) throws IOException {
        return run(text, (in, rejects) -> new Audit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC())
                .run(in, rejects, w -> {}, n -> {}));
    }

    static Run streamed(String text, OrderedAudit.Bounds bounds) throws IOException {
        return run(text, (in, rejects) -> new OrderedAudit(RulePack.chongqing(), Clock.systemUTC(), bounds)
                .run(in, rejects, w -> {}, n -> {}));
    }

    static void assertSame(Run stream, Run ref) {
        var missing = new ArrayList<>(ref.result().findings());
        missing.removeAll(stream.result().findings());
        var extra = new ArrayList<>(stream.result().findings());
        extra.removeAll(ref.result().findings());
        assertThat(extra)
                .as(
                        "counts %s vs %s, rejects %s vs %s; missed %s: %s; extra %s",
                        stream.result().counters().asMap(),
                        ref.result().counters().asMap(),
                        stream.result().ingest().rejectedByCode(),
                        ref.result().ingest().rejectedByCode(),
                        missing.size(),
                        brief(missing),
                        brief(extra))
                .isEmpty();
        assertThat(stream.result().findings()).isEqualTo(ref.result().findings());
        assertThat(stream.result().counters().asMap())
                .isEqualTo(ref.result().counters().asMap());
        assertThat(stream.result().ingest().accepted())
                .isEqualTo(ref.result().ingest().accepted());
        assertThat(stream.result().ingest().duplicates())
                .isEqualTo(ref.result().ingest().duplicates());
        assertThat(stream.result().ingest().rejectedByCode())
                .isEqualTo(ref.result().ingest().rejectedByCode());
        assertThat(stream.result().periodEnd()).isEqualTo(ref.result().periodEnd());
        assertThat(stream.rejects()).containsExactlyInAnyOrderElementsOf(ref.rejects());
    }

    /**
     * The rows of a time-ordered CSV that keep the streaming audit's bounds: without the events of
     * orders spread over more than the order window, and with a conflict kept only when its rows
     * name one worker at one instant (for other conflicting ids, only the first row stays).
     */
    static String withinBounds(String csv, Duration window) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        new CsvRowReader("events", new BufferedReader(new StringReader(csv))).read(rows::add, w -> {});
        Map<String, long[]> spans = new HashMap<>();
        Map<String, List<WorkEvent>> byId = new HashMap<>();
        List<WorkEvent> parsed = new ArrayList<>();
        for (RawRow row : rows) {
            WorkEvent e = row.error() == null ? EventParser.parse(row).event() : null;
            parsed.add(e);
            if (e == null) {
                continue;
            }
            byId.computeIfAbsent(e.platform() + "|" + e.eventId(), k -> new ArrayList<>())
                    .add(e);
            if (e.order() != null) {
                long[] span = spans.computeIfAbsent(e.platform() + "|" + e.worker() + "|" + e.order(), k ->
                        new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                span[0] = Math.min(span[0], e.timeMillis());
                span[1] = Math.max(span[1], e.timeMillis());
            }
        }
        StringBuilder out = new StringBuilder(csv.substring(0, csv.indexOf('\n') + 1));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            WorkEvent e = parsed.get(i);
            if (e != null) {
                if (e.order() != null) {
                    long[] span = spans.get(e.platform() + "|" + e.worker() + "|" + e.order());
                    if (span[1] - span[0] > window.toMillis()) {
                        continue;
                    }
                }
                String key = e.platform() + "|" + e.eventId();
                List<WorkEvent> all = byId.get(key);
                boolean tight =
                        all.stream().allMatch(x -> x.worker().equals(e.worker()) && x.timeMillis() == e.timeMillis());
                if (!tight && !seen.add(key)) {
                    continue;
                }
            }
            out.append(rows.get(i).raw()).append('\n');
        }
        return out.toString();
    }

    private static List<String> brief(List<Finding> findings) {
        return findings.stream()
                .limit(8)
                .map(f -> f.rule() + " " + f.worker() + " " + f.date() + " " + f.value() + " " + f.evidence())
                .toList();
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioInTimeOrder() throws IOException {
        Path dir = Path.of(System.getProperty("gigrights.scenarios", "../scenarios"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".scenario")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(dir.relativize(file).toString(), () -> {
                    Scenario s = Scenario.read(file);
                    ScenarioRunner.Variant v =
                            ScenarioRunner.variants(s, Engine.STREAM).get(0);
                    var ref = ScenarioRunner.run(s, v.events(), v.format(), Engine.OBJECTS);
                    var stream = ScenarioRunner.run(s, v.events(), v.format(), Engine.STREAM);
                    assertThat(stream.findings()).isEqualTo(ref.findings());
                    assertThat(stream.summary()).isEqualTo(ref.summary());
                }));
    }

    @Test
    void aGeneratedCityAsTheGeneratorWritesIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CityGenerator(new CityGenerator.Options(400, 40, 5, LocalDate.of(2026, 4, 20), false)).write(out, n -> {});
        String csv = out.toString(StandardCharsets.UTF_8);
        Run ref = reference(csv);
        Run stream = streamed(csv, OrderedAudit.Bounds.defaults());
        assertThat(ref.result().findings()).hasSizeGreaterThan(500);
        assertSame(stream, ref);
    }

    /**
     * The stream keeps completed days only as far back as the longest holiday baseline of the pack:
     * a holiday seven weeks into the run, with the default baseline and with one platform's longer
     * own baseline, must find the same baseline days as the file audit.
     */
    @Test
    void holidayBaselinesReachBackExactlyAsFarAsThePackSays() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CityGenerator(new CityGenerator.Options(50, 62, 3, LocalDate.of(2026, 4, 20), false)).write(out, n -> {});
        String csv = out.toString(StandardCharsets.UTF_8);
        String platform = csv.lines().skip(1).findFirst().orElseThrow().split(",", -1)[1];
        RulePack longer = RulePack.chongqing()
                .withPlatformValue(
                        platform,
                        org.gigrights.rules.params.Param.HOLIDAY_BASELINE_DAYS,
                        LocalDate.of(2026, 6, 1),
                        new java.math.BigDecimal("45"));
        for (RulePack pack : List.of(RulePack.chongqing(), longer)) {
            Run ref = run(csv, (in, rejects) -> new Audit(pack, RuleSet.standard(), Clock.systemUTC())
                    .run(in, rejects, w -> {}, n -> {}));
            Run stream =
                    run(csv, (in, rejects) -> new OrderedAudit(pack, Clock.systemUTC(), OrderedAudit.Bounds.defaults())
                            .run(in, rejects, w -> {}, n -> {}));
            assertThat(ref.result().findings())
                    .anyMatch(f -> f.rule().equals("HOLIDAY_PAY") && f.date().equals(LocalDate.of(2026, 6, 19)));
            assertSame(stream, ref);
        }
        assertThat(Judge.keepDays(RulePack.chongqing())).isEqualTo(28);
        assertThat(Judge.keepDays(longer)).isEqualTo(45);
    }

    /**
     * Rows a few minutes out of order, as a feed that batches per platform sends them: each worker's
     * held ids then lie out of event order, which their compaction must respect.
     */
    @Test
    void aGeneratedCityWithRowsReversedInBlocks() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CityGenerator(new CityGenerator.Options(60, 20, 7, LocalDate.of(2026, 4, 20), false)).write(out, n -> {});
        String sorted = ScenarioRunner.timeOrdered(out.toString(StandardCharsets.UTF_8), Input.Format.CSV);
        List<String> lines = new ArrayList<>(sorted.lines().toList());
        // Blocks of rows within 30 minutes (at most 40 rows) are reversed: within the lateness of 1 h.
        int from = 1;
        while (from < lines.size()) {
            long first = epochMillis(lines.get(from));
            int to = from + 1;
            while (to < lines.size()
                    && to - from < 40
                    && first >= 0
                    && epochMillis(lines.get(to)) >= 0
                    && epochMillis(lines.get(to)) - first < 1_800_000) {
                to++;
            }
            java.util.Collections.reverse(lines.subList(from, to));
            from = to;
        }
        String csv = String.join("\n", lines) + "\n";
        Run ref = reference(csv);
        Run stream = streamed(csv, OrderedAudit.Bounds.defaults());
        assertThat(ref.result().findings()).hasSizeGreaterThan(50);
        assertThat(stream.rejects()).isEqualTo(ref.rejects());
        assertSame(stream, ref);
    }

    /** A row's event time, or -1 when it has none that parses. */
    private static long epochMillis(String csvLine) {
        String[] f = csvLine.split(",", -1);
        try {
            return java.time.OffsetDateTime.parse(f[5]).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Test
    void roughCitiesInTimeOrder() throws IOException {
        for (long seed : new long[] {3, 11, 29}) {
            String csv = withinBounds(
                    ScenarioRunner.timeOrdered(new RoughCity(seed).csv(150, 40), Input.Format.CSV), Duration.ofDays(3));
            Run ref = reference(csv);
            Run stream = streamed(
                    csv, new OrderedAudit.Bounds(Duration.ofDays(3), Duration.ofHours(1), Duration.ofHours(36)));
            assertThat(ref.result().findings()).hasSizeGreaterThan(500);
            assertSame(stream, ref);
        }
    }
}
