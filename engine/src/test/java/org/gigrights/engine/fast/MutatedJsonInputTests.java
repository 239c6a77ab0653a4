package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gigrights.engine.fast.AuditRuns.assertSame;
import static org.gigrights.engine.fast.AuditRuns.fast;
import static org.gigrights.engine.fast.AuditRuns.reference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gigrights.engine.fast.AuditRuns.Run;
import org.gigrights.engine.ingest.Input;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test for JSON Lines: a generated city's lines are damaged the ways JSON goes wrong
 * or merely looks different (spaces, escapes, numbers and booleans, null, unknown or repeated
 * keys, line breaks of every kind, stray bytes), and the columns engine, reading the file in small
 * ranges, must accept, reject, warn and find exactly what the reference engine does.
 */
@ExtendWith(RestoreSizes.class)
class MutatedJsonInputTests {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(longs = {2026, 1, 2, 3, 4, 5})
    void theColumnsEngineReadsDamagedJsonLinesAsTheReferenceDoes(long seed) throws IOException {
        List<String> lines = JsonDamage.damagedCity(seed);
        byte[] jsonl = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        Run expected =
                reference(new Input("m.jsonl", () -> new ByteArrayInputStream(jsonl), Input.Format.JSONL, false));
        assertThat(expected.rejects()).hasSizeGreaterThan(20);
        Path file = Files.write(tmp.resolve("m.jsonl"), jsonl);
        Reading.chunk = 8 << 10;
        assertSame(
                expected, fast(new Input("m.jsonl", () -> Files.newInputStream(file), Input.Format.JSONL, false), -1));
        assertSame(
                expected,
                fast(new Input("m.jsonl", () -> new ByteArrayInputStream(jsonl), Input.Format.JSONL, false), -1));
    }

    @Test
    void aByteOrderMarkAtTheStartAndNoLineFeedAtTheEndAreReadAsTheReferenceDoes() throws IOException {
        List<String> lines = JsonDamage.city();
        String text = "\uFEFF" + String.join("\r\n", lines);
        byte[] jsonl = text.getBytes(StandardCharsets.UTF_8);
        Run expected =
                reference(new Input("m.jsonl", () -> new ByteArrayInputStream(jsonl), Input.Format.JSONL, false));
        Reading.chunk = 8 << 10;
        Run actual = fast(new Input("m.jsonl", () -> new ByteArrayInputStream(jsonl), Input.Format.JSONL, false), -1);
        assertSame(expected, actual);
        assertThat(actual.result().ingest().rowsRead()).isEqualTo(lines.size());
    }
}
