package org.gigrights.server.cases.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.gigrights.server.cases.CaseMachine;
import org.gigrights.server.cases.Deadlines;
import org.gigrights.server.cases.Stage;
import org.gigrights.server.identity.Accounts;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.gigrights.server.shared.Role;
import org.gigrights.server.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadlines: approved extensions of the inspection and arbitration periods, escalation of overdue cases, and the
 * district supervisors who receive them.
 */
@Service
@Transactional
public class CaseDeadlines {
    private final JdbcClient jdbc;
    private final CaseSteps steps;
    private final Accounts accounts;

    CaseDeadlines(JdbcClient jdbc, CaseSteps steps, Accounts accounts) {
        this.jdbc = jdbc;
        this.steps = steps;
        this.accounts = accounts;
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
        CaseSteps.Row row = steps.lock(v, id);
        CaseMachine.Step step = command.decide(row.stage(), v.role(), kind.equals(row.extendedKind()), reason);
        if (row.due() != null && steps.today().isAfter(row.due())) {
            throw new GigrightsException(
                    ErrorCode.BAD_REQUEST, "the period ended on " + row.due() + "; extend it before it ends");
        }
        LocalDate start = jdbc.sql("SELECT at FROM case_step WHERE case_id = ? AND to_stage = ?"
                        + " AND from_stage IS DISTINCT FROM to_stage ORDER BY at DESC, id DESC LIMIT 1")
                .params(id, row.stage().name())
                .query(Timestamp.class)
                .optional()
                .map(t -> t.toInstant().atZone(steps.zone).toLocalDate())
                .orElse(steps.today());
        LocalDate due;
        try {
            due = steps.deadlines.extend(kind, start, days);
        } catch (IllegalArgumentException e) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
        String unit = steps.deadlines.rule(kind, start).unit() == Deadlines.Unit.WORKDAYS ? " 个工作日" : " 日";
        CaseMachine.Step said =
                new CaseMachine.Step(step.command(), step.from(), step.to(), "延长 " + days + unit + "：" + step.reason());
        steps.record(v, row, said, List.of(), null, kind, due);
        jdbc.sql("UPDATE case_file SET extended_kind = ? WHERE id = ?")
                .params(kind, id)
                .update();
        steps.notifyParties(row, "案件 #" + id + "：" + (kind.equals("inspection") ? "监察" : "仲裁") + "期限经批准延长至 " + due);
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
                .params(steps.now(), Date.valueOf(steps.today()))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        for (String[] c : cases) {
            long id = Long.parseLong(c[0]);
            Stage s = stage(id);
            String to = c[1] == null ? "role:ADMIN" : "user:" + c[1];
            steps.insertStep(
                    id,
                    CaseSteps.SYSTEM,
                    "ESCALATE",
                    s,
                    s,
                    "已超过期限，督办：" + (c[1] == null ? "管理员" : c[1]),
                    null,
                    null,
                    false);
            steps.notify(id, to, "案件 #" + id + " 已超期，转入督办队列");
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
            steps.audit(v, "CASE_SUPERVISOR", d + " -");
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
                .params(d, a.username(), v.username(), steps.now())
                .update();
        steps.audit(v, "CASE_SUPERVISOR", d + " " + a.username());
    }

    private Stage stage(long id) {
        return Stage.valueOf(jdbc.sql("SELECT stage FROM case_file WHERE id = ?")
                .param(id)
                .query(String.class)
                .single());
    }
}
