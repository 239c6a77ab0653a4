package org.gigrights.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class IngestTests {
    private static final String HEADER = "event_id,platform,worker,type,time,amount\n";
    private final List<Rejection> rejects = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Ingest ingest = new Ingest(rejects::add, warnings::add, n -> {});

    private static Input csv(String name, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new Input(name, () -> new ByteArrayInputStream(b), Input.Format.CSV, false);
    }

    @Test
    void conflictsAcrossFilesRejectEveryRowOfTheKey() throws IOException {
        ingest.read(csv("a.csv", HEADER + "e1,P1,W1,PAYOUT,2026-05-01T08:00:00+08:00,10\n"));
        ingest.read(
                csv(
                        "b.csv",
                        HEADER + "e1,P1,W1,PAYOUT,2026-05-01T08:00:00+08:00,10.00\n"
                                + "e1,P1,W1,PAYOUT,2026-05-01T08:00:00+08:00,11\ne2,P1,W1,PAYOUT,2026-05-01T08:00:00+08:00,1\n"));
        var accepted = ingest.finish();
        assertThat(accepted.get("P1").get("W1")).extracting("eventId").containsExactly("e2");
        assertThat(rejects)
                .extracting(r -> r.file() + ":" + r.line() + ":" + r.code())
                .containsExactly("a.csv:2:CONFLICT", "b.csv:2:CONFLICT", "b.csv:3:CONFLICT");
        IngestStats s = ingest.stats();
        assertThat(s.rowsRead())
                .isEqualTo(s.accepted() + s.duplicates() + s.rejected())
                .isEqualTo(4);
    }

    @Test
    void theSameIdOnTwoPlatformsIsTwoEvents() throws IOException {
        ingest.read(csv(
                "a.csv",
                HEADER + "e1,P1,W1,ONLINE,2026-05-01T08:00:00+08:00,\n"
                        + "e1,P2,W1,ONLINE,2026-05-01T08:00:00+08:00,\n"));
        ingest.finish();
        assertThat(ingest.stats().accepted()).isEqualTo(2);
    }

    @Test
    void quotedFieldsLineBreaksBomAndCrlf() throws IOException {
        ingest.read(csv(
                "q.csv",
                "\uFEFFevent_id,platform,worker,type,time,note\r\n"
                        + "\"e,1\",P1,W1,ONLINE,2026-05-01T08:00:00+08:00,\"two\nlines\"\r\n"
                        + "\r\n"
                        + "e2,P1,W1,ONLINE,2026-05-01T08:00:00+08:00,\"say \"\"hi\"\"\"\r\n"
                        + "e3,P1,W1,ONLINE\r\n"));
        var accepted = ingest.finish();
        assertThat(accepted.get("P1").get("W1")).extracting("eventId").containsExactlyInAnyOrder("e,1", "e2");
        assertThat(rejects).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(6);
            assertThat(r.code()).isEqualTo(RejectCode.BAD_ROW);
            assertThat(r.raw()).isEqualTo("e3,P1,W1,ONLINE");
        });
        assertThat(warnings).singleElement().asString().contains("note");
    }

    @Test
    void gzipIsRecognisedByItsBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write((HEADER + "e1,P1,W1,ONLINE,2026-05-01T08:00:00+08:00,\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] b = bytes.toByteArray();
        ingest.read(new Input("x.csv", () -> new ByteArrayInputStream(b), Input.Format.CSV, false));
        ingest.finish();
        assertThat(ingest.stats().accepted()).isEqualTo(1);
    }

    @Test
    void jsonLinesRowsThatAreNotOneObjectAreRejected() throws IOException {
        String text = "{\"event_id\":\"e1\",\"platform\":\"P1\",\"worker\":\"W1\",\"type\":\"PAYOUT\","
                + "\"time\":\"2026-05-01T08:00:00+08:00\",\"amount\":12.50,\"extra\":{\"a\":1}}\n"
                + "[1,2]\n{\"event_id\":\"e2\"} {}\n{\"event_id\":\"e3\",\"event_id\":\"e4\"}\n"
                + "{\"event_id\":\"e5\",\"amount\":[1]}\nnot json\n";
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ingest.read(new Input("j.jsonl", () -> new ByteArrayInputStream(b), Input.Format.JSONL, false));
        var accepted = ingest.finish();
        assertThat(accepted.get("P1").get("W1")).singleElement().satisfies(e -> assertThat(e.amountCents())
                .isEqualTo(1250));
        assertThat(rejects)
                .extracting(r -> r.line() + ":" + r.code())
                .containsExactly("2:BAD_JSON", "3:BAD_JSON", "4:BAD_JSON", "5:BAD_JSON", "6:BAD_JSON");
        assertThat(warnings).singleElement().asString().contains("extra");
    }

    @Test
    void aHeaderNamingAColumnTwiceIsAnInputError() {
        assertThatThrownBy(() -> ingest.read(csv("d.csv", "event_id,event_id\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void anUnclosedQuoteCostsOnlyItsOwnLine() throws IOException {
        ingest.read(csv(
                "u.csv",
                HEADER + "e1,P1,W1,ONLINE,2026-05-01T08:00:00+08:00,\"oops\n"
                        + "e2,P1,W1,ONLINE,2026-05-01T08:00:00+08:00,\n"
                        + "e3,P1,W1,ONLINE,2026-05-01T08:00:00+08:00,\n"));
        var accepted = ingest.finish();
        assertThat(accepted.get("P1").get("W1")).extracting("eventId").containsExactlyInAnyOrder("e2", "e3");
        assertThat(rejects).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.code()).isEqualTo(RejectCode.BAD_ROW);
            assertThat(r.raw()).isEqualTo("e1,P1,W1,ONLINE,2026-05-01T08:00:00+08:00,\"oops");
        });
    }

    @Test
    void aQuotedFieldOverAHundredLinesIsTakenAsUnclosed() throws IOException {
        StringBuilder text = new StringBuilder(HEADER + "e1,P1,W1,ONLINE,2026-05-01T08:00:00+08:00,\"x\n");
        for (int i = 0; i < 150; i++) {
            text.append("e").append(i + 2).append(",P1,W1,ONLINE,2026-05-01T08:00:00+08:00,\n");
        }
        text.append("end\"\n");
        ingest.read(csv("long.csv", text.toString()));
        ingest.finish();
        assertThat(ingest.stats().accepted()).isEqualTo(150);
        assertThat(rejects).extracting(r -> r.line() + ":" + r.code()).containsExactly("2:BAD_ROW", "153:BAD_ROW");
    }
}
