package org.gigrights.server.cases.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gigrights.rules.params.RulePack;
import org.gigrights.server.cases.CaseDetail;
import org.gigrights.server.cases.CaseView;
import org.gigrights.server.cases.Deadlines;
import org.gigrights.server.cases.Matter;
import org.gigrights.server.cases.Origin;
import org.gigrights.server.cases.Stage;
import org.gigrights.server.cases.Upload;
import org.gigrights.server.shared.AuditLog;
import org.gigrights.server.shared.Scope;
import org.gigrights.server.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Cases as a viewer may see them: lists with deadline flags, one case (audited), documents, notifications. */
@Component
public class CaseQueries {
    /** A notification for the viewer. */
    public record Notice(long id, Long caseId, String message, Instant at, boolean read) {
        /** The time in Chongqing, to the minute. */
        public String time() {
            return MINUTE.format(at.atZone(RulePack.chongqing().zone()));
        }
    }

    /** A district's supervisor ({@code *}: districts without their own). */
    public record Supervisor(String district, String username, String setBy, Instant setAt) {}

    static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static final String COLUMNS = "c.id, c.origin, c.matter, c.platform, c.worker, c.district, c.stage, c.description,"
            + " c.days_from, c.days_to, c.trigger_name, c.opened_at, c.updated_at, c.mediator, c.due_kind, c.due_date,"
            + " c.answer_due, c.answered_at, c.outcome, c.missed_deadline, c.escalated_at, c.linked_intakes, c.rating,"
            + " c.extended_kind, c.supervisor";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final Notices notices;
    private final Deadlines deadlines = Deadlines.standard();

