package org.gigrights.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.ingest.RejectCode;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.rules.params.RulePack;
import org.junit.jupiter.api.Test;

/** What the streaming audit does with rows outside its bounds: rejects them as LATE, and says so. */
class StreamBoundsTests {
    private static final String HEADER =
            "event_id,platform,worker,person,type,time,order,amount,region,insured,reason\n";
    private static final OrderedAudit.Bounds BOUNDS =
            new OrderedAudit.Bounds(Duration.ofHours(12), Duration.ofHours(1), Duration.ofHours(36));

    record Run(AuditResult result, List<Rejection> rejects) {}

    private static Run run(String rows) throws IOException {
        byte[] bytes = (HEADER + rows).getBytes(StandardCharsets.UTF_8);
        List<Rejection> rejects = new ArrayList<>();
        AuditResult r = new OrderedAudit(RulePack.chongqing(), Clock.systemUTC(), BOUNDS)
                .run(
                        List.of(new Input(
                                "events.csv", () -> new ByteArrayInputStream(bytes), Input.Format.CSV, false)),
                        rejects::add,
                        w -> {},
                        n -> {});
        return new Run(r, rejects);
    }

    @Test
    void anOrderEventMoreThanTheOrderWindowAfterItsFirstIsLate() throws IOException {
        Run r = run(
                """
                a1,P1,W1,,ORDER_ACCEPT,2026-03-02T08:00:00+08:00,o1,,500107,,
                c1,P1,W1,,ORDER_COMPLETE,2026-03-02T20:00:01+08:00,o1,10.00,,true,
                """);
        assertThat(r.rejects()).extracting(Rejection::code).containsExactly(RejectCode.LATE);
        assertThat(r.rejects().get(0).line()).isEqualTo(3);
        assertThat(r.result().ingest().accepted()).isEqualTo(1);
        assertThat(r.result().counters().get("orders_without_interval")).isEqualTo(1);
    }

    @Test
    void exactlyTheOrderWindowApartIsWithinIt() throws IOException {
        Run r = run(
                """
                a1,P1,W1,,ORDER_ACCEPT,2026-03-02T08:00:00+08:00,o1,,500107,,
                c1,P1,W1,,ORDER_COMPLETE,2026-03-02T20:00:00+08:00,o1,10.00,,true,
                """);
        assertThat(r.rejects()).isEmpty();
        assertThat(r.result().findings()).extracting(f -> f.rule()).contains("REST_BREAK");
    }

    @Test
    void aRowForADateAlreadyJudgedIsLateAndTheRestGoesOn() throws IOException {
        // Two days later the first date is judged; a row for it then comes too late.
        Run r = run(
                """
                e1,P1,W1,,ONLINE,2026-03-02T08:00:00+08:00,,,,,
                e2,P1,W1,,ONLINE,2026-03-04T09:00:00+08:00,,,,,
                e3,P1,W1,,DEDUCTION,2026-03-02T09:00:00+08:00,,5.00,,,DEPOSIT
                e4,P1,W1,,DEDUCTION,2026-03-04T10:00:00+08:00,,5.00,,,DEPOSIT
                """);
        assertThat(r.rejects()).extracting(Rejection::code).containsExactly(RejectCode.LATE);
        assertThat(r.rejects().get(0).line()).isEqualTo(4);
        assertThat(r.result().findings()).extracting(f -> f.date().toString()).containsExactly("2026-03-04");
        assertThat(r.result().ingest().rejectedByCode()).containsEntry(RejectCode.LATE, 1L);
    }

    @Test
    void aRowBehindTheLatestButNotYetJudgedIsTaken() throws IOException {
        Run r = run(
                """
                e1,P1,W1,,ONLINE,2026-03-02T08:00:00+08:00,,,,,
                e2,P1,W1,,ONLINE,2026-03-02T18:00:00+08:00,,,,,
                e3,P1,W1,,DEDUCTION,2026-03-02T09:00:00+08:00,,5.00,,,DEPOSIT
                """);
        assertThat(r.rejects()).isEmpty();
        assertThat(r.result().findings()).hasSize(1);
    }

    @Test
    void aConflictAfterTheFirstRowWasJudgedIsCountedAndTheFirstStands() throws IOException {
        Run r = run(
                """
                e1,P1,W1,,DEDUCTION,2026-03-02T13:00:00+08:00,,5.00,,,DEPOSIT
                e2,P1,W1,,ONLINE,2026-03-04T09:00:00+08:00,,,,,
                e1,P1,W1,,DEDUCTION,2026-03-02T13:00:00+08:00,,6.00,,,DEPOSIT
                e1,P1,W1,,DEDUCTION,2026-03-02T13:00:00+08:00,,5.00,,,DEPOSIT
                """);
        // The first row is judged but still held (the next date needs events from 12:00 on):
        // the conflicting row is rejected and counted, the first stands, its copy is a duplicate.
        assertThat(r.rejects()).extracting(Rejection::code).containsExactly(RejectCode.CONFLICT);
        assertThat(r.result().ingest().duplicates()).isEqualTo(1);
        assertThat(r.result().counters().get(OrderedAudit.LATE_CONFLICTS)).isEqualTo(1);
        assertThat(r.result().findings()).hasSize(1);
    }

    @Test
    void aCopyOfARowNoLongerHeldIsLate() throws IOException {
        Run r = run(
                """
                e1,P1,W1,,DEDUCTION,2026-03-02T09:00:00+08:00,,5.00,,,DEPOSIT
                e2,P1,W1,,ONLINE,2026-03-04T09:00:00+08:00,,,,,
                e1,P1,W1,,DEDUCTION,2026-03-02T09:00:00+08:00,,5.00,,,DEPOSIT
                """);
        assertThat(r.rejects()).extracting(Rejection::code).containsExactly(RejectCode.LATE);
        assertThat(r.result().findings()).hasSize(1);
    }

    @Test
    void aConflictWhileTheFirstRowIsHeldRejectsEveryRowAsTheFileAuditDoes() throws IOException {
        Run r = run(
                """
                e1,P1,W1,,DEDUCTION,2026-03-02T09:00:00+08:00,,5.00,,,DEPOSIT
                e1,P1,W1,,DEDUCTION,2026-03-02T09:00:00+08:00,,5.00,,,DEPOSIT
                e1,P1,W1,,DEDUCTION,2026-03-02T09:00:00+08:00,,6.00,,,DEPOSIT
                """);
        assertThat(r.rejects()).extracting(Rejection::line).containsExactlyInAnyOrder(2L, 3L, 4L);
        assertThat(r.rejects()).extracting(Rejection::code).containsOnly(RejectCode.CONFLICT);
        assertThat(r.result().ingest().accepted()).isZero();
        assertThat(r.result().ingest().duplicates()).isZero();
        assertThat(r.result().findings()).isEmpty();
    }
}
