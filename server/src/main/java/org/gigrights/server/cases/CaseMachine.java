package org.gigrights.server.cases;

import static org.gigrights.server.cases.Stage.*;

import java.util.Set;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.gigrights.server.shared.Role;

/**
 * The case state machine, one method per command. Pure: it checks the stage and the actor's role
 * and returns the step to record, or throws {@link IllegalTransition} (wrong stage) or
 * {@code FORBIDDEN} (wrong role). Whether the actor may see the case at all is checked before.
 *
 * <pre>
 * INTAKE ─accept→ ACCEPTED ─assign→ ASSIGNED ─startMediation→ MEDIATION ─(2nd signature)→ AGREEMENT ─dispose→ DISPOSED
 *   └reject→ REJECTED            │                     └noAgreement→ NO_AGREEMENT ─referToArbitration→ ARBITRATION
 *                                └referToInspection→ INSPECTION                    (or MEDIATION after 15 days)
 * ARBITRATION | INSPECTION ─dispose→ DISPOSED ─evaluate→ EVALUATED ─close→ CLOSED;  any open stage ─withdraw→ WITHDRAWN
 * </pre>
 *
 * In MEDIATION the mediator drafts the agreement; the worker and the platform each sign or refuse it,
 * and the second signature moves the case to AGREEMENT. INSPECTION and ARBITRATION periods may be
 * extended once.
 */
public final class CaseMachine {
    private CaseMachine() {}

    /**
     * A step to record.
     *
     * @param command the command's name, e.g. {@code ACCEPT}
     * @param reason why (required for reject, no agreement, referrals, withdrawal), or null
     */
    public record Step(String command, Stage from, Stage to, String reason) {}

    static final Set<Role> OFFICIALS = Set.of(Role.ADMIN, Role.INSPECTOR);
    static final Set<Role> MEDIATORS = Set.of(Role.ADMIN, Role.INSPECTOR, Role.MEDIATOR);
    static final Set<Role> WORKER = Set.of(Role.WORKER);
    static final Set<Role> PARTIES = Set.of(Role.WORKER, Role.PLATFORM);

    /**
     * The draft agreement as the parties left it, or {@code null} in the commands when there is none.
     *
     * @param workerSigned the worker signed this version
     * @param platformSigned the platform signed this version
     * @param refused a party refused this version (the mediator drafts again or records no agreement)
     */
    public record Draft(boolean workerSigned, boolean platformSigned, boolean refused) {}

    /** 受理 (within 5 working days of intake). */
    public static Step accept(Stage s, Role by) {
        return step("ACCEPT", s, by, OFFICIALS, ACCEPTED, null, INTAKE);
    }

    /** 不予受理, with the reason told to the worker. */
    public static Step reject(Stage s, Role by, String reason) {
        return step("REJECT", s, by, OFFICIALS, REJECTED, required(reason), INTAKE);
    }

    /** 分派调解员 (the union's mediation committee receives the application). */
    public static Step assign(Stage s, Role by) {
        return step("ASSIGN", s, by, OFFICIALS, ASSIGNED, null, ACCEPTED);
    }

    /** 开始调解 */
    public static Step startMediation(Stage s, Role by) {
        return step("START_MEDIATION", s, by, MEDIATORS, MEDIATION, null, ASSIGNED);
    }

    /** 拟定调解协议: the mediator drafts (or redrafts) the agreement; the parties' signatures start over. */
    public static Step draftAgreement(Stage s, Role by) {
        return step("DRAFT_AGREEMENT", s, by, MEDIATORS, s, null, MEDIATION);
    }

    /**
     * 签署调解协议: the worker or the platform signs the current draft; the second signature makes it take
     * effect (AGREEMENT). Refused without a draft, on a refused draft, or when this party already signed.
     */
    public static Step signAgreement(Stage s, Role by, Draft d) {
        step("SIGN_AGREEMENT", s, by, PARTIES, s, null, MEDIATION);
        checkDraft(s, "SIGN_AGREEMENT", by, d);
        boolean other = by == Role.WORKER ? d.platformSigned() : d.workerSigned();
        return new Step("SIGN_AGREEMENT", s, other ? AGREEMENT : s, null);
    }

    /** 拒签调解协议, with the reason for the mediator; the same refusals as {@link #signAgreement}. */
    public static Step refuseAgreement(Stage s, Role by, Draft d, String reason) {
        Step st = step("REFUSE_AGREEMENT", s, by, PARTIES, s, required(reason), MEDIATION);
        checkDraft(s, "REFUSE_AGREEMENT", by, d);
        return st;
    }

    private static void checkDraft(Stage s, String command, Role by, Draft d) {
        if (d == null) {
            throw new IllegalTransition(s, command, "no draft agreement");
        }
        if (d.refused()) {
            throw new IllegalTransition(s, command, "the draft was refused; the mediator drafts it again");
        }
        if (by == Role.WORKER ? d.workerSigned() : d.platformSigned()) {
            throw new IllegalTransition(s, command, "already signed");
        }
    }

    /** 延长监察期限 (劳动保障监察条例 第十七条): once, with the approval's reason. */
    public static Step extendInspection(Stage s, Role by, boolean extended, String approval) {
        return extend("EXTEND_INSPECTION", s, by, OFFICIALS, extended, approval, INSPECTION);
    }

