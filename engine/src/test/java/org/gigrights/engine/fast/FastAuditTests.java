package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.gigrights.engine.audit.Audit;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.generate.CityGenerator;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.params.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The columns engine must give exactly what the reference engine gives, however the input comes. */
@ExtendWith(RestoreSizes.class)
class FastAuditTests {
    @TempDir
    Path tmp;

    private static String city(int workers, int days, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CityGenerator(new CityGenerator.Options(workers, days, seed, LocalDate.parse("2026-04-20"), false))
                .write(out, n -> {});
        return out.toString(StandardCharsets.UTF_8);
    }

    private record Run(AuditResult result, List<String> rejects) {}

    private static Run reference(String csv) throws IOException {
        byte[] b = csv.getBytes(StandardCharsets.UTF_8);
        List<String> rejects = new ArrayList<>();
        AuditResult r = new Audit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC())
                .run(
                        List.of(new Input("city.csv", () -> new ByteArrayInputStream(b), Input.Format.CSV, false)),
                        x -> rejects.add(describe(x)),
                        w -> {},
                        n -> {});
        return new Run(r, rejects);
    }

    private static Run fast(List<Input> inputs) throws IOException {
        return fast(inputs, -1);
    }

    private static Run fast(List<Input> inputs, int partitions) throws IOException {
        List<String> rejects = new ArrayList<>();
        AuditResult r = new FastAudit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC(), 2)
                .spill(partitions)
                .run(inputs, x -> rejects.add(describe(x)), w -> {}, n -> {});
        return new Run(r, rejects);
    }

    @Test
    void spillingToDiskPartitionsGivesTheReferenceResult() throws IOException {
        List<String> lines = new ArrayList<>(List.of(city(120, 35, 21).split("\n")));
        String header = lines.remove(0);
        Collections.shuffle(lines, new Random(5));
        // Re-sent rows and one corrected row that changes the worker: a conflict across partitions.
        lines.add(lines.get(10));
        lines.add(lines.get(20));
        String[] f = lines.get(30).split(",", -1);
        f[2] = f[2] + "X";
        lines.add(String.join(",", f));
        String csv = header + "\n" + String.join("\n", lines) + "\n";
        Path file = Files.writeString(tmp.resolve("spill.csv"), csv);
        Reading.chunk = 64 << 10;
        Run ref = reference(csv);
        assertThat(ref.result().ingest().rejected()).isGreaterThanOrEqualTo(2);
        assertSame(ref, fast(List.of(Input.file(file)), 7));
    }

    private static String describe(Rejection r) {
        return r.line() + ":" + r.reason() + ":" + r.raw();
    }

    private static void assertSame(Run expected, Run actual) {
        assertThat(actual.result().findings()).isEqualTo(expected.result().findings());
        assertThat(actual.rejects()).isEqualTo(expected.rejects());
        assertThat(actual.result().ingest().accepted())
                .isEqualTo(expected.result().ingest().accepted());
        assertThat(actual.result().ingest().duplicates())
                .isEqualTo(expected.result().ingest().duplicates());
        assertThat(actual.result().ingest().rowsRead())
                .isEqualTo(expected.result().ingest().rowsRead());
        assertThat(actual.result().counters().asMap())
                .isEqualTo(expected.result().counters().asMap());
        assertThat(actual.result().periodEnd()).isEqualTo(expected.result().periodEnd());
    }

    @Test
    void aMappedFileSplitIntoManyRangesGivesTheReferenceResult() throws IOException {
        String csv = city(150, 40, 5);
        Path file = Files.writeString(tmp.resolve("city.csv"), csv);
        Reading.chunk = 64 << 10;
        assertSame(reference(csv), fast(List.of(Input.file(file))));
    }

    @Test
    void rowsBeyondTheirRangesEstimateGiveTheReferenceResult() throws IOException {
        List<String> lines = new ArrayList<>(List.of(city(150, 40, 9).split("\n")));
        String header = lines.remove(0);
        // Long ids in the first MiB: a range's estimate of its rows from it is far too low, and its
        // columns grow as it goes on.
        for (int i = 0; i < 3_000; i++) {
            String[] f = lines.get(i).split(",", -1);
            f[0] = f[0] + "-" + "x".repeat(400);
            lines.set(i, String.join(",", f));
        }
        String csv = header + "\n" + String.join("\n", lines) + "\n";
        Path file = Files.writeString(tmp.resolve("estimate.csv"), csv);
        assertThat(csv.length()).isGreaterThan(4 << 20);
        assertSame(reference(csv), fast(List.of(Input.file(file))));
    }

    @Test
    void shuffledRowsWithQuotedMultiLineFieldsAcrossRanges() throws IOException {
        List<String> lines = new ArrayList<>(List.of(city(60, 20, 8).split("\n")));
        String header = lines.remove(0);
        Collections.shuffle(lines, new Random(11));
        // Quote some worker ids, and give some rows a person key that spans two lines.
        for (int i = 0; i < lines.size(); i += 97) {
            String[] f = lines.get(i).split(",", -1);
            f[2] = "\"" + f[2] + "\"";
            if (i % 2 == 0) {
                f[3] = "\"multi\nline\"";
            }
            lines.set(i, String.join(",", f));
        }
        String csv = header + "\n" + String.join("\n", lines) + "\n";
        Path file = Files.writeString(tmp.resolve("quoted.csv"), csv);
        Reading.chunk = 16 << 10;
        // The file is parsed whole, then cut into segments of 512 rows.
        Rows.segmentBits = 9;
        assertSame(reference(csv), fast(List.of(Input.file(file))));
    }

    @Test
    void aFileWithEveryFieldQuotedIsReadInRangesWithTheReferenceResult() throws IOException {
        List<String> lines = new ArrayList<>(List.of(city(60, 20, 12).split("\n")));
        Random r = new Random(5);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            for (int k = 0; k < f.length; k++) {
                f[k] = "\"" + f[k] + "\"";
            }
            // Now and then a quoted field the fast path leaves to the standard reader.
            if (i > 0 && r.nextInt(50) == 0) {
                f[3] = List.of("\"p\"\"1\"", "\"p,1\"", "\"p\"1", "\"p\n1\"").get(r.nextInt(4));
            }
            lines.set(i, String.join(",", f) + (r.nextInt(10) == 0 ? "\r" : ""));
        }
        String csv = String.join("\n", lines) + "\n";
        Path file = Files.writeString(tmp.resolve("all-quoted.csv"), csv);
        Reading.chunk = 16 << 10;
        assertSame(reference(csv), fast(List.of(Input.file(file))));
    }

    @Test
    void aHeaderAndFieldsQuotedAfterSpacesAreReadInRangesWithTheReferenceResult() throws IOException {
        List<String> lines = new ArrayList<>(List.of(city(60, 20, 13).split("\n")));
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            for (int k = 0; k < f.length; k++) {
                f[k] = "\"" + f[k] + "\"";
            }
            lines.set(i, String.join(i % 7 == 0 ? " , " : ", ", f) + (i % 5 == 0 ? " " : ""));
        }
        String csv = String.join("\n", lines) + "\n";
        Path file = Files.writeString(tmp.resolve("spaced.csv"), csv);
        Reading.chunk = 16 << 10;
        Run expected = reference(csv);
        assertSame(expected, fast(List.of(Input.file(file))));
        assertSame(expected, fast(List.of(Input.file(file)), 5));
    }

    @Test
    void eventIdsSharingTheirFirstEightBytesOrderTiesAsTheReferenceDoes() throws IOException {
        List<String> lines = new ArrayList<>(List.of(city(60, 12, 4).split("\n")));
        String header = lines.remove(0);
        Random r = new Random(3);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            // Same first 8 bytes for every id, and ids of 8 bytes or fewer next to longer ones.
            f[0] = r.nextInt(3) == 0 ? f[0].substring(0, Math.min(8, f[0].length())) + i : "EVENTID-" + f[0];
            lines.set(i, String.join(",", f));
        }
        Collections.shuffle(lines, r);
        String csv = header + "\n" + String.join("\n", lines) + "\n";
        Path file = Files.writeString(tmp.resolve("ids.csv"), csv);
        assertSame(reference(csv), fast(List.of(Input.file(file))));
    }

    @Test
    void compressedInputIsReadInBlocks() throws IOException {
        String csv = city(40, 15, 3);
        Path gz = tmp.resolve("city.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        Run fast = fast(List.of(Input.file(gz)));
        Run ref = reference(csv);
        long limit = Source.inMemoryLimit;
        try {
            // Larger than the in-memory limit: spooled to a temporary file and mapped.
            Source.inMemoryLimit = 10_000;
            Run spooled = fast(List.of(Input.file(gz)));
            assertThat(spooled.result().findings()).isEqualTo(ref.result().findings());
        } finally {
            Source.inMemoryLimit = limit;
        }
        assertThat(fast.result().findings()).isEqualTo(ref.result().findings());
        assertThat(fast.result().ingest().rejected())
                .isEqualTo(ref.result().ingest().rejected());
    }

    @Test
    void aFailedSpoolSaysWhereAndWhatToDo() throws IOException {
        byte[] head = city(40, 15, 3).getBytes(StandardCharsets.UTF_8);
        // A stream that breaks after its first 20,000 bytes, as a full disk or a broken pipe would.
        Input broken = new Input(
                "-",
                () -> new java.io.SequenceInputStream(
                        new java.io.ByteArrayInputStream(head, 0, 20_000), new java.io.InputStream() {
                            @Override
                            public int read() throws IOException {
                                throw new IOException("No space left on device");
                            }
                        }),
                Input.Format.CSV,
                false);
        long limit = Source.inMemoryLimit;
        try {
            Source.inMemoryLimit = 10_000;
            assertThatThrownBy(() -> fast(List.of(broken)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("- is larger than 0 MiB and is copied to")
                    .hasMessageContaining("No space left on device")
                    .hasMessageContaining("java.io.tmpdir");
        } finally {
            Source.inMemoryLimit = limit;
        }
    }
}
