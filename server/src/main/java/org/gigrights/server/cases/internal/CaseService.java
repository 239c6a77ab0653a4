package org.gigrights.server.cases.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.gigrights.rules.params.RulePack;
import org.gigrights.server.GigrightsProperties;
import org.gigrights.server.cases.CaseDetail;
import org.gigrights.server.cases.CaseMachine;
import org.gigrights.server.cases.Deadlines;
import org.gigrights.server.cases.Duplicates;
import org.gigrights.server.cases.IllegalTransition;
import org.gigrights.server.cases.Intake;
import org.gigrights.server.cases.Matter;
import org.gigrights.server.cases.NotificationChannel;
import org.gigrights.server.cases.Origin;
import org.gigrights.server.cases.Stage;
import org.gigrights.server.cases.Upload;
import org.gigrights.server.identity.Accounts;
import org.gigrights.server.shared.AuditLog;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.gigrights.server.shared.Role;
import org.gigrights.server.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commands on cases. Each one locks the case, asks {@link CaseMachine} for the step, moves the
 * deadline, records who/when/why with the documents, writes the audit log and notifies whoever acts next.
 */
@Service
@Transactional
public class CaseService {
    /** The result of an intake: the case, and whether it was linked to an open case on the same matter. */
    public record Filed(long caseId, boolean linked) {}

