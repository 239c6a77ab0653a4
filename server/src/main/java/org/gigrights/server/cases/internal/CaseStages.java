package org.gigrights.server.cases.internal;

import java.sql.Date;
import java.util.List;
import org.gigrights.server.cases.CaseMachine;
import org.gigrights.server.cases.Upload;
import org.gigrights.server.identity.Accounts;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.gigrights.server.shared.Role;
import org.gigrights.server.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The remaining stage transitions: acceptance, assignment, referral, answers and documents, disposal, evaluation,
 * closing and withdrawal.
 */
@Service
@Transactional
public class CaseStages {
    private final JdbcClient jdbc;
    private final CaseSteps steps;
    private final Accounts accounts;

    CaseStages(JdbcClient jdbc, CaseSteps steps, Accounts accounts) {
        this.jdbc = jdbc;
        this.steps = steps;
        this.accounts = accounts;
    }

    public void accept(Viewer v, long id) {
        steps.apply(v, id, s -> CaseMachine.accept(s, v.role()), List.of());
    }

    public void reject(Viewer v, long id, String reason) {
        steps.apply(v, id, s -> CaseMachine.reject(s, v.role(), reason), List.of());
    }

    /** Assigns a mediator (an account with the MEDIATOR role); the mediation period starts. */
    public void assign(Viewer v, long id, String mediator) {
        var m = accounts.find(mediator)
                .filter(a -> a.role() == Role.MEDIATOR)
                .orElseThrow(() -> new GigrightsException(ErrorCode.BAD_REQUEST, "no mediator " + mediator));
        steps.apply(v, id, s -> CaseMachine.assign(s, v.role()), List.of());
        jdbc.sql("UPDATE case_file SET mediator = ? WHERE id = ?")
                .params(m.username(), id)
                .update();
        steps.notify(id, "user:" + m.username(), "案件 #" + id + " 已分派给您调解");
    }

    public void startMediation(Viewer v, long id) {
        steps.apply(v, id, s -> CaseMachine.startMediation(s, v.role()), List.of());
    }

    public void referToArbitration(Viewer v, long id, String reason) {
        boolean timeUp = jdbc.sql("SELECT due_kind = 'mediation' AND due_date < ? FROM case_file WHERE id = ?")
                .params(Date.valueOf(steps.today()), id)
                .query(Boolean.class)
                .optional()
                .map(Boolean.TRUE::equals)
                .orElse(false);
        steps.apply(v, id, s -> CaseMachine.referToArbitration(s, v.role(), timeUp, reason), List.of());
    }

    public void referToInspection(Viewer v, long id, String reason) {
        steps.apply(v, id, s -> CaseMachine.referToInspection(s, v.role(), reason), List.of());
    }

    public void dispose(Viewer v, long id, String outcome) {
        steps.apply(v, id, s -> CaseMachine.dispose(s, v.role(), outcome), List.of());
    }

    /** The worker's rating of the outcome (1–5) with a comment. */
    public void evaluate(Viewer v, long id, int rating, String comment) {
        steps.apply(v, id, s -> CaseMachine.evaluate(s, v.role(), rating), List.of());
        jdbc.sql("UPDATE case_file SET rating = ?, rating_comment = ? WHERE id = ?")
                .params(rating, comment, id)
                .update();
    }

    public void close(Viewer v, long id) {
        steps.apply(v, id, s -> CaseMachine.close(s, v.role()), List.of());
    }

    public void withdraw(Viewer v, long id, String reason) {
        steps.apply(v, id, s -> CaseMachine.withdraw(s, v.role(), reason), List.of());
    }

    /** The platform's answer with its evidence. */
    public void answer(Viewer v, long id, String text, List<Upload> evidence) {
        if (text == null || text.isBlank()) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "an answer needs a text");
        }
        steps.apply(v, id, s -> CaseMachine.answer(s, v.role()), evidence, text.strip());
        jdbc.sql("UPDATE case_file SET answered_at = coalesce(answered_at, ?) WHERE id = ?")
                .params(steps.now(), id)
                .update();
    }

    public void addDocument(Viewer v, long id, String note, List<Upload> docs) {
        steps.apply(v, id, s -> CaseMachine.addDocument(s, v.role()), docs, note);
    }
}
