package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.gigrights.engine.audit.Audit;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.ingest.Input;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.params.RulePack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test for JSON Lines: a generated city's lines are damaged the ways JSON goes wrong
 * or merely looks different (spaces, escapes, numbers and booleans, null, unknown or repeated
 * keys, line breaks of every kind, stray bytes), and the columns engine, reading the file in small
 * ranges, must accept, reject, warn and find exactly what the reference engine does.
 */
class MutatedJsonInputTests {
    @TempDir
    Path tmp;

    private final int defaultChunk = Reading.chunk;

    @AfterEach
    void restore() {
        Reading.chunk = defaultChunk;
    }

    private record Run(AuditResult result, List<String> rejects) {}

    private static Run reference(byte[] jsonl) throws IOException {
        List<String> rejects = new ArrayList<>();
        Input in = new Input("m.jsonl", () -> new ByteArrayInputStream(jsonl), Input.Format.JSONL, false);
        AuditResult r = new Audit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC())
                .run(List.of(in), x -> rejects.add(x.line() + " " + x.reason() + " " + x.raw()), w -> {}, n -> {});
        return new Run(r, rejects);
    }

    private static Run fast(Input in) throws IOException {
        List<String> rejects = new ArrayList<>();
        AuditResult r = new FastAudit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC(), 2)
                .run(List.of(in), x -> rejects.add(x.line() + " " + x.reason() + " " + x.raw()), w -> {}, n -> {});
        return new Run(r, rejects);
    }

    private static void assertSame(Run expected, Run actual) {
        assertThat(actual.rejects()).isEqualTo(expected.rejects());
        assertThat(actual.result().findings()).isEqualTo(expected.result().findings());
        assertThat(actual.result().ingest().rowsRead())
                .isEqualTo(expected.result().ingest().rowsRead());
        assertThat(actual.result().ingest().accepted())
                .isEqualTo(expected.result().ingest().accepted());
        assertThat(actual.result().ingest().duplicates())
                .isEqualTo(expected.result().ingest().duplicates());
        assertThat(actual.result().counters().asMap())
                .isEqualTo(expected.result().counters().asMap());
        assertThat(actual.result().warnings()).isEqualTo(expected.result().warnings());
    }

    @ParameterizedTest
    @ValueSource(longs = {2026, 1, 2, 3, 4, 5})
    void theColumnsEngineReadsDamagedJsonLinesAsTheReferenceDoes(long seed) throws IOException {
        List<String> lines = JsonDamage.damagedCity(seed);
        byte[] jsonl = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        Run expected = reference(jsonl);
        assertThat(expected.rejects()).hasSizeGreaterThan(20);
        Path file = Files.write(tmp.resolve("m.jsonl"), jsonl);
        Reading.chunk = 8 << 10;
        assertSame(expected, fast(new Input("m.jsonl", () -> Files.newInputStream(file), Input.Format.JSONL, false)));
        assertSame(
                expected, fast(new Input("m.jsonl", () -> new ByteArrayInputStream(jsonl), Input.Format.JSONL, false)));
    }

    @Test
    void aByteOrderMarkAtTheStartAndNoLineFeedAtTheEndAreReadAsTheReferenceDoes() throws IOException {
        List<String> lines = JsonDamage.city();
        String text = "\uFEFF" + String.join("\r\n", lines);
        byte[] jsonl = text.getBytes(StandardCharsets.UTF_8);
        Run expected = reference(jsonl);
        Reading.chunk = 8 << 10;
        Run actual = fast(new Input("m.jsonl", () -> new ByteArrayInputStream(jsonl), Input.Format.JSONL, false));
        assertSame(expected, actual);
        assertThat(actual.result().ingest().rowsRead()).isEqualTo(lines.size());
    }
}
