package org.gigrights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the audit command end to end on the shipped sample. */
class AuditCommandIT {
    static final Path SAMPLE = Path.of("../examples/sample-fortnight.csv");

    @TempDir
    Path tmp;

    private static Map<String, Long> numbers(Path summary) throws IOException {
        Map<String, Long> out = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(summary.toFile())) {
            p.nextToken();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                if (t == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if (v == JsonToken.VALUE_NUMBER_INT) {
                        out.put(name, p.getLongValue());
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }
        return out;
    }

    @Test
    void writesAllFiveOutputsWithConsistentCounts() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(Main.run("audit", "--quiet", "--in", SAMPLE.toString(), "--out", out.toString()))
                .isZero();
        for (String f : List.of("findings.csv", "findings.jsonl", "summary.json", "rejects.csv", "report.html")) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        Map<String, Long> s = numbers(out.resolve("summary.json"));
        assertThat(s.get("rows_read")).isEqualTo(Files.readAllLines(SAMPLE).size() - 1L);
        assertThat(s.get("rows_read")).isEqualTo(s.get("accepted") + s.get("duplicates") + s.get("rejected"));
        List<String> findings = Files.readAllLines(out.resolve("findings.csv"));
        assertThat(findings.get(0)).isEqualTo("rule,severity,platform,worker,date,value,threshold,citation,message");
        assertThat(findings).hasSize((int) (s.get("findings") + 1));
        assertThat(Files.readAllLines(out.resolve("findings.jsonl")))
                .hasSize(s.get("findings").intValue());
        assertThat(Files.readAllLines(out.resolve("rejects.csv")))
                .hasSize(s.get("rejected").intValue() + 1);
        assertThat(s.get("worker_days_evaluated")).isPositive();
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains("平台用工合规审计报告", "REST_BREAK", "渝人社发〔2021〕38号");
    }

    @Test
    void theStreamingAuditOfAGeneratedCityWritesWhatTheFileAuditWrites() throws IOException {
        Path city = tmp.resolve("city.csv");
        assertThat(Main.run("generate", "--workers", "300", "--days", "20", "--seed", "9", "--out", city.toString()))
                .isZero();
        Path file = tmp.resolve("file");
        Path stream = tmp.resolve("stream");
        assertThat(Main.run("audit", "--quiet", "--in", city.toString(), "--out", file.toString()))
                .isZero();
        assertThat(Main.run(
                        "audit", "--quiet", "--engine", "stream", "--in", city.toString(), "--out", stream.toString()))
                .isZero();
        // The stream writes findings in the order it makes them: the same lines, in another order.
        for (String f : List.of("findings.csv", "findings.jsonl")) {
            List<String> a = new ArrayList<>(Files.readAllLines(file.resolve(f)));
            List<String> b = new ArrayList<>(Files.readAllLines(stream.resolve(f)));
            assertThat(a).hasSizeGreaterThan(100);
            Collections.sort(a);
            Collections.sort(b);
            assertThat(b).isEqualTo(a);
        }
        Map<String, Long> fs = numbers(file.resolve("summary.json"));
        fs.remove("started_at");
        assertThat(numbers(stream.resolve("summary.json"))).isEqualTo(fs);
        assertThat(Main.run(
                        "audit",
                        "--quiet",
                        "--engine",
                        "stream",
                        "--order-window",
                        "soon",
                        "--in",
                        city.toString(),
                        "--out",
                        stream.toString()))
                .isEqualTo(2);
    }