    /** 延长仲裁期限 (劳动争议调解仲裁法 第四十三条): once, with the reason. */
    public static Step extendArbitration(Stage s, Role by, boolean extended, String reason) {
        return extend("EXTEND_ARBITRATION", s, by, MEDIATORS, extended, reason, ARBITRATION);
    }

    private static Step extend(
            String command, Stage s, Role by, Set<Role> roles, boolean extended, String reason, Stage in) {
        Step st = step(command, s, by, roles, s, required(reason), in);
        if (extended) {
            throw new IllegalTransition(s, command, "the period was already extended");
        }
        return st;
    }

    /** 合并: a new intake on the matter of this open case is linked to it. */
    public static Step link(Stage s, Origin origin) {
        if (!s.open()) {
            throw new IllegalTransition(s, "LINK_" + origin);
        }
        return new Step("LINK_" + origin, s, s, null);
    }

    /** 调解未达成协议 */
    public static Step noAgreement(Stage s, Role by, String reason) {
        return step("NO_AGREEMENT", s, by, MEDIATORS, NO_AGREEMENT, required(reason), MEDIATION);
    }

    /**
     * 转劳动争议仲裁: after a failed mediation, an unpaid agreement, or a mediation not concluded
     * within its period (劳动争议调解仲裁法 第十四条, 第十五条).
     *
     * @param mediationTimeUp whether the mediation period has passed (allows it from MEDIATION)
     */
    public static Step referToArbitration(Stage s, Role by, boolean mediationTimeUp, String reason) {
        if (s == MEDIATION && mediationTimeUp) {
            return step("REFER_ARBITRATION", s, by, MEDIATORS, ARBITRATION, required(reason), MEDIATION);
        }
        return step("REFER_ARBITRATION", s, by, MEDIATORS, ARBITRATION, required(reason), NO_AGREEMENT, AGREEMENT);
    }

    /** 转劳动保障监察 (a violation for the inspectorate rather than a dispute to mediate). */
    public static Step referToInspection(Stage s, Role by, String reason) {
        return step(
                "REFER_INSPECTION",
                s,
                by,
                OFFICIALS,
                INSPECTION,
                required(reason),
                ACCEPTED,
                ASSIGNED,
                MEDIATION,
                NO_AGREEMENT,
                AGREEMENT);
    }

    /** 处置完毕: the agreement performed, the award or the inspection order carried out. */
    public static Step dispose(Stage s, Role by, String outcome) {
        return step("DISPOSE", s, by, MEDIATORS, DISPOSED, outcome, AGREEMENT, ARBITRATION, INSPECTION);
    }

    /** 劳动者评价 (1–5). */
    public static Step evaluate(Stage s, Role by, int rating) {
        if (rating < 1 || rating > 5) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "rating must be 1 to 5");
        }
        return step("EVALUATE", s, by, WORKER, EVALUATED, null, DISPOSED);
    }

    /** 结案 */
    public static Step close(Stage s, Role by) {
        return step("CLOSE", s, by, OFFICIALS, CLOSED, null, DISPOSED, EVALUATED, REJECTED);
    }

    /** 撤回: the worker may withdraw at any time while the case is open. */
    public static Step withdraw(Stage s, Role by, String reason) {
        if (!s.open()) {
            throw new IllegalTransition(s, "WITHDRAW");
        }
        return step("WITHDRAW", s, by, WORKER, WITHDRAWN, reason, s);
    }

    /** 平台答复: the platform may answer and add evidence while the case is open. */
    public static Step answer(Stage s, Role by) {
        if (!s.open()) {
            throw new IllegalTransition(s, "ANSWER");
        }
        return step("ANSWER", s, by, Set.of(Role.PLATFORM), s, null, s);
    }

    /** 安排调解会 */
    public static Step scheduleSession(Stage s, Role by) {
        return step("SCHEDULE_SESSION", s, by, MEDIATORS, s, null, ASSIGNED, MEDIATION);
    }

    /** 记录调解会 (what each side said) */
    public static Step recordSession(Stage s, Role by) {
        return step("RECORD_SESSION", s, by, MEDIATORS, s, null, MEDIATION);
    }

    /** 协议已履行 (the agreed amount was paid) */
    public static Step markPaid(Stage s, Role by) {
        return step("MARK_PAID", s, by, MEDIATORS, s, null, AGREEMENT);
    }

    /** 申请支付令: an unpaid wage agreement (劳动争议调解仲裁法 第十六条). */
    public static Step markForPaymentOrder(Stage s, Role by) {
        return step("PAYMENT_ORDER", s, by, MEDIATORS, s, null, AGREEMENT);
    }

    /** 补充材料: anyone who sees an open case may add a document. */
    public static Step addDocument(Stage s, Role by) {
        if (!s.open()) {
            throw new IllegalTransition(s, "ADD_DOCUMENT");
        }
        return new Step("ADD_DOCUMENT", s, s, null);
    }

    private static Step step(
            String command, Stage s, Role by, Set<Role> roles, Stage to, String reason, Stage... from) {
        boolean allowed = false;
        for (Stage f : from) {
            allowed |= f == s;
        }
        if (!allowed) {
            throw new IllegalTransition(s, command);
        }
        if (!roles.contains(by)) {
            throw new GigrightsException(ErrorCode.FORBIDDEN, by + " may not " + command);
        }
        return new Step(command, s, to, reason);
    }

    private static String required(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "a reason is required");
        }
        return reason.strip();
    }
}
