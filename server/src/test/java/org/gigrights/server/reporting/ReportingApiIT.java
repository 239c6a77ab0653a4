package org.gigrights.server.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.gigrights.server.SignedClient;
import org.gigrights.server.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The reporting API on a real (embedded) PostgreSQL: signatures, idempotency, rejects, corrections, scope. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gigrights.api.max-body-bytes=200000")
class ReportingApiIT {
    static final String HEADER = "event_id,platform,worker,type,time,order,amount,region,insured,reason\n";
    /** A 30-minute order paid 9.00: under the 21 CNY/h minimum (10.50). */
    static final String LOW_PAY = HEADER
            + "a1,PA,W1,ORDER_ACCEPT,2026-03-02T10:00:00+08:00,o1,,500107,,\n"
            + "c1,PA,W1,ORDER_COMPLETE,2026-03-02T10:30:00+08:00,o1,9.00,,true,\n";

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        r.add("gigrights.db.data-dir", () -> TestDatabase.fresh("api"));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    SignedClient a;
    SignedClient b;

    @BeforeEach
    void platforms() {
        jdbc.sql("TRUNCATE finding_history, finding, worker_day, batch_reject, batch, event, request_nonce,"
                        + " platform_param, complaint, account, platform CASCADE")
                .update();
        jdbc.sql("INSERT INTO platform (code, name, access_key, secret_key, created_at) VALUES"
                        + " ('PA', 'A', 'AK-A', 'SK-A', now()), ('PB', 'B', 'AK-B', 'SK-B', now())")
                .update();
        a = new SignedClient(port, "AK-A", "SK-A");
        b = new SignedClient(port, "AK-B", "SK-B");
    }

    @Test
    void aSignedBatchIsStoredAndItsFindingsComputed() {
        SignedClient.Answer r = a.postCsv(LOW_PAY + "bad,PA,W1,ORDER_COMPLETE,2026-03-02T10:30:00,o1,9.00,,true,\n");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().get("rowsRead").asLong()).isEqualTo(3);
        assertThat(r.body().get("accepted").asLong()).isEqualTo(2);
        assertThat(r.body().get("rejected").asLong()).isEqualTo(1);
        JsonNode reject = r.body().get("rejects").get(0);
        assertThat(reject.get("line").asLong()).isEqualTo(4);
        assertThat(reject.get("code").asString()).isEqualTo("NO_OFFSET");
        JsonNode findings = a.get("/api/v1/findings").body();
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).get("rule").asString()).isEqualTo("MIN_WAGE");
        assertThat(findings.get(0).get("value").asString()).isEqualTo("18.00");
    }

    @Test
    void reSendingABatchOrAnEventIsIdempotent() {
        SignedClient.Answer first = a.postCsv(LOW_PAY);
        SignedClient.Answer again = a.postCsv(LOW_PAY);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("replay").asBoolean()).isTrue();
        assertThat(again.body().get("batchId").asString())
                .isEqualTo(first.body().get("batchId").asString());
        SignedClient.Answer one =
                a.postCsv(HEADER + "c1,PA,W1,ORDER_COMPLETE,2026-03-02T10:30:00+08:00,o1,9.00,,true,\n");
        assertThat(one.status()).isEqualTo(201);
        assertThat(one.body().get("duplicates").asLong()).isEqualTo(1);
        assertThat(one.body().get("accepted").asLong()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM event").query(Long.class).single())
                .isEqualTo(2);
        assertThat(a.get("/api/v1/findings").body()).hasSize(1);
    }

    @Test
    void aCorrectionChangesTheFindingAndKeepsItsHistory() {
        a.postCsv(LOW_PAY);
        SignedClient.Answer fix =
                a.postCsv(HEADER + "c1,PA,W1,ORDER_COMPLETE,2026-03-02T10:30:00+08:00,o1,10.00,,true,\n");
        assertThat(fix.body().get("corrected").asLong()).isEqualTo(1);
        JsonNode f = a.get("/api/v1/findings").body().get(0);
        assertThat(f.get("value").asString()).isEqualTo("20.00");
        long id = f.get("id").asLong();
        assertThat(jdbc.sql("SELECT change FROM finding_history WHERE finding_id = ? ORDER BY at")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("FOUND", "CHANGED");
        SignedClient.Answer fix2 =
                a.postCsv(HEADER + "c1,PA,W1,ORDER_COMPLETE,2026-03-02T10:30:00+08:00,o1,10.50,,true,\n");
        assertThat(fix2.status()).as(fix2.text()).isEqualTo(201);
        assertThat(a.get("/api/v1/findings").body()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM event WHERE event_id = 'c1'")
                        .query(Long.class)
                        .single())
                .as("every version is kept as evidence")
                .isEqualTo(3);
    }

    @Test
    void signaturesAreChecked() {
        byte[] body = LOW_PAY.getBytes(StandardCharsets.UTF_8);
        long now = System.currentTimeMillis();
        String hash = ApiSignature.sha256Hex(body);
        assertThat(a.sendRaw("POST", "/api/v1/events", "text/csv", body, now, SignedClient.nonce(), hash, "wrong")
                        .body()
                        .get("code")
                        .asString())
                .isEqualTo("BAD_SIGNATURE");
        String nonce = SignedClient.nonce();
        assertThat(a.send("POST", "/api/v1/events", "text/csv", body, now, nonce)
                        .status())
                .isEqualTo(201);
        SignedClient.Answer replay = a.send("POST", "/api/v1/events", "text/csv", body, now, nonce);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.body().get("code").asString()).isEqualTo("REPLAYED_NONCE");
        SignedClient.Answer old =
                a.send("POST", "/api/v1/events", "text/csv", body, now - 6 * 60_000, SignedClient.nonce());
        assertThat(old.body().get("code").asString()).isEqualTo("CLOCK_SKEW");
        SignedClient.Answer tampered = a.sendRaw(
                "POST",
                "/api/v1/events",
                "text/csv",
                body,
                now,
                SignedClient.nonce(),
                ApiSignature.sha256Hex(new byte[1]),
                "SK-A");
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.body().get("code").asString()).isEqualTo("BODY_HASH_MISMATCH");
        assertThat(tampered.text()).contains("\"status\":400");
    }

    @Test
    void aPlatformReportsAndReadsOnlyForItself() {
        SignedClient.Answer r = a.postCsv(HEADER + "x1,PB,W1,ORDER_ACCEPT,2026-03-02T10:00:00+08:00,o1,,500107,,\n");
        assertThat(r.body().get("rejects").get(0).get("code").asString()).isEqualTo("FOREIGN_PLATFORM");
        String batch = a.postCsv(LOW_PAY).body().get("batchId").asString();
        assertThat(a.get("/api/v1/batches/" + batch).status()).isEqualTo(200);
        SignedClient.Answer other = b.get("/api/v1/batches/" + batch);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body().get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(b.get("/api/v1/findings").body()).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsRefusedClearly() {
        StringBuilder big = new StringBuilder(HEADER);
        for (int i = 0; big.length() < 250_000; i++) {
            big.append("e").append(i).append(",PA,W1,ONLINE,2026-03-02T10:00:00+08:00,,,,,\n");
        }
        SignedClient.Answer r = a.postCsv(big.toString());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body().get("code").asString()).isEqualTo("BODY_TOO_LARGE");
        assertThat(jdbc.sql("SELECT count(*) FROM batch").query(Long.class).single())
                .isZero();
    }
}