    @Test
    void shuffledSplitAndCompressedInputGivesTheSameFindings() throws IOException {
        Path a = tmp.resolve("a");
        Main.run("audit", "--quiet", "--in", SAMPLE.toString(), "--out", a.toString());
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE));
        String header = lines.remove(0);
        Collections.shuffle(lines, new Random(3));
        int half = lines.size() / 2;
        Path first = tmp.resolve("first.csv");
        Files.write(first, prepend(header, lines.subList(0, half)));
        Path second = tmp.resolve("second.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(second))) {
            o.write(String.join("\n", prepend(header, lines.subList(half, lines.size())))
                    .getBytes(StandardCharsets.UTF_8));
        }
        Path b = tmp.resolve("b");
        assertThat(Main.run(
                        "audit", "--quiet", "--in", first.toString(), "--in", second.toString(), "--out", b.toString()))
                .isZero();
        assertThat(Files.readAllLines(b.resolve("findings.csv")))
                .isEqualTo(Files.readAllLines(a.resolve("findings.csv")));
        assertThat(Files.readAllLines(b.resolve("findings.jsonl")))
                .isEqualTo(Files.readAllLines(a.resolve("findings.jsonl")));
    }

    private static List<String> prepend(String header, List<String> rows) {
        List<String> out = new ArrayList<>();
        out.add(header);
        out.addAll(rows);
        return out;
    }

    @Test
    void allThreeEnginesWriteTheSameFiles() throws IOException {
        Path city = tmp.resolve("city.csv");
        assertThat(Main.run(
                        "generate",
                        "--quiet",
                        "--workers",
                        "80",
                        "--days",
                        "20",
                        "--seed",
                        "4",
                        "--out",
                        city.toString()))
                .isZero();
        Path columns = tmp.resolve("columns");
        Path objects = tmp.resolve("objects");
        Path spilled = tmp.resolve("spilled");
        Main.run("audit", "--quiet", "--in", city.toString(), "--out", columns.toString());
        Main.run("audit", "--quiet", "--engine", "objects", "--in", city.toString(), "--out", objects.toString());
        Main.run("audit", "--quiet", "--spill", "5", "--in", city.toString(), "--out", spilled.toString());
        for (String f : List.of("findings.csv", "findings.jsonl", "rejects.csv")) {
            List<String> expected = Files.readAllLines(objects.resolve(f));
            assertThat(Files.readAllLines(columns.resolve(f))).as(f).isEqualTo(expected);
            assertThat(Files.readAllLines(spilled.resolve(f))).as(f).isEqualTo(expected);
        }
        assertThat(Files.readAllLines(objects.resolve("findings.csv"))).hasSizeGreaterThan(10);
    }

    @Test
    void aRoughCityIsDeterministicAndRejectsItsSpoiledRows() throws IOException {
        Path a = tmp.resolve("rough-a.csv");
        Path b = tmp.resolve("rough-b.csv");
        for (Path p : List.of(a, b)) {
            assertThat(Main.run(
                            "generate",
                            "--quiet",
                            "--rough",
                            "--workers",
                            "40",
                            "--days",
                            "20",
                            "--seed",
                            "3",
                            "--out",
                            p.toString()))
                    .isZero();
        }
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        Path out = tmp.resolve("rough-out");
        assertThat(Main.run("audit", "--quiet", "--in", a.toString(), "--out", out.toString()))
                .isZero();
        String summary = Files.readString(out.resolve("summary.json"));
        for (String code :
                List.of("MISSING_FIELD", "UNKNOWN_TYPE", "BAD_TIME", "NO_OFFSET", "BAD_AMOUNT", "CONFLICT")) {
            assertThat(summary).contains("\"" + code + "\"");
        }
        assertThat(Main.run("generate", "--rough", "--workers", "10000", "--days", "30", "--out", a.toString()))
                .isEqualTo(2);
        assertThat(Main.run(
                        "generate",
                        "--rough",
                        "--format",
                        "jsonl",
                        "--workers",
                        "4",
                        "--days",
                        "2",
                        "--out",
                        a.toString()))
                .isEqualTo(2);
    }

    @Test
    void missingInputIsExitOneAndBadUsageExitTwo() {
        assertThat(Main.run("audit", "--in", tmp.resolve("nope.csv").toString(), "--out", tmp.toString()))
                .isEqualTo(1);
        assertThat(Main.run("audit", "--out", tmp.toString())).isEqualTo(2);
        assertThat(Main.run("audit", "--in", SAMPLE.toString(), "--out", tmp.toString(), "--period-end", "soon"))
                .isEqualTo(2);
    }

    @Test
    void aFileWhoseFormatCannotBeToldIsAUsageError() throws IOException {
        Path txt = Files.writeString(tmp.resolve("data.txt"), "x");
        assertThat(Main.run(
                        "audit",
                        "--in",
                        txt.toString(),
                        "--out",
                        tmp.resolve("o").toString()))
                .isEqualTo(2);
    }
}