    /** The account that opens automatic cases and escalates. */
    public static final Viewer SYSTEM = new Viewer("system", Role.ADMIN, null, null, null);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final Accounts accounts;
    private final List<NotificationChannel> channels;
    private final GigrightsProperties.Cases props;
    private final Deadlines deadlines = Deadlines.standard();
    private final ZoneId zone = RulePack.chongqing().zone();
    private static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public CaseService(
            JdbcClient jdbc,
            Clock clock,
            AuditLog audit,
            Accounts accounts,
            List<NotificationChannel> channels,
            GigrightsProperties props) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.accounts = accounts;
        this.channels = channels;
        this.props = props.cases();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** A worker's complaint; linked to their open case on the same matter if there is one. */
    public Filed file(Viewer worker, Intake in) {
        if (worker.role() != Role.WORKER) {
            throw new GigrightsException(ErrorCode.FORBIDDEN, "only a worker files a complaint");
        }
        if (in.description() == null || in.description().isBlank()) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "say what happened");
        }
        Set<Long> findings = new LinkedHashSet<>();
        String own = "SELECT id FROM finding WHERE platform = ? AND worker = ? AND gone_at IS NULL";
        if (in.allFindings()) {
            findings.addAll(jdbc.sql(own)
                    .params(worker.platform(), worker.worker())
                    .query(Long.class)
                    .list());
        }
        for (Long id : in.findings() == null ? List.<Long>of() : in.findings()) {
            findings.addAll(jdbc.sql(own + " AND id = ?")
                    .params(worker.platform(), worker.worker(), id)
                    .query(Long.class)
                    .list());
        }
        return open(
                worker,
                Origin.WORKER,
                in.matter() == null ? Matter.OTHER : in.matter(),
                worker.platform(),
                worker.worker(),
                in.description().strip(),
                in.daysFrom(),
                in.daysTo(),
                null,
                List.copyOf(findings),
                in.uploads() == null ? List.of() : in.uploads());
    }

    /** An inspector's manual case. */
    public Filed openManual(Viewer inspector, String platform, String worker, Matter matter, String description) {
        if (inspector.role() != Role.INSPECTOR && inspector.role() != Role.ADMIN) {
            throw new GigrightsException(ErrorCode.FORBIDDEN, "only an inspector opens a case");
        }
        if (jdbc.sql("SELECT count(*) FROM platform WHERE code = ?")
                        .param(platform)
                        .query(Long.class)
                        .single()
                == 0) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "unknown platform " + platform);
        }
        return open(
                inspector,
                Origin.INSPECTOR,
                matter,
                platform,
                worker,
                description,
                null,
                null,
                null,
                List.of(),
                List.of());
    }

    /** An automatic case from a trigger, or the findings linked to the open case on the matter. */
    public Filed openAuto(String platform, String worker, Matter matter, String trigger, List<Long> findings) {
        String text = "自动立案：" + trigger + "，发现 " + findings.size() + " 项";
        return open(SYSTEM, Origin.AUTO, matter, platform, worker, text, null, null, trigger, findings, List.of());
    }

    private Filed open(
            Viewer by,
            Origin origin,
            Matter matter,
            String platform,
            String worker,
            String description,
            LocalDate from,
            LocalDate to,
            String trigger,
            List<Long> findings,
            List<Upload> uploads) {
        checkUploads(uploads);
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
                .param("case/" + platform + "/" + worker + "/" + matter)
                .query()
                .listOfRows();
        Timestamp now = Timestamp.from(clock.instant());
        var existing = Duplicates.linkTo(
                jdbc.sql("SELECT id, matter, stage FROM case_file WHERE platform = ? AND worker = ?")
                        .params(platform, worker)
                        .query((rs, n) -> new Duplicates.Existing(
                                rs.getLong(1),
                                platform,
                                worker,
                                Matter.valueOf(rs.getString(2)),
                                Stage.valueOf(rs.getString(3))))
                        .list(),
                platform,
                worker,
                matter);
        if (existing.isPresent()) {
            long id = existing.get().id();
            CaseMachine.Step link = CaseMachine.link(existing.get().stage(), origin);
            jdbc.sql("UPDATE case_file SET linked_intakes = linked_intakes + 1, updated_at = ? WHERE id = ?")
                    .params(now, id)
                    .update();
            long step = insertStep(id, by, link.command(), link.from(), link.to(), description, null, null, true);
            link(id, findings);
            store(id, step, by, uploads);
            audit.record(by, "CASE_LINK", platform + "/" + worker + "/case " + id);
            notify(id, "role:INSPECTOR", "案件 #" + id + " 收到同一事项的新" + (origin == Origin.AUTO ? "预警" : "投诉"));
            return new Filed(id, true);
        }
        String district = jdbc.sql("SELECT district FROM worker_day WHERE platform = ? AND worker = ?"
                        + " AND district IS NOT NULL GROUP BY district ORDER BY count(*) DESC, district LIMIT 1")
                .params(platform, worker)
                .query(String.class)
                .optional()
                .orElse(null);
        LocalDate due = deadlines.due("acceptance", today());
        long id = jdbc.sql("INSERT INTO case_file (origin, matter, platform, worker, district, stage, description,"
                        + " days_from, days_to, trigger_name, opened_by, opened_at, updated_at, due_kind, due_date)"
                        + " VALUES (?, ?, ?, ?, ?, 'INTAKE', ?, ?, ?, ?, ?, ?, ?, 'acceptance', ?) RETURNING id")
                .params(
                        origin.name(),
                        matter.name(),
                        platform,
                        worker,
                        district,
                        description,
                        from == null ? null : Date.valueOf(from),
                        to == null ? null : Date.valueOf(to),
                        trigger,
                        by.username(),
                        now,
                        now,
                        Date.valueOf(due))
                .query(Long.class)
                .single();
        long step = insertStep(id, by, "OPEN_" + origin, null, Stage.INTAKE, description, "acceptance", due, true);
        link(id, findings);
        store(id, step, by, uploads);
        audit.record(by, "CASE_OPEN", platform + "/" + worker + "/case " + id);
        notify(id, "role:INSPECTOR", "新案件 #" + id + " 待受理，请于 " + due + " 前处理");
        return new Filed(id, false);
    }

    public void accept(Viewer v, long id) {
        apply(v, id, s -> CaseMachine.accept(s, v.role()), List.of());
    }

    public void reject(Viewer v, long id, String reason) {
        apply(v, id, s -> CaseMachine.reject(s, v.role(), reason), List.of());
    }

    /** Assigns a mediator (an account with the MEDIATOR role); the mediation period starts. */
    public void assign(Viewer v, long id, String mediator) {
        var m = accounts.find(mediator)
                .filter(a -> a.role() == Role.MEDIATOR)
                .orElseThrow(() -> new GigrightsException(ErrorCode.BAD_REQUEST, "no mediator " + mediator));
        apply(v, id, s -> CaseMachine.assign(s, v.role()), List.of());
        jdbc.sql("UPDATE case_file SET mediator = ? WHERE id = ?")
                .params(m.username(), id)
                .update();
        notify(id, "user:" + m.username(), "案件 #" + id + " 已分派给您调解");
    }

    public void startMediation(Viewer v, long id) {
        apply(v, id, s -> CaseMachine.startMediation(s, v.role()), List.of());
    }

    /** Schedules a mediation session; the worker and the platform are told when and where. */
    public long scheduleSession(Viewer v, long id, java.time.Instant when, String place) {
        if (when == null || place == null || place.isBlank()) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "a session needs a time and a place");
        }
        Row row = lock(v, id);
        CaseMachine.Step step = CaseMachine.scheduleSession(row.stage(), v.role());
        String at = MINUTE.format(when.atZone(zone)) + " " + place.strip();
        record(v, row, step, List.of(), at, null, null);
        long session = jdbc.sql("INSERT INTO case_session (case_id, scheduled_at, place) VALUES (?, ?, ?) RETURNING id")
                .params(id, Timestamp.from(when), place.strip())
                .query(Long.class)
                .single();
        for (String who : parties(row)) {
            notify(id, who, "案件 #" + id + "：调解会定于 " + at + " 举行，请准时参加");
        }
        return session;
    }

    public void recordSession(Viewer v, long id, long session, String workerSaid, String platformSaid) {
        apply(v, id, s -> CaseMachine.recordSession(s, v.role()), List.of());
        int n = jdbc.sql("UPDATE case_session SET worker_said = ?, platform_said = ?, recorded_by = ?,"
                        + " recorded_at = ? WHERE id = ? AND case_id = ?")
                .params(workerSaid, platformSaid, v.username(), Timestamp.from(clock.instant()), session, id)
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
        checkUploads(docs);
        Row row = lock(v, id);
        CaseMachine.Step step = CaseMachine.draftAgreement(row.stage(), v.role());
        Timestamp now = Timestamp.from(clock.instant());
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
        String what = "第 " + version + " 版："
                + java.math.BigDecimal.valueOf(amountCents, 2).toPlainString() + " 元，" + due + " 前履行";
        record(v, row, step, docs, what, null, null);
        for (String who : parties(row)) {
            notify(id, who, "案件 #" + id + "：调解员拟定了调解协议（" + what + "），请查看并签署");
        }
        return version;
    }

    /**
     * The worker or the platform signs the current draft; with both signatures the agreement takes
     * effect, the case moves to AGREEMENT and its due date becomes the case's deadline.
     *
     * @param version the version the party read, or null; another version is refused (409)
     */
    public void signAgreement(Viewer v, long id, Integer version) {
        Row row = lock(v, id);
        CaseDetail.Agreement a = CaseQueries.agreement(jdbc, id);
        CaseMachine.Step step = CaseMachine.signAgreement(row.stage(), v.role(), a == null ? null : a.draft());
        checkVersion(row, step.command(), a, version);
        Timestamp now = Timestamp.from(clock.instant());
        String party = v.role() == Role.WORKER ? "worker" : "platform";
        boolean effective = step.to() == Stage.AGREEMENT;
        jdbc.sql("UPDATE case_agreement SET " + party + "_signed_by = ?, " + party + "_signed_at = ?,"
                        + " signed_by = CASE WHEN ? THEN ? ELSE signed_by END,"
                        + " signed_at = CASE WHEN ? THEN ? ELSE signed_at END WHERE case_id = ?")
                .params(v.username(), now, effective, v.username(), effective, now, id)
                .update();
        record(
                v,
                row,
                step,
                List.of(),
                "第 " + a.version() + " 版",
                effective ? "payment" : null,
                effective ? a.dueDate() : null);
        notify(
                id,
                mediator(id),
                "案件 #" + id + "：" + (v.role() == Role.WORKER ? "劳动者" : "平台") + "已签署调解协议" + (effective ? "，协议生效" : ""));
    }

    /** The worker or the platform refuses the current draft, saying why; the mediator is told. */
    public void refuseAgreement(Viewer v, long id, Integer version, String reason) {
        Row row = lock(v, id);
        CaseDetail.Agreement a = CaseQueries.agreement(jdbc, id);
        CaseMachine.Step step =
                CaseMachine.refuseAgreement(row.stage(), v.role(), a == null ? null : a.draft(), reason);
        checkVersion(row, step.command(), a, version);
        jdbc.sql("UPDATE case_agreement SET refused_by = ?, refused_at = ?, refusal = ? WHERE case_id = ?")
                .params(v.role().name(), Timestamp.from(clock.instant()), step.reason(), id)
                .update();
        record(v, row, step, List.of(), null, null, null);
        notify(
                id,
                mediator(id),
                "案件 #" + id + "：" + (v.role() == Role.WORKER ? "劳动者" : "平台") + "拒签调解协议：" + step.reason());
    }

    private static void checkVersion(Row row, String command, CaseDetail.Agreement a, Integer version) {
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

    /** How a period is extended: the machine's command for it. */
    interface Extension {
        CaseMachine.Step decide(Stage s, Role by, boolean extended, String reason);
    }

    /** Extends the inspection by up to 30 working days with the approval (劳动保障监察条例 第十七条). */
    public void extendInspection(Viewer v, long id, int workdays, String approval) {
        extend(v, id, "inspection", workdays, approval, CaseMachine::extendInspection);
    }

    /** Extends the arbitration period by up to 15 days (劳动争议调解仲裁法 第四十三条). */
    public void extendArbitration(Viewer v, long id, int days, String reason) {
        extend(v, id, "arbitration", days, reason, CaseMachine::extendArbitration);
    }

    private void extend(Viewer v, long id, String kind, int days, String reason, Extension command) {
        Row row = lock(v, id);
        CaseMachine.Step step = command.decide(row.stage(), v.role(), kind.equals(row.extendedKind()), reason);
        if (row.due() != null && today().isAfter(row.due())) {
            throw new GigrightsException(
                    ErrorCode.BAD_REQUEST, "the period ended on " + row.due() + "; extend it before it ends");
        }
        LocalDate start = jdbc.sql("SELECT at FROM case_step WHERE case_id = ? AND to_stage = ?"
                        + " AND from_stage IS DISTINCT FROM to_stage ORDER BY at DESC, id DESC LIMIT 1")
                .params(id, row.stage().name())
                .query(Timestamp.class)
                .optional()
                .map(t -> t.toInstant().atZone(zone).toLocalDate())
                .orElse(today());
        LocalDate due;
        try {
            due = deadlines.extend(kind, start, days);
        } catch (IllegalArgumentException e) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
        String unit = deadlines.rule(kind, start).unit() == Deadlines.Unit.WORKDAYS ? " 个工作日" : " 日";
        CaseMachine.Step said =
                new CaseMachine.Step(step.command(), step.from(), step.to(), "延长 " + days + unit + "：" + step.reason());
        record(v, row, said, List.of(), null, kind, due);
        jdbc.sql("UPDATE case_file SET extended_kind = ? WHERE id = ?")
                .params(kind, id)
                .update();
        for (String who : parties(row)) {
            notify(id, who, "案件 #" + id + "：" + (kind.equals("inspection") ? "监察" : "仲裁") + "期限经批准延长至 " + due);
        }
    }

    public void noAgreement(Viewer v, long id, String reason) {
        apply(v, id, s -> CaseMachine.noAgreement(s, v.role(), reason), List.of());
    }

    public void markPaid(Viewer v, long id) {
        apply(v, id, s -> CaseMachine.markPaid(s, v.role()), List.of());
        jdbc.sql("UPDATE case_agreement SET paid_at = ? WHERE case_id = ?")
                .params(Timestamp.from(clock.instant()), id)
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
        apply(v, id, s -> CaseMachine.markForPaymentOrder(s, v.role()), List.of());
        if (a.isEmpty() || !(boolean) a.get()[0] || a.get()[2] != null || !today().isAfter((LocalDate) a.get()[1])) {
            throw new GigrightsException(
                    ErrorCode.BAD_REQUEST, "only an unpaid wage agreement past its due date can go to a payment order");
        }
        jdbc.sql("UPDATE case_agreement SET payment_order_at = ? WHERE case_id = ?")
                .params(Timestamp.from(clock.instant()), id)
                .update();
    }

    public void referToArbitration(Viewer v, long id, String reason) {
        boolean timeUp = jdbc.sql("SELECT due_kind = 'mediation' AND due_date < ? FROM case_file WHERE id = ?")
                .params(Date.valueOf(today()), id)
                .query(Boolean.class)
                .optional()
                .map(Boolean.TRUE::equals)
                .orElse(false);
        apply(v, id, s -> CaseMachine.referToArbitration(s, v.role(), timeUp, reason), List.of());
    }

    public void referToInspection(Viewer v, long id, String reason) {
        apply(v, id, s -> CaseMachine.referToInspection(s, v.role(), reason), List.of());
    }

    public void dispose(Viewer v, long id, String outcome) {
        apply(v, id, s -> CaseMachine.dispose(s, v.role(), outcome), List.of());
    }

    /** The worker's rating of the outcome (1–5) with a comment. */
    public void evaluate(Viewer v, long id, int rating, String comment) {
        apply(v, id, s -> CaseMachine.evaluate(s, v.role(), rating), List.of());
        jdbc.sql("UPDATE case_file SET rating = ?, rating_comment = ? WHERE id = ?")
                .params(rating, comment, id)
                .update();
    }

    public void close(Viewer v, long id) {
        apply(v, id, s -> CaseMachine.close(s, v.role()), List.of());
    }

    public void withdraw(Viewer v, long id, String reason) {
        apply(v, id, s -> CaseMachine.withdraw(s, v.role(), reason), List.of());
    }

    /** The platform's answer with its evidence. */
    public void answer(Viewer v, long id, String text, List<Upload> evidence) {
        if (text == null || text.isBlank()) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "an answer needs a text");
        }
        apply(v, id, s -> CaseMachine.answer(s, v.role()), evidence, text.strip());
        jdbc.sql("UPDATE case_file SET answered_at = coalesce(answered_at, ?) WHERE id = ?")
                .params(Timestamp.from(clock.instant()), id)
                .update();
    }

    public void addDocument(Viewer v, long id, String note, List<Upload> docs) {
        apply(v, id, s -> CaseMachine.addDocument(s, v.role()), docs, note);
    }

    /**
     * Flags cases past their deadline and escalates each once to the supervisor of its district (or of
     * {@code *}), who finds it in their queue; without a supervisor, to the administrators. Returns how many.
     */
    public int escalate() {
        List<String[]> cases = jdbc.sql("UPDATE case_file c SET escalated_at = ?, missed_deadline = true,"
                        + " supervisor = coalesce((SELECT s.username FROM case_supervisor s WHERE s.district = c.district),"
                        + " (SELECT s.username FROM case_supervisor s WHERE s.district = '*'))"
                        + " WHERE due_date < ? AND escalated_at IS NULL"
                        + " AND stage NOT IN ('REJECTED', 'DISPOSED', 'EVALUATED', 'CLOSED', 'WITHDRAWN')"
                        + " RETURNING id, supervisor")
                .params(Timestamp.from(clock.instant()), Date.valueOf(today()))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        for (String[] c : cases) {
            long id = Long.parseLong(c[0]);
            Stage s = stage(id);
            String to = c[1] == null ? "role:ADMIN" : "user:" + c[1];
            insertStep(id, SYSTEM, "ESCALATE", s, s, "已超过期限，督办：" + (c[1] == null ? "管理员" : c[1]), null, null, false);
            notify(id, to, "案件 #" + id + " 已超期，转入督办队列");
        }
        return cases.size();
    }

    /**
     * Names the supervisor of a district ({@code *} for districts without their own): an inspector of
     * that district (or of all districts) or an administrator. A blank username removes it.
     */
    public void setSupervisor(Viewer v, String district, String username) {
        if (v.role() != Role.ADMIN) {
            throw new GigrightsException(ErrorCode.FORBIDDEN, "only an administrator names supervisors");
        }
        if (district == null || district.isBlank()) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "a district code, or * for the others");
        }
        String d = district.strip();
        if (username == null || username.isBlank()) {
            jdbc.sql("DELETE FROM case_supervisor WHERE district = ?").param(d).update();
            audit.record(v, "CASE_SUPERVISOR", d + " -");
            return;
        }
        var a = accounts.find(username.strip())
                .filter(x -> x.role() == Role.ADMIN
                        || (x.role() == Role.INSPECTOR
                                && (x.district() == null || x.district().equals(d))))
                .orElseThrow(() -> new GigrightsException(
                        ErrorCode.BAD_REQUEST, username + " is not an inspector of " + d + " or an administrator"));
        jdbc.sql("INSERT INTO case_supervisor (district, username, set_by, set_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (district) DO UPDATE SET username = EXCLUDED.username,"
                        + " set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at")
                .params(d, a.username(), v.username(), Timestamp.from(clock.instant()))
                .update();
        audit.record(v, "CASE_SUPERVISOR", d + " " + a.username());
    }

    private Stage stage(long id) {
        return Stage.valueOf(jdbc.sql("SELECT stage FROM case_file WHERE id = ?")
                .param(id)
                .query(String.class)
                .single());
    }

    /** The locked case row a command is decided on. */
    record Row(
            long id,
            Stage stage,
            String platform,
            String worker,
            String district,
            String dueKind,
            LocalDate due,
            String extendedKind) {}

    private void apply(Viewer v, long id, Function<Stage, CaseMachine.Step> command, List<Upload> docs) {
        apply(v, id, command, docs, null);
    }

    private void apply(Viewer v, long id, Function<Stage, CaseMachine.Step> command, List<Upload> docs, String note) {
        checkUploads(docs);
        Row row = lock(v, id);
        record(v, row, command.apply(row.stage()), docs, note, null, null);
    }

    /** Locks the case row; a case the viewer may not see is not found. */
    private Row lock(Viewer v, long id) {
        return jdbc.sql("SELECT stage, platform, worker, district, due_kind, due_date, extended_kind FROM case_file"
                        + " WHERE id = ? FOR UPDATE")
                .param(id)
                .query((rs, n) -> new Row(
                        id,
                        Stage.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        CaseQueries.date(rs, 6),
                        rs.getString(7)))
                .optional()
                .filter(r -> v.canSee(r.platform(), r.worker(), r.district()))
                .orElseThrow(() -> new GigrightsException(ErrorCode.NOT_FOUND, "no case " + id));
    }

    /**
     * Records a decided step: moves the stage and the running deadline, writes the step, its documents
     * and the audit log, and notifies whoever acts next.
     *
     * @param newKind with {@code newDue}, the deadline that runs from now on (an extension, a payment), or null
     */
    private void record(
            Viewer v,
            Row row,
            CaseMachine.Step step,
            List<Upload> docs,
            String note,
            String newKind,
            LocalDate newDue) {
        long id = row.id();
        LocalDate today = today();
        LocalDate oldDue = row.due();
        boolean moves = step.from() != step.to();
        boolean onTime = !moves || oldDue == null || !today.isAfter(oldDue);
        String kind = row.dueKind();
        LocalDate due = oldDue;
        if (moves) {
            kind = switch (step.to()) {
                case ASSIGNED, MEDIATION -> "mediation";
                case ARBITRATION -> "arbitration";
                case INSPECTION -> "inspection";
                default -> null;
            };
            due = kind == null
                    ? null
                    : step.to() == Stage.MEDIATION && "mediation".equals(row.dueKind())
                            ? oldDue
                            : deadlines.due(kind, today);
        }
        if (newDue != null) {
            kind = newKind;
            due = newDue;
        }
        Timestamp now = Timestamp.from(clock.instant());
        String outcome =
                switch (step.to()) {
                    case DISPOSED -> step.from().name();
                    case REJECTED, WITHDRAWN -> step.to().name();
                    default -> null;
                };
        jdbc.sql("UPDATE case_file SET stage = ?, due_kind = ?, due_date = ?, updated_at = ?,"
                        + " missed_deadline = missed_deadline OR ?, outcome = coalesce(?, outcome),"
                        + " escalated_at = CASE WHEN ? THEN NULL ELSE escalated_at END,"
                        + " answer_due = CASE WHEN ? = 'ACCEPTED' THEN ? ELSE answer_due END WHERE id = ?")
                .params(
                        step.to().name(),
                        kind,
                        due == null ? null : Date.valueOf(due),
                        now,
                        !onTime,
                        outcome,
                        moves || newDue != null,
                        step.to().name(),
                        Date.valueOf(deadlines.due("platform_answer", today)),
                        id)
                .update();
        String reason = step.reason() != null ? step.reason() : note;
        long stepId = insertStep(id, v, step.command(), step.from(), step.to(), reason, kind, due, onTime);
        store(id, stepId, v, docs);
        audit.record(v, "CASE_" + step.command(), row.platform() + "/" + row.worker() + "/case " + id);
        if (moves) {
            for (String who : nextActors(step.to(), row.platform(), row.worker())) {
                notify(id, who, "案件 #" + id + "：" + Labels.stage(step.to()));
            }
        }
    }

    private static List<String> parties(Row row) {
        return List.of("worker:" + row.platform() + "/" + row.worker(), "platform:" + row.platform());
    }

    static List<String> nextActors(Stage to, String platform, String worker) {
        String w = "worker:" + platform + "/" + worker;
        String p = "platform:" + platform;
        return switch (to) {
            case INTAKE -> List.of("role:INSPECTOR");
            case ACCEPTED, AGREEMENT, ARBITRATION, INSPECTION, MEDIATION -> List.of(w, p);
            case EVALUATED -> List.of("role:INSPECTOR");
            case ASSIGNED, NO_AGREEMENT, DISPOSED, REJECTED, CLOSED -> List.of(w);
            case WITHDRAWN -> List.of("role:INSPECTOR", p);
        };
    }

    private long insertStep(
            long id,
            Viewer v,
            String command,
            Stage from,
            Stage to,
            String reason,
            String kind,
            LocalDate due,
            boolean onTime) {
        return jdbc.sql("INSERT INTO case_step (case_id, at, username, role, command, from_stage, to_stage, reason,"
                        + " due_kind, due_date, on_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(
                        id,
                        Timestamp.from(clock.instant()),
                        v.username(),
                        v.role().name(),
                        command,
                        from == null ? null : from.name(),
                        to.name(),
                        reason,
                        kind,
                        due == null ? null : Date.valueOf(due),
                        onTime)
                .query(Long.class)
                .single();
    }

    private void link(long id, List<Long> findings) {
        for (Long f : findings) {
            jdbc.sql("INSERT INTO case_finding (case_id, finding_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(id, f)
                    .update();
        }
    }

    private void checkUploads(List<Upload> uploads) {
        if (uploads.size() > props.maxAttachments()) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "at most " + props.maxAttachments() + " attachments");
        }
        for (Upload u : uploads) {
            if (u.data().length > props.maxAttachmentBytes()) {
                throw new GigrightsException(
                        ErrorCode.ATTACHMENT_TOO_LARGE,
                        u.name() + " is larger than " + props.maxAttachmentBytes() + " bytes");
            }
        }
    }

    private void store(long id, long step, Viewer v, List<Upload> uploads) {
        for (Upload u : uploads) {
            jdbc.sql("INSERT INTO case_document (case_id, step_id, name, content_type, size, data, uploaded_by, at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            step,
                            u.name(),
                            u.contentType() == null ? "application/octet-stream" : u.contentType(),
                            u.data().length,
                            u.data(),
                            v.username(),
                            Timestamp.from(clock.instant()))
                    .update();
        }
    }

    private void notify(long id, String recipient, String message) {
        for (NotificationChannel c : channels) {
            c.send(id, recipient, message);
        }
    }
}
