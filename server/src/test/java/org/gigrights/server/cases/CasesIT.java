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
import org.gigrights.server.cases.internal.CaseDeadlines;
import org.gigrights.server.cases.internal.CaseIntake;
import org.gigrights.server.cases.internal.CaseMediation;
import org.gigrights.server.cases.internal.CaseQueries;
import org.gigrights.server.cases.internal.CaseStages;
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
        properties = {
            "gigrights.cases.max-attachment-bytes=1000",
            "gigrights.cases.scan-every=0",
            "gigrights.cases.triggers=DEPOSIT:1,MIN_WAGE:5,INJURY_COVER:1"
        })
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
    CaseIntake intake;

    @Autowired
    CaseMediation mediation;

    @Autowired
    CaseDeadlines deadlines;

    @Autowired
    CaseStages stages;

    @Autowired
    CaseQueries queries;

    @Autowired
    CaseStats stats;

    @Autowired
    CaseTriggers triggers;

    @Autowired
    Accounts accounts;

    @Autowired
    org.gigrights.server.cases.internal.Notices notices;

    @BeforeEach
    void clean() {
        jdbc.sql(
                        "TRUNCATE notification_read, case_supervisor, notification, case_agreement, case_session, case_document, case_step, case_finding,"
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
        return intake.file(w, new Intake(m, "平台少付了工资", today().minusDays(3), today(), null, false, List.of()))
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

        stages.accept(INSPECTOR, id);
        assertThat(view(id).answerDue()).isEqualTo(Deadlines.standard().due("platform_answer", today()));
        stages.answer(PLATFORM_A, id, "已核实，同意补发", List.of(new Upload("pay.csv", "text/csv", new byte[] {1, 2})));
        stages.assign(INSPECTOR, id, "med");
        assertThat(view(id).mediator()).isEqualTo("med");
        assertThat(view(id).dueDate()).isEqualTo(Deadlines.standard().due("mediation", today()));
        long session = mediation.scheduleSession(MEDIATOR, id, Instant.now(), "渝北区总工会调解室");
        stages.startMediation(MEDIATOR, id);
        mediation.recordSession(MEDIATOR, id, session, "少付 320 元", "同意补发");
        mediation.draftAgreement(MEDIATOR, id, 32000, today().plusDays(7), "平台于七日内补发 320 元", true, List.of());
        mediation.signAgreement(W1, id, 1);
        assertThat(view(id).stage()).isEqualTo(Stage.MEDIATION);
        mediation.signAgreement(PLATFORM_A, id, 1);
        assertThat(view(id).stage()).isEqualTo(Stage.AGREEMENT);
        assertThat(view(id).dueKind()).isEqualTo("payment");
        assertThat(view(id).dueDate()).isEqualTo(today().plusDays(7));
        refused(() -> mediation.markForPaymentOrder(MEDIATOR, id), ErrorCode.BAD_REQUEST);
        mediation.markPaid(MEDIATOR, id);
        stages.dispose(MEDIATOR, id, "已履行");
        stages.evaluate(W1, id, 5, "满意");
        stages.close(INSPECTOR, id);

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
                        "DRAFT_AGREEMENT",
                        "SIGN_AGREEMENT",
                        "SIGN_AGREEMENT",
                        "MARK_PAID",
                        "DISPOSE",
                        "EVALUATE",
                        "CLOSE");
        assertThat(d.steps()).allSatisfy(s -> assertThat(s.username()).isNotBlank());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action LIKE 'CASE_%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(14);
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
        stages.reject(INSPECTOR, rejected, "不属于劳动保障监察范围");
        assertThat(view(rejected).outcome()).isEqualTo("REJECTED");
        stages.close(INSPECTOR, rejected);
        assertThat(view(rejected).stage()).isEqualTo(Stage.CLOSED);

        long arb = file(W1, Matter.HOURS);
        stages.accept(INSPECTOR, arb);
        stages.assign(INSPECTOR, arb, "med");
        stages.startMediation(MEDIATOR, arb);
        refused(() -> stages.referToArbitration(MEDIATOR, arb, "调解中"), ErrorCode.ILLEGAL_TRANSITION);
        mediation.noAgreement(MEDIATOR, arb, "平台不同意");
        stages.referToArbitration(MEDIATOR, arb, "申请仲裁");
        assertThat(view(arb).dueKind()).isEqualTo("arbitration");
        assertThat(view(arb).dueDate()).isEqualTo(Deadlines.standard().due("arbitration", today()));
        stages.dispose(INSPECTOR, arb, "仲裁裁决已执行");
        assertThat(view(arb).outcome()).isEqualTo("ARBITRATION");

        long insp = file(W1, Matter.DEPOSIT);
        stages.accept(INSPECTOR, insp);
        stages.referToInspection(INSPECTOR, insp, "收取押金，涉嫌违法");
        assertThat(view(insp).dueDate()).isEqualTo(Deadlines.standard().due("inspection", today()));
        stages.dispose(INSPECTOR, insp, "责令退还押金");

        long late = file(W1, Matter.INJURY);
        stages.accept(INSPECTOR, late);
        stages.assign(INSPECTOR, late, "med");
        stages.startMediation(MEDIATOR, late);
        jdbc.sql("UPDATE case_file SET due_date = ? WHERE id = ?")
                .params(java.sql.Date.valueOf(today().minusDays(1)), late)
                .update();
        stages.referToArbitration(MEDIATOR, late, "调解超过十五日未结束");
        assertThat(view(late).stage()).isEqualTo(Stage.ARBITRATION);
        assertThat(view(late).missedDeadline()).isTrue();

        long gone = file(W1, Matter.OTHER);
        stages.accept(INSPECTOR, gone);
        stages.withdraw(W1, gone, "已私下解决");
        assertThat(view(gone).stage()).isEqualTo(Stage.WITHDRAWN);
        assertThat(view(gone).outcome()).isEqualTo("WITHDRAWN");
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        long id = file(W1, Matter.PAY);
        List<Runnable> wrong = List.of(
                () -> stages.assign(INSPECTOR, id, "med"),
                () -> stages.startMediation(MEDIATOR, id),
                () -> mediation.draftAgreement(MEDIATOR, id, 100, today(), "x", true, List.of()),
                () -> mediation.signAgreement(W1, id, null),
                () -> mediation.refuseAgreement(PLATFORM_A, id, null, "x"),
                () -> deadlines.extendInspection(INSPECTOR, id, 30, "x"),
                () -> deadlines.extendArbitration(MEDIATOR, id, 15, "x"),
                () -> mediation.noAgreement(MEDIATOR, id, "x"),
                () -> mediation.markPaid(MEDIATOR, id),
                () -> stages.referToArbitration(MEDIATOR, id, "x"),
                () -> stages.referToInspection(INSPECTOR, id, "x"),
                () -> stages.dispose(MEDIATOR, id, "x"),
                () -> stages.evaluate(W1, id, 3, null),
                () -> stages.close(INSPECTOR, id),
                () -> mediation.recordSession(MEDIATOR, id, 1, "a", "b"));
        for (Runnable r : wrong) {
            refused(r, ErrorCode.ILLEGAL_TRANSITION);
        }
        refused(() -> stages.accept(W1, id), ErrorCode.FORBIDDEN);
        refused(() -> stages.accept(MEDIATOR, id), ErrorCode.FORBIDDEN);
        refused(() -> stages.reject(INSPECTOR, id, ""), ErrorCode.BAD_REQUEST);
        refused(() -> stages.assign(INSPECTOR, id, "nobody"), ErrorCode.BAD_REQUEST);
        assertThat(view(id).stage()).isEqualTo(Stage.INTAKE);
        assertThat(commands(id)).containsExactly("OPEN_WORKER");

        stages.withdraw(W1, id, null);
        refused(() -> stages.withdraw(W1, id, null), ErrorCode.ILLEGAL_TRANSITION);
        refused(() -> stages.accept(INSPECTOR, id), ErrorCode.ILLEGAL_TRANSITION);
        refused(() -> stages.answer(PLATFORM_A, id, "迟到的答复", List.of()), ErrorCode.ILLEGAL_TRANSITION);
        assertThat(commands(id)).containsExactly("OPEN_WORKER", "WITHDRAW");
    }

    @Test
    void aSecondComplaintOnTheSameMatterIsLinkedNotDoubled() {
        long first = file(W1, Matter.PAY);
        CaseIntake.Filed again = intake.file(
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
        stages.withdraw(W1, first, null);
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
        long id = intake.file(W2, new Intake(Matter.HOURS, "连续工作没有休息", null, null, List.of(foreign), true, List.of()))
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
        refused(() -> stages.answer(PLATFORM_B, a, "不是我们的", List.of()), ErrorCode.NOT_FOUND);
        refused(() -> stages.withdraw(W2, a, null), ErrorCode.NOT_FOUND);
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
        stages.withdraw(W1, a, null);
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
        assertThat(deadlines.escalate()).isEqualTo(1);
        assertThat(deadlines.escalate()).isZero();
        assertThat(queries.list(INSPECTOR, null, "escalated", 10))
                .extracting(CaseView::id)
                .containsExactly(id);
        assertThat(view(id).missedDeadline()).isTrue();
        assertThat(queries.notices(new Viewer("admin", Role.ADMIN, null, null, null)))
                .anySatisfy(n -> assertThat(n.caseId()).isEqualTo(id));
        stages.accept(INSPECTOR, id);
        assertThat(jdbc.sql("SELECT on_time FROM case_step WHERE case_id = ? AND command = 'ACCEPT'")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void attachmentsAreStoredWithinTheLimit() {
        refused(
                () -> intake.file(
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
        long id = intake.file(
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

    long mediating(Viewer w, Matter m) {
        long id = file(w, m);
        stages.accept(INSPECTOR, id);
        stages.assign(INSPECTOR, id, "med");
        stages.startMediation(MEDIATOR, id);
        return id;
    }

    @Test
    void inspectionAndArbitrationPeriodsAreExtendedOnceWithinTheLaw() {
        Deadlines dl = Deadlines.standard();
        long insp = file(W1, Matter.DEPOSIT);
        stages.accept(INSPECTOR, insp);
        refused(() -> deadlines.extendInspection(INSPECTOR, insp, 30, "尚未立案调查"), ErrorCode.ILLEGAL_TRANSITION);
        stages.referToInspection(INSPECTOR, insp, "收取押金");
        refused(() -> deadlines.extendInspection(INSPECTOR, insp, 31, "超过三十个工作日"), ErrorCode.BAD_REQUEST);
        refused(() -> deadlines.extendInspection(INSPECTOR, insp, 30, " "), ErrorCode.BAD_REQUEST);
        refused(() -> deadlines.extendInspection(MEDIATOR, insp, 30, "调解员无权"), ErrorCode.FORBIDDEN);
        deadlines.extendInspection(INSPECTOR, insp, 30, "案情复杂，经局长批准");
        assertThat(view(insp).dueDate()).isEqualTo(dl.dueExtended("inspection", today()));
        assertThat(view(insp).extendedKind()).isEqualTo("inspection");
        refused(() -> deadlines.extendInspection(INSPECTOR, insp, 10, "再次延长"), ErrorCode.ILLEGAL_TRANSITION);
        CaseDetail.Step step = queries.get(INSPECTOR, insp).orElseThrow().steps().stream()
                .filter(x -> x.command().equals("EXTEND_INSPECTION"))
                .findFirst()
                .orElseThrow();
        assertThat(step.reason()).isEqualTo("延长 30 个工作日：案情复杂，经局长批准");
        assertThat(step.dueDate()).isEqualTo(dl.dueExtended("inspection", today()));
        assertThat(step.from()).isEqualTo(Stage.INSPECTION);
        assertThat(step.to()).isEqualTo(Stage.INSPECTION);
        assertThat(queries.notices(W1)).anySatisfy(n -> assertThat(n.message()).contains("监察期限经批准延长"));

        long arb = mediating(W1, Matter.HOURS);
        mediation.noAgreement(MEDIATOR, arb, "平台不同意");
        refused(() -> deadlines.extendArbitration(MEDIATOR, arb, 15, "尚未仲裁"), ErrorCode.ILLEGAL_TRANSITION);
        stages.referToArbitration(MEDIATOR, arb, "申请仲裁");
        refused(() -> deadlines.extendArbitration(MEDIATOR, arb, 16, "超过十五日"), ErrorCode.BAD_REQUEST);
        deadlines.extendArbitration(MEDIATOR, arb, 10, "案情复杂，仲裁委主任批准");
        assertThat(view(arb).dueDate()).isEqualTo(dl.extend("arbitration", today(), 10));
        refused(() -> deadlines.extendArbitration(INSPECTOR, arb, 5, "再延五日"), ErrorCode.ILLEGAL_TRANSITION);

        long late = mediating(W1, Matter.INJURY);
        stages.referToInspection(INSPECTOR, late, "涉嫌违法");
        jdbc.sql("UPDATE case_file SET due_date = ? WHERE id = ?")
                .params(java.sql.Date.valueOf(today().minusDays(1)), late)
                .update();
        refused(() -> deadlines.extendInspection(INSPECTOR, late, 30, "期满之后"), ErrorCode.BAD_REQUEST);
        assertThat(commands(late)).doesNotContain("EXTEND_INSPECTION");
    }

    @Test
    void anAgreementTakesEffectOnlyWhenBothPartiesSignedTheSameDraft() {
        long id = mediating(W1, Matter.PAY);
        refused(() -> mediation.signAgreement(W1, id, null), ErrorCode.ILLEGAL_TRANSITION);
        long session = mediation.scheduleSession(MEDIATOR, id, Instant.parse("2026-05-06T02:00:00Z"), "渝北区总工会调解室");
        assertThat(session).isPositive();
        assertThat(queries.notices(W1)).anySatisfy(n -> assertThat(n.message()).contains("2026-05-06 10:00 渝北区总工会调解室"));
        assertThat(queries.notices(PLATFORM_A))
                .anySatisfy(n -> assertThat(n.message()).contains("调解会"));

        assertThat(mediation.draftAgreement(MEDIATOR, id, 50000, today().plusDays(10), "补发 500 元", true, List.of()))
                .isEqualTo(1);
        refused(() -> mediation.signAgreement(MEDIATOR, id, 1), ErrorCode.FORBIDDEN);
        refused(() -> mediation.signAgreement(PLATFORM_B, id, 1), ErrorCode.NOT_FOUND);
        refused(() -> mediation.signAgreement(W2, id, 1), ErrorCode.NOT_FOUND);
        mediation.refuseAgreement(PLATFORM_A, id, 1, "金额过高");
        refused(() -> mediation.signAgreement(W1, id, 1), ErrorCode.ILLEGAL_TRANSITION);
        assertThat(queries.notices(MEDIATOR))
                .anySatisfy(n -> assertThat(n.message()).contains("平台拒签调解协议：金额过高"));
        assertThat(queries.get(W1, id).orElseThrow().agreement().refusedBy()).isEqualTo("PLATFORM");

        assertThat(mediation.draftAgreement(MEDIATOR, id, 42000, today().plusDays(10), "补发 420 元", true, List.of()))
                .isEqualTo(2);
        CaseDetail.Agreement a = queries.get(W1, id).orElseThrow().agreement();
        assertThat(a.refusedBy()).isNull();
        assertThat(a.version()).isEqualTo(2);
        refused(() -> mediation.signAgreement(W1, id, 1), ErrorCode.ILLEGAL_TRANSITION);
        mediation.signAgreement(W1, id, 2);
        refused(() -> mediation.signAgreement(W1, id, 2), ErrorCode.ILLEGAL_TRANSITION);
        assertThat(view(id).stage()).isEqualTo(Stage.MEDIATION);
        assertThat(queries.get(W1, id).orElseThrow().agreement().effective()).isFalse();

        SignedClient pa = new SignedClient(port, "AK-A", "SK-A");
        byte[] stale = "{\"version\":1}".getBytes(StandardCharsets.UTF_8);
        SignedClient.Answer old = pa.send(
                "POST",
                "/api/v1/cases/" + id + "/agreement/sign",
                "application/json",
                stale,
                System.currentTimeMillis(),
                SignedClient.nonce());
        assertThat(old.status()).as(old.text()).isEqualTo(409);
        byte[] body = "{\"version\":2}".getBytes(StandardCharsets.UTF_8);
        SignedClient.Answer ok = pa.send(
                "POST",
                "/api/v1/cases/" + id + "/agreement/sign",
                "application/json",
                body,
                System.currentTimeMillis(),
                SignedClient.nonce());
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(ok.body().get("effective").asBoolean()).isTrue();

        CaseDetail d = queries.get(INSPECTOR, id).orElseThrow();
        assertThat(d.c().stage()).isEqualTo(Stage.AGREEMENT);
        assertThat(d.c().dueKind()).isEqualTo("payment");
        assertThat(d.agreement().amountCents()).isEqualTo(42000);
        assertThat(d.agreement().workerSignedAt()).isNotNull();
        assertThat(d.agreement().platformSignedAt()).isNotNull();
        assertThat(d.agreement().signedAt()).isNotNull();
        assertThat(jdbc.sql("SELECT signed_by FROM case_agreement WHERE case_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("api:PA");
        assertThat(commands(id))
                .containsSubsequence(
                        "SCHEDULE_SESSION",
                        "DRAFT_AGREEMENT",
                        "REFUSE_AGREEMENT",
                        "DRAFT_AGREEMENT",
                        "SIGN_AGREEMENT",
                        "SIGN_AGREEMENT");
        refused(
                () -> mediation.draftAgreement(MEDIATOR, id, 1, today(), "x", true, List.of()),
                ErrorCode.ILLEGAL_TRANSITION);
        mediation.markPaid(MEDIATOR, id);
        assertThat(queries.get(W1, id).orElseThrow().agreement().paidAt()).isNotNull();
    }

    @Test
    void notificationsAreReadByEachAccountOnItsOwn() {
        long id = file(W1, Matter.PAY);
        Viewer other = new Viewer("insp2", Role.INSPECTOR, null, null, null);
        Viewer yubei = new Viewer("yubei", Role.INSPECTOR, null, null, "500112");
        assertThat(notices.unread(INSPECTOR)).isEqualTo(1);
        assertThat(notices.unread(other)).isEqualTo(1);
        assertThat(notices.unread(yubei)).as("not a case of 渝北").isZero();
        long n = notices.list(INSPECTOR, true, 10).get(0).id();
        assertThat(notices.markRead(INSPECTOR, n)).isTrue();
        assertThat(notices.unread(INSPECTOR)).isZero();
        assertThat(notices.unread(other))
                .as("a role's notification is read per account")
                .isEqualTo(1);
        assertThat(notices.list(INSPECTOR, false, 10)).singleElement().satisfies(x -> assertThat(x.read())
                .isTrue());
        assertThat(notices.markRead(W2, n)).as("not W2's").isFalse();
        stages.accept(INSPECTOR, id);
        assertThat(notices.unread(W1)).isEqualTo(1);
        assertThat(notices.unread(W2)).isZero();
        assertThat(notices.unread(PLATFORM_A)).isEqualTo(1);
        assertThat(notices.unread(PLATFORM_B)).isZero();
        assertThat(notices.markAllRead(PLATFORM_A)).isEqualTo(1);
        assertThat(notices.unread(PLATFORM_A)).isZero();
        assertThat(notices.unread(W1)).isEqualTo(1);
    }

    @Test
    void overdueCasesGoToTheSupervisorOfTheirDistrict() {
        accounts.create("yubei-lead", "pw", Role.INSPECTOR, "渝北督办", null, null, "500112", null, null);
        accounts.create("city-lead", "pw", Role.INSPECTOR, "市督办", null, null, null, null, null);
        Viewer admin = new Viewer("admin", Role.ADMIN, null, null, null);
        refused(() -> deadlines.setSupervisor(INSPECTOR, "500112", "yubei-lead"), ErrorCode.FORBIDDEN);
        refused(() -> deadlines.setSupervisor(admin, "500103", "yubei-lead"), ErrorCode.BAD_REQUEST);
        refused(() -> deadlines.setSupervisor(admin, "500112", "med"), ErrorCode.BAD_REQUEST);
        deadlines.setSupervisor(admin, "500112", "yubei-lead");
        deadlines.setSupervisor(admin, "*", "city-lead");
        assertThat(queries.supervisors())
                .extracting(CaseQueries.Supervisor::username)
                .containsExactly("city-lead", "yubei-lead");

        long inYubei = file(W1, Matter.PAY);
        long elsewhere = file(W2, Matter.PAY);
        jdbc.sql("UPDATE case_file SET district = '500112' WHERE id = ?")
                .param(inYubei)
                .update();
        jdbc.sql("UPDATE case_file SET due_date = ? WHERE id IN (?, ?)")
                .params(java.sql.Date.valueOf(today().minusDays(1)), inYubei, elsewhere)
                .update();
        assertThat(deadlines.escalate()).isEqualTo(2);
        Viewer lead = new Viewer("yubei-lead", Role.INSPECTOR, null, null, "500112");
        Viewer city = new Viewer("city-lead", Role.INSPECTOR, null, null, null);
        assertThat(queries.list(lead, null, "supervise", 10))
                .extracting(CaseView::id)
                .containsExactly(inYubei);
        assertThat(queries.list(city, null, "supervise", 10))
                .extracting(CaseView::id)
                .containsExactly(elsewhere);
        assertThat(view(inYubei).supervisor()).isEqualTo("yubei-lead");
        assertThat(queries.notices(lead)).anySatisfy(n -> assertThat(n.caseId()).isEqualTo(inYubei));
        assertThat(queries.notices(admin))
                .as("a named supervisor, not the administrators")
                .noneSatisfy(n -> assertThat(n.message()).contains("超期"));

        stages.accept(INSPECTOR, inYubei);
        assertThat(queries.list(lead, null, "supervise", 10))
                .as("handled again: out of the queue")
                .isEmpty();
        deadlines.setSupervisor(admin, "*", "");
        long third = file(W1, Matter.HOURS);
        jdbc.sql("UPDATE case_file SET due_date = ? WHERE id = ?")
                .params(java.sql.Date.valueOf(today().minusDays(1)), third)
                .update();
        assertThat(deadlines.escalate()).isEqualTo(1);
        assertThat(queries.notices(admin))
                .as("no supervisor: the administrators")
                .anySatisfy(n -> assertThat(n.caseId()).isEqualTo(third));
    }

    @Test
    void triggersRunRightAfterABatchsFindingsAreRecomputed() {
        SignedClient pa = new SignedClient(port, "AK-A", "SK-A");
        SignedClient.Answer a = pa.postCsv("event_id,platform,worker,type,time,order,amount,region,insured,reason\n"
                + "t1,PA,TW1,ORDER_ACCEPT,2026-04-21T10:00:00+08:00,o1,,500112,,\n"
                + "t2,PA,TW1,ORDER_COMPLETE,2026-04-21T10:30:00+08:00,o1,5.00,,false,\n");
        assertThat(a.status()).as(a.text()).isBetween(200, 299);
        List<CaseView> auto = queries.list(INSPECTOR, null, null, 10);
        assertThat(auto)
                .as("opened by the batch, without a periodic scan")
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.origin()).isEqualTo(Origin.AUTO);
                    assertThat(c.worker()).isEqualTo("TW1");
                    assertThat(c.triggerName()).isEqualTo("INJURY_COVER:1");
                });
        assertThat(triggers.scan()).as("nothing left for the periodic scan").isZero();
    }
}
