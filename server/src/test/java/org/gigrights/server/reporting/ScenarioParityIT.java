package org.gigrights.server.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gigrights.engine.ingest.RejectCode;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.engine.scenario.Scenario;
import org.gigrights.engine.scenario.ScenarioRunner;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.Severity;
import org.gigrights.server.SignedClient;
import org.gigrights.server.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every legal example in {@code scenarios/} posted through the signed API on a fresh schema gives
 * the findings, counts and rejects the scenario expects, as the in-process engine does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScenarioParityIT {
    private static final Pattern JSON_PLATFORM = Pattern.compile("\"platform\"\\s*:\\s*\"([^\"]*)\"");
    private static final List<String> API_COUNTS =
            List.of("rows_read", "accepted", "duplicates", "rejected", "findings");

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        r.add("gigrights.db.data-dir", () -> TestDatabase.fresh("parity"));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** One platform's part of a scenario's events, with the original line of each of its lines. */
    record Part(String platform, StringBuilder body, List<Long> lines) {}

    @Test
    void everyScenarioGivesTheSameFindingsThroughTheApi() throws Exception {
        Path dir = Path.of(System.getProperty("gigrights.scenarios", "../scenarios"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".scenario")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        Map<String, List<String>> failures = new LinkedHashMap<>();
        for (Path file : files) {
            Scenario s = Scenario.read(file);
            List<String> diffs = ScenarioRunner.differences(apiView(s), run(s), true);
            if (!diffs.isEmpty()) {
                failures.put(dir.relativize(file).toString(), diffs);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** The scenario with only the summary counts the API reports. */
    private static Scenario apiView(Scenario s) {
        Map<String, Long> summary = new LinkedHashMap<>(s.summary());
        summary.keySet().retainAll(API_COUNTS);
        return new Scenario(
                s.name(),
                s.description(),
                s.eventsFormat(),
                s.events(),
                s.findings(),
                summary,
                s.rejects(),
                s.options());
    }

    private ScenarioRunner.Outcome run(Scenario s) {
        jdbc.sql("TRUNCATE finding_history, finding, worker_day, batch_reject, batch, event, request_nonce,"
                        + " platform_param, complaint, account, platform CASCADE")
                .update();
        List<Part> parts = split(s);
        String end = s.option("period_end", null);
        int i = 0;
        for (Part p : parts) {
            i++;
            jdbc.sql("INSERT INTO platform (code, name, access_key, secret_key, period_end, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, now())")
                    .params(
                            p.platform(),
                            p.platform(),
                            "AK" + i,
                            "SK" + i,
                            end == null
                                    ? null
                                    : Timestamp.from(OffsetDateTime.parse(end).toInstant()))
                    .update();
        }
        for (String param : s.options().getOrDefault("platform_param", List.of())) {
            String[] f = param.split(",");
            jdbc.sql("INSERT INTO platform_param (platform, name, effective_from, value) VALUES (?, ?, ?, ?)")
                    .params(f[0].strip(), f[1].strip(), LocalDate.parse(f[2].strip()), new BigDecimal(f[3].strip()))
                    .update();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        API_COUNTS.forEach(k -> counts.put(k, 0L));
        List<Rejection> rejects = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        i = 0;
        for (Part p : parts) {
            i++;
            SignedClient client = new SignedClient(port, "AK" + i, "SK" + i);
            String type = s.eventsFormat().equals("jsonl") ? "application/x-ndjson" : "text/csv";
            SignedClient.Answer a =
                    client.post(type, p.body().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(a.status()).as(s.name() + " " + a.text()).isEqualTo(201);
            JsonNode b = a.body();
            counts.merge("rows_read", b.get("rowsRead").asLong(), Long::sum);
            counts.merge("accepted", b.get("accepted").asLong(), Long::sum);
            counts.merge("duplicates", b.get("duplicates").asLong(), Long::sum);
            counts.merge("rejected", b.get("rejected").asLong(), Long::sum);
            for (JsonNode r : b.get("rejects")) {
                long line = p.lines().get((int) r.get("line").asLong() - 1);
                rejects.add(new Rejection(
                        "api",
                        line,
                        RejectCode.valueOf(r.get("code").asString()),
                        r.get("detail").asString(),
                        r.get("raw").asString()));
            }
        }
        i = 0;
        for (Part p : parts) {
            i++;
            SignedClient.Answer a = new SignedClient(port, "AK" + i, "SK" + i).get("/api/v1/findings");
            assertThat(a.status()).isEqualTo(200);
            for (JsonNode f : a.body()) {
                List<String> evidence = new ArrayList<>();
                f.get("evidence").forEach(e -> evidence.add(e.asString()));
                findings.add(new Finding(
                        f.get("rule").asString(),
                        Severity.valueOf(f.get("severity").asString()),
                        f.get("platform").asString(),
                        f.get("worker").asString(),
                        LocalDate.parse(f.get("date").asString()),
                        new BigDecimal(f.get("value").asString()),
                        new BigDecimal(f.get("threshold").asString()),
                        f.get("citation").asString(),
                        f.get("message").asString(),
                        evidence,
                        Map.of()));
            }
        }
        counts.put("findings", (long) findings.size());
        return new ScenarioRunner.Outcome(findings, counts, rejects);
    }

    /**
     * Splits the events by platform (each platform reports only for itself). Files with quotes
     * are not split; a line whose platform cannot be read goes with the first platform.
     */
    static List<Part> split(Scenario s) {
        String[] lines = s.events().split("\n", -1);
        boolean csv = s.eventsFormat().equals("csv");
        int column = -1;
        int start = 0;
        if (csv) {
            String[] header = lines[0].split(",", -1);
            for (int c = 0; c < header.length; c++) {
                if (header[c].strip().replace("\uFEFF", "").equalsIgnoreCase("platform")) {
                    column = c;
                }
            }
            start = 1;
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        List<Integer> unknown = new ArrayList<>();
        List<String> platformOf = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String p = null;
            if (i >= start && !lines[i].isBlank()) {
                if (csv && column >= 0 && !lines[i].contains("\"")) {
                    String[] f = lines[i].split(",", -1);
                    p = column < f.length && !f[column].isBlank() ? f[column].strip() : null;
                } else if (!csv) {
                    Matcher m = JSON_PLATFORM.matcher(lines[i]);
                    p = m.find() ? m.group(1).strip() : null;
                }
            }
            platformOf.add(p);
            if (p != null) {
                parts.computeIfAbsent(p, k -> new Part(k, new StringBuilder(), new ArrayList<>()));
            } else if (i >= start) {
                unknown.add(i);
            }
        }
        if (parts.isEmpty()) {
            parts.put("P1", new Part("P1", new StringBuilder(), new ArrayList<>()));
        }
        boolean whole = parts.size() == 1 || s.events().contains("\"");
        String first = parts.keySet().iterator().next();
        if (whole) {
            Part only = parts.get(first);
            only.body().append(s.events());
            for (int i = 0; i < lines.length; i++) {
                only.lines().add((long) i + 1);
            }
            return List.of(only);
        }
        for (Part part : parts.values()) {
            if (csv) {
                part.body().append(lines[0]).append('\n');
                part.lines().add(1L);
            }
        }
        for (int i = start; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String p = platformOf.get(i) == null ? first : platformOf.get(i);
            Part part = parts.get(p);
            part.body().append(lines[i]).append('\n');
            part.lines().add((long) i + 1);
        }
        return new ArrayList<>(parts.values());
    }
}
