package org.gigrights.server.cases.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gigrights.server.cases.CaseMachine;
import org.gigrights.server.cases.Duplicates;
import org.gigrights.server.cases.Intake;
import org.gigrights.server.cases.Matter;
import org.gigrights.server.cases.Origin;
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
 * Opens cases — a worker's complaint, an inspector's manual case, a trigger's automatic case — or links a duplicate
 * intake to the open case on the same matter.
 */
@Service
@Transactional
public class CaseIntake {
    /** The result of an intake: the case, and whether it was linked to an open case on the same matter. */
    public record Filed(long caseId, boolean linked) {}

    private final JdbcClient jdbc;
    private final CaseSteps steps;

    CaseIntake(JdbcClient jdbc, CaseSteps steps) {
        this.jdbc = jdbc;
        this.steps = steps;
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
        return open(
                CaseSteps.SYSTEM,
                Origin.AUTO,
                matter,
                platform,
                worker,
                text,
                null,
                null,
                trigger,
                findings,
                List.of());
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
        steps.checkUploads(uploads);
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
                .param("case/" + platform + "/" + worker + "/" + matter)
                .query()
                .listOfRows();
        Timestamp now = steps.now();
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
            long step = steps.insertStep(id, by, link.command(), link.from(), link.to(), description, null, null, true);
            link(id, findings);
            steps.store(id, step, by, uploads);
            steps.audit(by, "CASE_LINK", platform + "/" + worker + "/case " + id);
            steps.notify(id, "role:INSPECTOR", "案件 #" + id + " 收到同一事项的新" + (origin == Origin.AUTO ? "预警" : "投诉"));
            return new Filed(id, true);
        }
        String district = jdbc.sql("SELECT district FROM worker_day WHERE platform = ? AND worker = ?"
                        + " AND district IS NOT NULL GROUP BY district ORDER BY count(*) DESC, district LIMIT 1")
                .params(platform, worker)
                .query(String.class)
                .optional()
                .orElse(null);
        LocalDate due = steps.deadlines.due("acceptance", steps.today());
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
        long step =
                steps.insertStep(id, by, "OPEN_" + origin, null, Stage.INTAKE, description, "acceptance", due, true);
        link(id, findings);
        steps.store(id, step, by, uploads);
        steps.audit(by, "CASE_OPEN", platform + "/" + worker + "/case " + id);
        steps.notify(id, "role:INSPECTOR", "新案件 #" + id + " 待受理，请于 " + due + " 前处理");
        return new Filed(id, false);
    }

    private void link(long id, List<Long> findings) {
        for (Long f : findings) {
            jdbc.sql("INSERT INTO case_finding (case_id, finding_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(id, f)
                    .update();
        }
    }
}
