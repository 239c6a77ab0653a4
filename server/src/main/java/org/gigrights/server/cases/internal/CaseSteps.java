package org.gigrights.server.cases.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.gigrights.rules.params.RulePack;
import org.gigrights.server.GigrightsProperties;
import org.gigrights.server.cases.CaseMachine;
import org.gigrights.server.cases.Deadlines;
import org.gigrights.server.cases.NotificationChannel;
import org.gigrights.server.cases.Stage;
import org.gigrights.server.cases.Upload;
import org.gigrights.server.shared.AuditLog;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.gigrights.server.shared.Role;
import org.gigrights.server.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mechanics every case command shares: it locks the case, asks {@link CaseMachine} for the step, moves
 * the deadline, records who/when/why with the documents, writes the audit log and notifies whoever acts next.
 */
@Component
class CaseSteps {
    /** The account that opens automatic cases and escalates. */
    static final Viewer SYSTEM = new Viewer("system", Role.ADMIN, null, null, null);

    final Deadlines deadlines = Deadlines.standard();
    final ZoneId zone = RulePack.chongqing().zone();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final List<NotificationChannel> channels;
    private final GigrightsProperties.Cases props;

    CaseSteps(
            JdbcClient jdbc,
            Clock clock,
            AuditLog audit,
            List<NotificationChannel> channels,
            GigrightsProperties props) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.channels = channels;
        this.props = props.cases();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    Timestamp now() {
        return Timestamp.from(clock.instant());
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

    void apply(Viewer v, long id, Function<Stage, CaseMachine.Step> command, List<Upload> docs) {
        apply(v, id, command, docs, null);
    }

    void apply(Viewer v, long id, Function<Stage, CaseMachine.Step> command, List<Upload> docs, String note) {
        checkUploads(docs);
        Row row = lock(v, id);
        record(v, row, command.apply(row.stage()), docs, note, null, null);
    }

    /** Locks the case row; a case the viewer may not see is not found. */
    Row lock(Viewer v, long id) {
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
    void record(
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
        Timestamp now = now();
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

    /** Tells the worker and the platform of the case the same message. */
    void notifyParties(Row row, String message) {
        for (String who : List.of("worker:" + row.platform() + "/" + row.worker(), "platform:" + row.platform())) {
            notify(row.id(), who, message);
        }
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

    long insertStep(
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
                        now(),
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

    void checkUploads(List<Upload> uploads) {
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

    void store(long id, long step, Viewer v, List<Upload> uploads) {
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
                            now())
                    .update();
        }
    }

    void audit(Viewer v, String action, String what) {
        audit.record(v, action, what);
    }

    void notify(long id, String recipient, String message) {
        for (NotificationChannel c : channels) {
            c.send(id, recipient, message);
        }
    }
}
