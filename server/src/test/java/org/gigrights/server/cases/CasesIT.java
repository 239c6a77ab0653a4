package org.gigrights.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.gigrights.server.SignedClient;
import org.gigrights.server.TestDatabase;
import org.gigrights.server.cases.internal.CaseQueries;
import org.gigrights.server.cases.internal.CaseService;
import org.gigrights.server.cases.internal.CaseStats;
import org.gigrights.server.cases.internal.CaseTriggers;
import org.gigrights.server.identity.Accounts;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.gigrights.server.shared.Role;
import org.gigrights.server.shared.Viewer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Cases on the embedded PostgreSQL: every transition, every refusal, deadlines, duplicates, triggers, scope. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gigrights.cases.max-attachment-bytes=1000", "gigrights.cases.scan-every=0"})
class CasesIT {
    static final Viewer W1 = new Viewer("w1", Role.WORKER, "PA", "W1", null);
    static final Viewer W2 = new Viewer("w2", Role.WORKER, "PA", "W2", null);
    static final Viewer INSPECTOR = new Viewer("insp", Role.INSPECTOR, null, null, null);
    static final Viewer MEDIATOR = new Viewer("med", Role.MEDIATOR, null, null, null);
    static final Viewer PLATFORM_A = new Viewer("pa", Role.PLATFORM, "PA", null, null);
    static final Viewer PLATFORM_B = new Viewer("pb", Role.PLATFORM, "PB", null, null);

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        r.add("gigrights.db.data-dir", () -> TestDatabase.fresh("cases"));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseService cases;

    @Autowired
    CaseQueries queries;

    @Autowired
    CaseStats stats;

    @Autowired
    CaseTriggers triggers;

