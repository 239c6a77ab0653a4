package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gigrights.engine.fast.AuditRuns.assertSame;
import static org.gigrights.engine.fast.AuditRuns.fast;
import static org.gigrights.engine.fast.AuditRuns.reference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.gigrights.engine.fast.AuditRuns.Run;
import org.gigrights.engine.generate.CityGenerator;
import org.gigrights.engine.ingest.Input;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file written wholly in a form the fast parsers decline is kept by where each row's text lies,
 * and read again for evidence, duplicate checks and rejects: it must give the reference engine's
 * result, in memory and spilled, with long and short ids, re-sent and corrected rows, and rows
 * that follow a quote left open.
 */
@ExtendWith(RestoreSizes.class)
class DeclinedRowsTests {
    @TempDir
    Path tmp;

    private static List<String> city(boolean jsonl) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CityGenerator(new CityGenerator.Options(40, 14, 17, LocalDate.parse("2026-04-27"), jsonl))
                .write(out, n -> {});
        return new ArrayList<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n")));
    }

    private void assertSameInMemoryAndSpilled(String name, String text, Input.Format format, int... partitions)
            throws IOException {
        Path file = Files.writeString(tmp.resolve(name), text);
        Input in = new Input(name, () -> Files.newInputStream(file), format, false);
        Run expected = reference(in);
        assertThat(expected.result().ingest().duplicates()).isPositive();
        assertThat(expected.rejects()).anyMatch(r -> r.contains(" CONFLICT: "));
        assertThat(expected.result().findings()).hasSizeGreaterThan(20);
        Reading.chunk = 16 << 10;
        for (int p : partitions) {
            assertSame(expected, fast(in, p));
        }
        // Through the files' own reader as well: the ranges of a mapped file.
        Run mapped = fast(Input.file(file), -1);
        assertThat(mapped.rejects())
                .isEqualTo(expected.rejects().stream()
                        .map(r -> r.replace(name, file.toString()))
                        .toList());
        assertThat(mapped.result().findings()).isEqualTo(expected.result().findings());
    }

    /** Every third id made longer than the 16 bytes the columns keep of an id. */
    private static String longer(String id, int i) {
        return i % 3 == 0 ? id + "-resent-by-the-platform" : id;
    }

    @Test
    void csvWithEveryRowDeclinedGivesTheReferenceResult() throws IOException {
        assertSameInMemoryAndSpilled("declined.csv", declinedCsv(false), Input.Format.CSV, -1, 5);
        // Spilling refuses a quoted field across ranges (ADR 9): quotes left open only in memory.
        assertSameInMemoryAndSpilled("open.csv", declinedCsv(true), Input.Format.CSV, -1);
    }

    private static String declinedCsv(boolean openQuotes) throws IOException {
        List<String> lines = city(false);
        String header = lines.remove(0);
        Random r = new Random(7);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            f[0] = longer(f[0], i);
            // A tab after the last field: the standard reader trims it, the fast parser declines.
            String row = String.join(",", f) + "\t";
            out.add(row);
            if (r.nextInt(40) == 0) {
                // Re-sent as the plain form: a duplicate across the two paths.
                out.add(String.join(",", f));
            } else if (r.nextInt(40) == 0) {
                // Corrected with another amount or worker: a conflict, rejected with its text.
                f[2] = f[2] + "X";
                out.add(String.join(",", f) + "\t");
            }
        }
        Collections.shuffle(out, r);
        for (int i = 300; openQuotes && i < out.size(); i += 300) {
            // A quote left open for more than 100 lines: rejected, and the rows after it are read
            // again by themselves.
            out.add(i, "OPEN-" + i + ",\"unclosed,P");
        }
        return header + "\n" + String.join("\n", out) + "\n";
    }

    @Test
    void jsonLinesWithEveryRowDeclinedGiveTheReferenceResult() throws IOException {
        List<String> lines = city(true);
        Random r = new Random(8);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf("\",\"platform\"");
            line = line.substring(0, at) + (i % 3 == 0 ? "-resent-by-the-platform" : "") + line.substring(at);
            // An escaped letter: the standard reader reads it, the fast parser declines.
            String row = line.replace("\"worker\":\"W", "\"worker\":\"\\u0057");
            out.add(row);
            if (r.nextInt(40) == 0) {
                out.add(line);
            } else if (r.nextInt(40) == 0) {
                out.add(row.replace("\"worker\":\"", "\"worker\":\"X"));
            }
        }
        Collections.shuffle(out, r);
        assertSameInMemoryAndSpilled("declined.jsonl", String.join("\n", out) + "\n", Input.Format.JSONL, -1, 5);
    }
}
