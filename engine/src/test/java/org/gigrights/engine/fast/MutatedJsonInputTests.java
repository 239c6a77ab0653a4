package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gigrights.engine.audit.Audit;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.generate.CityGenerator;
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
    private static final String[] MUTATIONS = {
        "space-after-colon",
        "escaped-worker",
        "number-amount",
        "bool-insured",
        "null-person",
        "empty-person",
        "unknown-key",
        "upper-key",
        "repeated-key",
        "drop-key",
        "crlf",
        "lone-cr",
        "cr-inside",
        "blank",
        "spaces-line",
        "trailing-garbage",
        "not-object",
        "nested",
        "bom",
        "duplicate",
        "conflict",
        "unicode-worker",
        "odd-byte"
    };

    /** Bytes the JSON scanner must notice wherever they fall. */
    private static final String[] ODD = {" ", "\t", "\"", "\\", "\r", ",", ":", "{", "}", "é", "\u007f", "x"};

    @TempDir
    Path tmp;

    private final int defaultChunk = Reading.chunk;

    @AfterEach
    void restore() {
        Reading.chunk = defaultChunk;
    }

    private static List<String> city() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CityGenerator(new CityGenerator.Options(25, 12, 99, LocalDate.parse("2026-04-25"), true))
                .write(out, n -> {});
        return new ArrayList<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n")));
    }

    private static String mutate(List<String> lines, int i, String kind, Random r, List<String> extra) {
        String line = lines.get(i);
        return switch (kind) {
            case "space-after-colon" -> line.replace("\":\"", "\": \"");
            case "escaped-worker" -> line.replace("\"worker\":\"W", "\"worker\":\"\\u0057");
            case "number-amount" -> line.replaceAll("\"amount\":\"([0-9.]+)\"", "\"amount\":$1");
            case "bool-insured" -> line.replaceAll("\"insured\":\"(true|false)\"", "\"insured\":$1");
            case "null-person" -> line.replace("{", "{\"person\":null,");
            case "empty-person" -> line.replace("{", "{\"person\":\"\",");
            case "unknown-key" -> line.replace("{", "{\"note\":\"n" + r.nextInt(3) + "\",");
            case "upper-key" -> line.replace("\"type\"", "\"Type\"");
            case "repeated-key" -> line.replace("}", ",\"type\":\"ONLINE\"}");
            case "drop-key" -> line.replaceFirst(",\"time\":\"[^\"]*\"", "");
            case "crlf" -> line + "\r";
            case "lone-cr" -> line + "\r" + (i + 1 < lines.size() ? lines.get(i + 1) : "");
            case "cr-inside" -> line.substring(0, line.length() / 2) + "\r" + line.substring(line.length() / 2);
            case "blank" -> {
                extra.add("");
                yield line;
            }
            case "spaces-line" -> {
                extra.add("   ");
                yield line;
            }
            case "trailing-garbage" -> line + " x";
            case "not-object" -> "[" + line + "]";
            case "nested" -> line.replace("{", "{\"person\":{\"a\":1},");
            case "bom" -> "\uFEFF" + line;
            case "duplicate" -> {
                extra.add(line);
                yield line;
            }
            case "conflict" -> {
                extra.add(line.replace(":0", ":1"));
                yield line;
            }
            case "unicode-worker" -> line.replace("\"worker\":\"W", "\"worker\":\"骑手W");
            case "odd-byte" -> {
                int at = r.nextInt(line.length() + 1);
                yield line.substring(0, at) + ODD[r.nextInt(ODD.length)] + line.substring(at);
            }
            default -> throw new IllegalArgumentException(kind);
        };
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
        List<String> lines = city();
        Random r = new Random(seed);
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (r.nextInt(30) == 0) {
                lines.set(i, mutate(lines, i, MUTATIONS[r.nextInt(MUTATIONS.length)], r, extra));
            }
        }
        lines.addAll(extra);
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
        List<String> lines = city();
        String text = "\uFEFF" + String.join("\r\n", lines);
        byte[] jsonl = text.getBytes(StandardCharsets.UTF_8);
        Run expected = reference(jsonl);
        Reading.chunk = 8 << 10;
        Run actual = fast(new Input("m.jsonl", () -> new ByteArrayInputStream(jsonl), Input.Format.JSONL, false));
        assertSame(expected, actual);
        assertThat(actual.result().ingest().rowsRead()).isEqualTo(lines.size());
    }
}
