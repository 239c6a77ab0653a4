package org.gigrights.server.cases.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.gigrights.server.cases.CaseDetail;
import org.gigrights.server.cases.CaseMachine;
import org.gigrights.server.cases.IllegalTransition;
import org.gigrights.server.cases.Stage;
import org.gigrights.server.cases.Upload;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.gigrights.server.shared.Role;
import org.gigrights.server.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mediation: sessions, agreement drafts, the parties' signatures and refusals, no agreement, payment and payment-order
 * marks.
 */
@Service
@Transactional
public class CaseMediation {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final CaseSteps steps;

    CaseMediation(JdbcClient jdbc, CaseSteps steps) {
        this.jdbc = jdbc;
        this.steps = steps;
    }

    /** Schedules a mediation session; the worker and the platform are told when and where. */
    public long scheduleSession(Viewer v, long id, Instant when, String place) {
        if (when == null || place == null || place.isBlank()) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "a session needs a time and a place");
        }
        CaseSteps.Row row = steps.lock(v, id);
        CaseMachine.Step step = CaseMachine.scheduleSession(row.stage(), v.role());
        String at = MINUTE.format(when.atZone(steps.zone)) + " " + place.strip();
        steps.record(v, row, step, List.of(), at, null, null);
        long session = jdbc.sql("INSERT INTO case_session (case_id, scheduled_at, place) VALUES (?, ?, ?) RETURNING id")
                .params(id, Timestamp.from(when), place.strip())
                .query(Long.class)
                .single();
        steps.notifyParties(row, "案件 #" + id + "：调解会定于 " + at + " 举行，请准时参加");
        return session;
    }

    public void recordSession(Viewer v, long id, long session, String workerSaid, String platformSaid) {
        steps.apply(v, id, s -> CaseMachine.recordSession(s, v.role()), List.of());
        int n = jdbc.sql("UPDATE case_session SET worker_said = ?, platform_said = ?, recorded_by = ?,"
                        + " recorded_at = ? WHERE id = ? AND case_id = ?")
                .params(workerSaid, platformSaid, v.username(), steps.now(), session, id)
                .update();
        if (n == 0) {
            throw new GigrightsException(ErrorCode.NOT_FOUND, "no session " + session + " in case " + id);
        }
    }

    /**
     * The mediator drafts (or redrafts) the agreement; earlier signatures and refusals start over, and
     * the worker and the platform are asked to sign.
     *
     * @return the draft's version
     */
    public int draftAgreement(
            Viewer v, long id, long amountCents, LocalDate due, String terms, boolean wage, List<Upload> docs) {
        if (amountCents < 0 || due == null || terms == null || terms.isBlank()) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "an agreement needs an amount, a due date and terms");
        }
        steps.checkUploads(docs);
        CaseSteps.Row row = steps.lock(v, id);
        CaseMachine.Step step = CaseMachine.draftAgreement(row.stage(), v.role());
        Timestamp now = steps.now();
        int version = jdbc.sql("INSERT INTO case_agreement (case_id, amount_cents, due_date, terms, wage, drafted_by,"
                        + " drafted_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO UPDATE SET"
                        + " amount_cents = EXCLUDED.amount_cents, due_date = EXCLUDED.due_date, terms = EXCLUDED.terms,"
                        + " wage = EXCLUDED.wage, drafted_by = EXCLUDED.drafted_by, drafted_at = EXCLUDED.drafted_at,"
                        + " version = case_agreement.version + 1, worker_signed_by = NULL, worker_signed_at = NULL,"
                        + " platform_signed_by = NULL, platform_signed_at = NULL, refused_by = NULL,"
                        + " refused_at = NULL, refusal = NULL, signed_by = NULL, signed_at = NULL RETURNING version")
                .params(id, amountCents, Date.valueOf(due), terms.strip(), wage, v.username(), now)
                .query(Integer.class)
                .single();
        String what =
                "第 " + version + " 版：" + BigDecimal.valueOf(amountCents, 2).toPlainString() + " 元，" + due + " 前履行";
        steps.record(v, row, step, docs, what, null, null);
        steps.notifyParties(row, "案件 #" + id + "：调解员拟定了调解协议（" + what + "），请查看并签署");
        return version;
    }

    /**
     * The worker or the platform signs the current draft; with both signatures the agreement takes
     * effect, the case moves to AGREEMENT and its due date becomes the case's deadline.
     *
     * @param version the version the party read, or null; another version is refused (409)
     */
    public void signAgreement(Viewer v, long id, Integer version) {
        CaseSteps.Row row = steps.lock(v, id);
        CaseDetail.Agreement a = CaseQueries.agreement(jdbc, id);
        CaseMachine.Step step = CaseMachine.signAgreement(row.stage(), v.role(), a == null ? null : a.draft());
        checkVersion(row, step.command(), a, version);
        Timestamp now = steps.now();
        String party = v.role() == Role.WORKER ? "worker" : "platform";
        boolean effective = step.to() == Stage.AGREEMENT;
        jdbc.sql("UPDATE case_agreement SET " + party + "_signed_by = ?, " + party + "_signed_at = ?,"
                        + " signed_by = CASE WHEN ? THEN ? ELSE signed_by END,"
                        + " signed_at = CASE WHEN ? THEN ? ELSE signed_at END WHERE case_id = ?")
                .params(v.username(), now, effective, v.username(), effective, now, id)
                .update();
        steps.record(
                v,
                row,
                step,
                List.of(),
                "第 " + a.version() + " 版",
                effective ? "payment" : null,
                effective ? a.dueDate() : null);
        steps.notify(
                id,
                mediator(id),
                "案件 #" + id + "：" + (v.role() == Role.WORKER ? "劳动者" : "平台") + "已签署调解协议" + (effective ? "，协议生效" : ""));
    }

    /** The worker or the platform refuses the current draft, saying why; the mediator is told. */
    public void refuseAgreement(Viewer v, long id, Integer version, String reason) {
        CaseSteps.Row row = steps.lock(v, id);
        CaseDetail.Agreement a = CaseQueries.agreement(jdbc, id);
        CaseMachine.Step step =
                CaseMachine.refuseAgreement(row.stage(), v.role(), a == null ? null : a.draft(), reason);
        checkVersion(row, step.command(), a, version);
        jdbc.sql("UPDATE case_agreement SET refused_by = ?, refused_at = ?, refusal = ? WHERE case_id = ?")
                .params(v.role().name(), steps.now(), step.reason(), id)
                .update();
        steps.record(v, row, step, List.of(), null, null, null);
        steps.notify(
                id,
                mediator(id),
                "案件 #" + id + "：" + (v.role() == Role.WORKER ? "劳动者" : "平台") + "拒签调解协议：" + step.reason());
    }

    private static void checkVersion(CaseSteps.Row row, String command, CaseDetail.Agreement a, Integer version) {
        if (version != null && a != null && a.version() != version) {
            throw new IllegalTransition(
                    row.stage(), command, "the draft changed to version " + a.version() + " since version " + version);
        }
    }

    private String mediator(long id) {
        return jdbc.sql("SELECT mediator FROM case_file WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .map(m -> "user:" + m)
                .orElse("role:MEDIATOR");
    }

    public void noAgreement(Viewer v, long id, String reason) {
        steps.apply(v, id, s -> CaseMachine.noAgreement(s, v.role(), reason), List.of());
    }

    public void markPaid(Viewer v, long id) {
        steps.apply(v, id, s -> CaseMachine.markPaid(s, v.role()), List.of());
        jdbc.sql("UPDATE case_agreement SET paid_at = ? WHERE case_id = ?")
                .params(steps.now(), id)
                .update();
        jdbc.sql("UPDATE case_file SET due_kind = NULL, due_date = NULL WHERE id = ?")
                .param(id)
                .update();
    }

    /** Marks an unpaid wage agreement past its due date for a payment order (劳动争议调解仲裁法 第十六条). */
    public void markForPaymentOrder(Viewer v, long id) {
        var a = jdbc.sql("SELECT wage, due_date, paid_at FROM case_agreement WHERE case_id = ?")
                .param(id)
                .query((rs, n) -> new Object[] {rs.getBoolean(1), rs.getDate(2).toLocalDate(), rs.getTimestamp(3)})
                .optional();
        steps.apply(v, id, s -> CaseMachine.markForPaymentOrder(s, v.role()), List.of());
        if (a.isEmpty()
                || !(boolean) a.get()[0]
                || a.get()[2] != null
                || !steps.today().isAfter((LocalDate) a.get()[1])) {
            throw new GigrightsException(
                    ErrorCode.BAD_REQUEST, "only an unpaid wage agreement past its due date can go to a payment order");
        }
        jdbc.sql("UPDATE case_agreement SET payment_order_at = ? WHERE case_id = ?")
                .params(steps.now(), id)
                .update();
    }
}