    public CaseQueries(JdbcClient jdbc, Clock clock, AuditLog audit, Notices notices) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.notices = notices;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(RulePack.chongqing().zone()));
    }

    /**
     * The cases in the viewer's scope, newest first.
     *
     * @param stage only this stage, or null
     * @param queue {@code due} (approaching or past a deadline), {@code escalated} (督办), {@code mine}
     *     (assigned to the viewer), {@code supervise} (escalated to the viewer as supervisor), or null for all
     */
    public List<CaseView> list(Viewer v, Stage stage, String queue, int limit) {
        Scope s = Scope.of(v, "c");
        List<Object> p = new ArrayList<>(s.params());
        StringBuilder where = new StringBuilder(" WHERE true").append(s.sql());
        if (stage != null) {
            where.append(" AND c.stage = ?");
            p.add(stage.name());
        }
        LocalDate today = today();
        if ("due".equals(queue)) {
            where.append(" AND c.due_date <= ?");
            p.add(Date.valueOf(today.plusDays(deadlines.warnDays(today))));
        } else if ("escalated".equals(queue)) {
            where.append(" AND c.escalated_at IS NOT NULL AND c.stage NOT IN ('CLOSED', 'WITHDRAWN', 'EVALUATED')");
        } else if ("supervise".equals(queue)) {
            where.append(" AND c.escalated_at IS NOT NULL AND c.supervisor = ?");
            p.add(v.username());
        } else if ("mine".equals(queue)) {
            where.append(" AND c.mediator = ?");
            p.add(v.username());
        }
        p.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_file c" + where + " ORDER BY c.id DESC LIMIT ?")
                .params(p)
                .query((rs, n) -> view(rs, today))
                .list();
    }

    /** One case with everything recorded on it; every view goes to the audit log. */
    public Optional<CaseDetail> get(Viewer v, long id) {
        LocalDate today = today();
        Optional<CaseView> c = jdbc.sql("SELECT " + COLUMNS + " FROM case_file c WHERE c.id = ?")
                .param(id)
                .query((rs, n) -> view(rs, today))
                .optional()
                .filter(x -> v.canSee(x.platform(), x.worker(), x.district()));
        if (c.isEmpty()) {
            return Optional.empty();
        }
        audit.record(v, "VIEW_CASE", c.get().platform() + "/" + c.get().worker() + "/case " + id);
        var steps = jdbc.sql("SELECT id, at, username, role, command, from_stage, to_stage, reason, due_date, on_time"
                        + " FROM case_step WHERE case_id = ? ORDER BY at, id")
                .param(id)
                .query((rs, n) -> new CaseDetail.Step(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6) == null ? null : Stage.valueOf(rs.getString(6)),
                        Stage.valueOf(rs.getString(7)),
                        rs.getString(8),
                        date(rs, 9),
                        rs.getBoolean(10)))
                .list();
        var docs = jdbc.sql("SELECT id, step_id, name, content_type, size, uploaded_by FROM case_document"
                        + " WHERE case_id = ? ORDER BY id")
                .param(id)
                .query((rs, n) -> new CaseDetail.Document(
                        rs.getLong(1),
                        (Long) rs.getObject(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6)))
                .list();
        var sessions = jdbc.sql("SELECT id, scheduled_at, place, worker_said, platform_said FROM case_session"
                        + " WHERE case_id = ? ORDER BY scheduled_at, id")
                .param(id)
                .query((rs, n) -> new CaseDetail.Session(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
        var agreement = agreement(jdbc, id);
        var findings = jdbc.sql("SELECT finding_id FROM case_finding WHERE case_id = ? ORDER BY 1")
                .param(id)
                .query(Long.class)
                .list();
        return Optional.of(new CaseDetail(c.get(), steps, docs, sessions, agreement, findings));
    }

    /** The agreement of a case (draft or in effect), or null. */
    static CaseDetail.Agreement agreement(JdbcClient jdbc, long id) {
        return jdbc.sql("SELECT version, amount_cents, due_date, terms, wage, drafted_by, drafted_at,"
                        + " worker_signed_at, platform_signed_at, refused_by, refused_at, refusal, signed_at, paid_at,"
                        + " payment_order_at FROM case_agreement WHERE case_id = ?")
                .param(id)
                .query((rs, n) -> new CaseDetail.Agreement(
                        rs.getInt(1),
                        rs.getLong(2),
                        date(rs, 3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getString(6),
                        instant(rs, 7),
                        instant(rs, 8),
                        instant(rs, 9),
                        rs.getString(10),
                        instant(rs, 11),
                        rs.getString(12),
                        instant(rs, 13),
                        instant(rs, 14),
                        instant(rs, 15)))
                .optional()
                .orElse(null);
    }

    /** The named supervisors by district. */
    public List<Supervisor> supervisors() {
        return jdbc.sql("SELECT district, username, set_by, set_at FROM case_supervisor ORDER BY district")
                .query((rs, n) -> new Supervisor(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4)))
                .list();
    }

    /** A document of a case the viewer may see. */
    public Optional<Upload> document(Viewer v, long caseId, long docId) {
        return jdbc.sql("SELECT c.platform, c.worker, c.district, d.name, d.content_type, d.data FROM case_document d"
                        + " JOIN case_file c ON c.id = d.case_id WHERE d.case_id = ? AND d.id = ?")
                .params(caseId, docId)
                .query((rs, n) -> v.canSee(rs.getString(1), rs.getString(2), rs.getString(3))
                        ? new Upload(rs.getString(4), rs.getString(5), rs.getBytes(6))
                        : null)
                .optional();
    }

    /** The viewer's unread notifications, newest first (up to 20). */
    public List<Notice> notices(Viewer v) {
        return notices.list(v, true, 20);
    }

    private CaseView view(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = date(rs, 16);
        String flag = due == null
                ? "OK"
                : today.isAfter(due)
                        ? "OVERDUE"
                        : !due.isAfter(today.plusDays(deadlines.warnDays(today))) ? "SOON" : "OK";
        return new CaseView(
                rs.getLong(1),
                Origin.valueOf(rs.getString(2)),
                Matter.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                Stage.valueOf(rs.getString(7)),
                rs.getString(8),
                date(rs, 9),
                date(rs, 10),
                rs.getString(11),
                instant(rs, 12),
                instant(rs, 13),
                rs.getString(14),
                rs.getString(15),
                due,
                date(rs, 17),
                instant(rs, 18),
                rs.getString(19),
                rs.getBoolean(20),
                instant(rs, 21),
                rs.getInt(22),
                (Integer) rs.getObject(23),
                flag,
                rs.getString(24),
                rs.getString(25));
    }

    static LocalDate date(ResultSet rs, int i) throws SQLException {
        Date d = rs.getDate(i);
        return d == null ? null : d.toLocalDate();
    }

    static Instant instant(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant();
    }
}