    @Autowired
    Accounts accounts;

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE notification, case_agreement, case_session, case_document, case_step, case_finding,"
                        + " case_file, finding_history, finding, audit_log, account, platform CASCADE")
                .update();
        jdbc.sql("INSERT INTO platform (code, name, access_key, secret_key, created_at) VALUES"
                        + " ('PA', 'A', 'AK-A', 'SK-A', now()), ('PB', 'B', 'AK-B', 'SK-B', now())")
                .update();
        accounts.create("med", "pw", Role.MEDIATOR, "调解员", null, null, null, null, null);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    long file(Viewer w, Matter m) {
        return cases.file(w, new Intake(m, "平台少付了工资", today().minusDays(3), today(), null, false, List.of()))
                .caseId();
    }

    CaseView view(long id) {
        return queries.get(INSPECTOR, id).orElseThrow().c();
    }

    List<String> commands(long id) {
        return jdbc.sql("SELECT command FROM case_step WHERE case_id = ? ORDER BY at, id")
                .param(id)
                .query(String.class)
                .list();
    }

    static void refused(Runnable r, ErrorCode code) {
        assertThatThrownBy(r::run)
                .isInstanceOf(GigrightsException.class)
                .extracting(e -> ((GigrightsException) e).code())
                .isEqualTo(code);
    }

    @Test
    void aComplaintGoesFromIntakeThroughMediationToAnAgreementAndARating() {
        long id = file(W1, Matter.PAY);
        CaseView c = view(id);
        assertThat(c.stage()).isEqualTo(Stage.INTAKE);
        assertThat(c.origin()).isEqualTo(Origin.WORKER);
        assertThat(c.dueKind()).isEqualTo("acceptance");
        assertThat(c.dueDate()).isEqualTo(Deadlines.standard().due("acceptance", today()));

        cases.accept(INSPECTOR, id);
        assertThat(view(id).answerDue()).isEqualTo(Deadlines.standard().due("platform_answer", today()));
        cases.answer(PLATFORM_A, id, "已核实，同意补发", List.of(new Upload("pay.csv", "text/csv", new byte[] {1, 2})));
        cases.assign(INSPECTOR, id, "med");
        assertThat(view(id).mediator()).isEqualTo("med");
        assertThat(view(id).dueDate()).isEqualTo(Deadlines.standard().due("mediation", today()));
        long session = cases.scheduleSession(MEDIATOR, id, Instant.now(), "渝北区总工会调解室");
        cases.startMediation(MEDIATOR, id);
        cases.recordSession(MEDIATOR, id, session, "少付 320 元", "同意补发");
        cases.agree(MEDIATOR, id, 32000, today().plusDays(7), "平台于七日内补发 320 元", true, List.of());
        assertThat(view(id).dueKind()).isEqualTo("payment");
        refused(() -> cases.markForPaymentOrder(MEDIATOR, id), ErrorCode.BAD_REQUEST);
        cases.markPaid(MEDIATOR, id);
        cases.dispose(MEDIATOR, id, "已履行");
        cases.evaluate(W1, id, 5, "满意");
        cases.close(INSPECTOR, id);

        CaseDetail d = queries.get(W1, id).orElseThrow();
        assertThat(d.c().stage()).isEqualTo(Stage.CLOSED);
        assertThat(d.c().outcome()).isEqualTo("AGREEMENT");
        assertThat(d.c().rating()).isEqualTo(5);
        assertThat(d.c().answeredAt()).isNotNull();
        assertThat(d.agreement().amountCents()).isEqualTo(32000);
        assertThat(d.agreement().paidAt()).isNotNull();
        assertThat(d.sessions()).singleElement().satisfies(s -> assertThat(s.platformSaid())
                .isEqualTo("同意补发"));
        assertThat(d.documents()).singleElement().satisfies(doc -> assertThat(doc.name())
                .isEqualTo("pay.csv"));
        assertThat(commands(id))
                .containsExactly(
                        "OPEN_WORKER",
                        "ACCEPT",
                        "ANSWER",
                        "ASSIGN",
                        "SCHEDULE_SESSION",
                        "START_MEDIATION",
                        "RECORD_SESSION",
                        "AGREE",
                        "MARK_PAID",
                        "DISPOSE",
                        "EVALUATE",
                        "CLOSE");
        assertThat(d.steps()).allSatisfy(s -> assertThat(s.username()).isNotBlank());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action LIKE 'CASE_%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(12);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'VIEW_CASE' AND username = 'w1'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(queries.notices(W1)).isNotEmpty();
        assertThat(queries.notices(new Viewer("med", Role.MEDIATOR, null, null, null)))
                .anySatisfy(n -> assertThat(n.message()).contains("分派"));

        CaseStats.Totals t = stats.totals(INSPECTOR);
        assertThat(t.finished()).isEqualTo(1);
        assertThat(t.withinDeadline()).isEqualTo(1.0);
        assertThat(t.meanRating()).isEqualTo(5.0);
        assertThat(stats.by(INSPECTOR, "outcome")).containsExactly(new CaseStats.Count("AGREEMENT", 1));
        assertThat(stats.stageTimes(INSPECTOR))
                .extracting(CaseStats.StageTime::stage)
                .contains("INTAKE", "MEDIATION");
    }

    @Test
    void theOtherPaths() {
        long rejected = file(W1, Matter.PAY);
        cases.reject(INSPECTOR, rejected, "不属于劳动保障监察范围");
        assertThat(view(rejected).outcome()).isEqualTo("REJECTED");
        cases.close(INSPECTOR, rejected);
        assertThat(view(rejected).stage()).isEqualTo(Stage.CLOSED);

        long arb = file(W1, Matter.HOURS);
        cases.accept(INSPECTOR, arb);
        cases.assign(INSPECTOR, arb, "med");
        cases.startMediation(MEDIATOR, arb);
        refused(() -> cases.referToArbitration(MEDIATOR, arb, "调解中"), ErrorCode.ILLEGAL_TRANSITION);
        cases.noAgreement(MEDIATOR, arb, "平台不同意");
        cases.referToArbitration(MEDIATOR, arb, "申请仲裁");
        assertThat(view(arb).dueKind()).isEqualTo("arbitration");
        assertThat(view(arb).dueDate()).isEqualTo(Deadlines.standard().due("arbitration", today()));
        cases.dispose(INSPECTOR, arb, "仲裁裁决已执行");
        assertThat(view(arb).outcome()).isEqualTo("ARBITRATION");

        long insp = file(W1, Matter.DEPOSIT);
        cases.accept(INSPECTOR, insp);
        cases.referToInspection(INSPECTOR, insp, "收取押金，涉嫌违法");
        assertThat(view(insp).dueDate()).isEqualTo(Deadlines.standard().due("inspection", today()));
        cases.dispose(INSPECTOR, insp, "责令退还押金");

        long late = file(W1, Matter.INJURY);
        cases.accept(INSPECTOR, late);
        cases.assign(INSPECTOR, late, "med");
        cases.startMediation(MEDIATOR, late);
        jdbc.sql("UPDATE case_file SET due_date = ? WHERE id = ?")
                .params(java.sql.Date.valueOf(today().minusDays(1)), late)
                .update();
        cases.referToArbitration(MEDIATOR, late, "调解超过十五日未结束");
        assertThat(view(late).stage()).isEqualTo(Stage.ARBITRATION);
        assertThat(view(late).missedDeadline()).isTrue();

        long gone = file(W1, Matter.OTHER);
        cases.accept(INSPECTOR, gone);
        cases.withdraw(W1, gone, "已私下解决");
        assertThat(view(gone).stage()).isEqualTo(Stage.WITHDRAWN);
        assertThat(view(gone).outcome()).isEqualTo("WITHDRAWN");
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        long id = file(W1, Matter.PAY);
        List<Runnable> wrong = List.of(
                () -> cases.assign(INSPECTOR, id, "med"),
                () -> cases.startMediation(MEDIATOR, id),
                () -> cases.agree(MEDIATOR, id, 100, today(), "x", true, List.of()),
                () -> cases.noAgreement(MEDIATOR, id, "x"),
                () -> cases.markPaid(MEDIATOR, id),
                () -> cases.referToArbitration(MEDIATOR, id, "x"),
                () -> cases.referToInspection(INSPECTOR, id, "x"),
                () -> cases.dispose(MEDIATOR, id, "x"),
                () -> cases.evaluate(W1, id, 3, null),
                () -> cases.close(INSPECTOR, id),
                () -> cases.recordSession(MEDIATOR, id, 1, "a", "b"));
        for (Runnable r : wrong) {
            refused(r, ErrorCode.ILLEGAL_TRANSITION);
        }
        refused(() -> cases.accept(W1, id), ErrorCode.FORBIDDEN);
        refused(() -> cases.accept(MEDIATOR, id), ErrorCode.FORBIDDEN);
        refused(() -> cases.reject(INSPECTOR, id, ""), ErrorCode.BAD_REQUEST);
        refused(() -> cases.assign(INSPECTOR, id, "nobody"), ErrorCode.BAD_REQUEST);
        assertThat(view(id).stage()).isEqualTo(Stage.INTAKE);
        assertThat(commands(id)).containsExactly("OPEN_WORKER");

        cases.withdraw(W1, id, null);
        refused(() -> cases.withdraw(W1, id, null), ErrorCode.ILLEGAL_TRANSITION);
        refused(() -> cases.accept(INSPECTOR, id), ErrorCode.ILLEGAL_TRANSITION);
        refused(() -> cases.answer(PLATFORM_A, id, "迟到的答复", List.of()), ErrorCode.ILLEGAL_TRANSITION);
        assertThat(commands(id)).containsExactly("OPEN_WORKER", "WITHDRAW");
    }

    @Test
    void aSecondComplaintOnTheSameMatterIsLinkedNotDoubled() {
        long first = file(W1, Matter.PAY);
        CaseService.Filed again = cases.file(
                W1,
                new Intake(
                        Matter.PAY,
                        "又少付了",
                        null,
                        null,
                        null,
                        false,
                        List.of(new Upload("shot.png", "image/png", new byte[] {1}))));
        assertThat(again.linked()).isTrue();
        assertThat(again.caseId()).isEqualTo(first);
        assertThat(view(first).linkedIntakes()).isEqualTo(1);
        assertThat(commands(first)).containsExactly("OPEN_WORKER", "LINK_WORKER");
        assertThat(file(W1, Matter.HOURS)).isNotEqualTo(first);
        assertThat(file(W2, Matter.PAY)).isNotEqualTo(first);
        cases.withdraw(W1, first, null);
        assertThat(file(W1, Matter.PAY)).as("a closed matter opens a new case").isNotEqualTo(first);
    }

    long finding(String platform, String worker, String rule, String date) {
        return jdbc.sql("INSERT INTO finding (platform, worker, rule, date, seq, severity, value, threshold, citation,"
                        + " message, evidence, details, first_found_at, changed_at) VALUES (?, ?, ?, ?, 0, 'VIOLATION',"
                        + " 1, 0, '38号', 'm', ARRAY['e1'], '', now(), now()) RETURNING id")
                .params(platform, worker, rule, java.sql.Date.valueOf(date))
                .query(Long.class)
                .single();
    }

    @Test
    void triggersOpenAutomaticCasesOnceAndWorkersAttachTheirFindings() {
        long deposit = finding("PA", "W1", "DEPOSIT", "2026-03-02");
        for (int d = 1; d <= 4; d++) {
            finding("PA", "W2", "MIN_WAGE", "2026-03-0" + d);
        }
        for (int d = 1; d <= 5; d++) {
            finding("PB", "W9", "MIN_WAGE", "2026-03-0" + d);
        }
        assertThat(triggers.scan()).isEqualTo(2);
        assertThat(triggers.scan()).isZero();
        List<CaseView> auto = queries.list(INSPECTOR, null, null, 10);
        assertThat(auto).extracting(CaseView::origin).containsOnly(Origin.AUTO);
        assertThat(auto).extracting(CaseView::worker).containsExactlyInAnyOrder("W1", "W9");
        long depositCase = auto.stream()
                .filter(c -> c.worker().equals("W1"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(queries.get(INSPECTOR, depositCase).orElseThrow().findings()).containsExactly(deposit);
        assertThat(view(depositCase).triggerName()).isEqualTo("DEPOSIT:1");

        long own = finding("PA", "W2", "REST_BREAK", "2026-03-05");
        long foreign = finding("PA", "W1", "REST_BREAK", "2026-03-05");
        long id = cases.file(W2, new Intake(Matter.HOURS, "连续工作没有休息", null, null, List.of(foreign), true, List.of()))
                .caseId();
        assertThat(queries.get(W2, id).orElseThrow().findings())
                .as("all of W2's open findings, none of W1's")
                .contains(own)
                .doesNotContain(foreign)
                .hasSize(5);
    }

    @Test
    void aPlatformSeesOnlyItsCasesAndAWorkerOnlyTheirs() {
        long a = file(W1, Matter.PAY);
        assertThat(queries.get(PLATFORM_A, a)).isPresent();
        assertThat(queries.get(PLATFORM_B, a)).isEmpty();
        assertThat(queries.get(W2, a)).isEmpty();
        assertThat(queries.list(PLATFORM_B, null, null, 10)).isEmpty();
        assertThat(queries.list(W2, null, null, 10)).isEmpty();
        assertThat(queries.list(W1, null, null, 10)).extracting(CaseView::id).containsExactly(a);
        refused(() -> cases.answer(PLATFORM_B, a, "不是我们的", List.of()), ErrorCode.NOT_FOUND);
        refused(() -> cases.withdraw(W2, a, null), ErrorCode.NOT_FOUND);
        Viewer yubei = new Viewer("yubei", Role.INSPECTOR, null, null, "500112");
        assertThat(queries.get(yubei, a))
                .as("no district known for W1: not in 渝北's scope")
                .isEmpty();

        SignedClient pa = new SignedClient(port, "AK-A", "SK-A");
        SignedClient pb = new SignedClient(port, "AK-B", "SK-B");
        assertThat(pa.get("/api/v1/cases").body()).hasSize(1);
        assertThat(pb.get("/api/v1/cases").body()).isEmpty();
        SignedClient.Answer other = pb.get("/api/v1/cases/" + a);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body().get("code").asString()).isEqualTo("NOT_FOUND");
        byte[] body = "{\"text\":\"已处理\"}".getBytes(StandardCharsets.UTF_8);
        SignedClient.Answer ok = pa.send(
                "POST",
                "/api/v1/cases/" + a + "/answer",
                "application/json",
                body,
                System.currentTimeMillis(),
                SignedClient.nonce());
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        cases.withdraw(W1, a, null);
        SignedClient.Answer late = pa.send(
                "POST",
                "/api/v1/cases/" + a + "/answer",
                "application/json",
                body,
                System.currentTimeMillis(),
                SignedClient.nonce());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(late.body().get("type").asString()).endsWith("/illegal-transition");
    }

    @Test
    void overdueCasesAreFlaggedAndEscalatedOnce() {
        long id = file(W1, Matter.PAY);
        long soon = file(W2, Matter.PAY);
        Consumer<Object[]> due = p -> jdbc.sql("UPDATE case_file SET due_date = ? WHERE id = ?")
                .params(p)
                .update();
        due.accept(new Object[] {java.sql.Date.valueOf(today().minusDays(1)), id});
        due.accept(new Object[] {java.sql.Date.valueOf(today().plusDays(1)), soon});
        assertThat(view(id).flag()).isEqualTo("OVERDUE");
        assertThat(view(soon).flag()).isEqualTo("SOON");
        assertThat(queries.list(INSPECTOR, null, "due", 10))
                .extracting(CaseView::id)
                .containsExactlyInAnyOrder(id, soon);
        assertThat(cases.escalate()).isEqualTo(1);
        assertThat(cases.escalate()).isZero();
        assertThat(queries.list(INSPECTOR, null, "escalated", 10))
                .extracting(CaseView::id)
                .containsExactly(id);
        assertThat(view(id).missedDeadline()).isTrue();
        assertThat(queries.notices(new Viewer("admin", Role.ADMIN, null, null, null)))
                .anySatisfy(n -> assertThat(n.caseId()).isEqualTo(id));
        cases.accept(INSPECTOR, id);
        assertThat(jdbc.sql("SELECT on_time FROM case_step WHERE case_id = ? AND command = 'ACCEPT'")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void attachmentsAreStoredWithinTheLimit() {
        refused(
                () -> cases.file(
                        W1,
                        new Intake(
                                Matter.PAY,
                                "截图太大",
                                null,
                                null,
                                null,
                                false,
                                List.of(new Upload("big.png", "image/png", new byte[1001])))),
                ErrorCode.ATTACHMENT_TOO_LARGE);
        assertThat(queries.list(W1, null, null, 10)).isEmpty();
        long id = cases.file(
                        W1,
                        new Intake(
                                Matter.PAY,
                                "截图",
                                null,
                                null,
                                null,
                                false,
                                List.of(new Upload("s.png", "image/png", new byte[1000]))))
                .caseId();
        long doc = queries.get(W1, id).orElseThrow().documents().get(0).id();
        assertThat(queries.document(W1, id, doc))
                .hasValueSatisfying(u -> assertThat(u.data()).hasSize(1000));
        assertThat(queries.document(W2, id, doc)).isEmpty();
        assertThat(queries.document(PLATFORM_B, id, doc)).isEmpty();
    }
}
