package org.gigrights.server.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.fast.FastAudit;
import org.gigrights.engine.generate.RoughCity;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.scenario.CsvToJsonl;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.params.RulePack;
import org.gigrights.server.SignedClient;
import org.gigrights.server.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A rough random city (edges, broken orders, spoiled and re-sent rows, shuffled) reported through
 * the signed API in batches, as CSV or as JSON Lines, gives the same findings — values, thresholds,
 * evidence — and counts as the command-line audit of the same rows in one CSV file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoughCityParityIT {
    private static final int BATCH = 5_000;

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        r.add("gigrights.db.data-dir", () -> TestDatabase.fresh("rough"));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void batchesThroughTheApiGiveWhatOneFileGives() throws Exception {
        check(false);
    }

    @Test
    void jsonLinesBatchesGiveWhatOneFileGives() throws Exception {
        check(true);
    }

    private void check(boolean jsonLines) throws Exception {
        jdbc.sql("TRUNCATE finding_history, finding, worker_day, batch_reject, batch, event, request_nonce,"
                        + " platform_param, complaint, account, platform CASCADE")
                .update();
        String csv = new RoughCity(11).withoutConflicts().csv(60, 45);
        Path file = dir.resolve("rough.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        AuditResult audit = new FastAudit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC(), 2)
                .run(List.of(Input.file(file)), r -> {}, w -> {}, n -> {});

        Map<String, Long> counts = report(csv, jsonLines);

        assertThat(counts)
                .containsEntry("rows_read", audit.ingest().rowsRead())
                .containsEntry("accepted", audit.ingest().accepted())
                .containsEntry("duplicates", audit.ingest().duplicates())
                .containsEntry("rejected", audit.ingest().rejected());
        assertThat(audit.ingest().rejected()).isPositive();
        assertThat(audit.ingest().duplicates()).isPositive();
        List<String> expected = new ArrayList<>();
        for (Finding f : audit.findings()) {
            expected.add(line(
                    f.rule(),
                    f.platform(),
                    f.worker(),
                    f.date().toString(),
                    f.value().toPlainString(),
                    f.threshold().toPlainString(),
                    f.evidence()));
        }
        assertThat(expected.stream().map(l -> l.substring(0, l.indexOf(','))).distinct())
                .hasSize(7);
        assertThat(serviceFindings()).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Posts each platform's rows in batches, in file order; returns the receipts' counts summed. */
    private Map<String, Long> report(String csv, boolean jsonLines) {
        jdbc.sql("INSERT INTO platform (code, name, access_key, secret_key, created_at) VALUES"
                        + " ('P1', 'P1', 'AK1', 'SK1', now()), ('P2', 'P2', 'AK2', 'SK2', now())")
                .update();
        List<String> lines = csv.lines().toList();
        String header = lines.get(0);
        Map<String, List<String>> byPlatform = new LinkedHashMap<>();
        byPlatform.put("P1", new ArrayList<>());
        byPlatform.put("P2", new ArrayList<>());
        for (String line : lines.subList(1, lines.size())) {
            // A row without a platform goes with the first one, which rejects it as the file does.
            String p = line.split(",", -1)[1];
            byPlatform.getOrDefault(p, byPlatform.get("P1")).add(line);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<String, List<String>> e : byPlatform.entrySet()) {
            k++;
            SignedClient client = new SignedClient(port, "AK" + k, "SK" + k);
            List<String> rows = e.getValue();
            for (int from = 0; from < rows.size(); from += BATCH) {
                String body = header + "\n" + String.join("\n", rows.subList(from, Math.min(rows.size(), from + BATCH)))
                        + "\n";
                SignedClient.Answer a = jsonLines
                        ? client.post(
                                "application/x-ndjson", CsvToJsonl.convert(body).getBytes(StandardCharsets.UTF_8))
                        : client.postCsv(body);
                assertThat(a.status()).as(a.text()).isEqualTo(201);
                JsonNode b = a.body();
                counts.merge("rows_read", b.get("rowsRead").asLong(), Long::sum);
                counts.merge("accepted", b.get("accepted").asLong(), Long::sum);
                counts.merge("duplicates", b.get("duplicates").asLong(), Long::sum);
                counts.merge("rejected", b.get("rejected").asLong(), Long::sum);
            }
        }
        return counts;
    }

    private List<String> serviceFindings() {
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            SignedClient.Answer a = new SignedClient(port, "AK" + k, "SK" + k).get("/api/v1/findings");
            assertThat(a.status()).isEqualTo(200);
            for (JsonNode f : a.body()) {
                List<String> evidence = new ArrayList<>();
                f.get("evidence").forEach(e -> evidence.add(e.asString()));
                out.add(line(
                        f.get("rule").asString(),
                        f.get("platform").asString(),
                        f.get("worker").asString(),
                        f.get("date").asString(),
                        new java.math.BigDecimal(f.get("value").asString()).toPlainString(),
                        new java.math.BigDecimal(f.get("threshold").asString()).toPlainString(),
                        evidence));
            }
        }
        return out;
    }

    private static String line(
            String rule,
            String platform,
            String worker,
            String date,
            String value,
            String threshold,
            List<String> evidence) {
        List<String> ids = new ArrayList<>(evidence);
        ids.sort(null);
        // Values as numbers: 12.5 and 12.50 are the same amount, however a side writes it.
        return String.join(",", rule, platform, worker, date, number(value), number(threshold), String.join(" ", ids));
    }

    private static String number(String s) {
        return new java.math.BigDecimal(s).stripTrailingZeros().toPlainString();
    }
}
