package org.gigrights.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gigrights.server.cases.Stage.*;

import java.util.EnumSet;
import java.util.function.Function;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.gigrights.server.shared.Role;
import org.junit.jupiter.api.Test;

/** Every command from every stage: the allowed ones move, every other one is refused with its code. */
class CaseMachineTests {
    static final Role I = Role.INSPECTOR;
    static final Role M = Role.MEDIATOR;
    static final Role W = Role.WORKER;

    void onlyFrom(Function<Stage, CaseMachine.Step> command, Stage to, Stage... from) {
        EnumSet<Stage> allowed = EnumSet.noneOf(Stage.class);
        for (Stage f : from) {
            allowed.add(f);
            CaseMachine.Step s = command.apply(f);
            assertThat(s.from()).isEqualTo(f);
            assertThat(s.to()).isEqualTo(to == null ? f : to);
        }
        for (Stage s : EnumSet.complementOf(allowed)) {
            assertThatThrownBy(() -> command.apply(s))
                    .as("from %s", s)
                    .isInstanceOf(IllegalTransition.class)
                    .extracting(e -> ((GigrightsException) e).code())
                    .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        }
    }

    @Test
    void eachCommandMovesOnlyFromItsStages() {
        onlyFrom(s -> CaseMachine.accept(s, I), ACCEPTED, INTAKE);
        onlyFrom(s -> CaseMachine.reject(s, I, "不属于受理范围"), REJECTED, INTAKE);
        onlyFrom(s -> CaseMachine.assign(s, I), ASSIGNED, ACCEPTED);
        onlyFrom(s -> CaseMachine.startMediation(s, M), MEDIATION, ASSIGNED);
        CaseMachine.Draft fresh = new CaseMachine.Draft(false, false, false);
        onlyFrom(s -> CaseMachine.draftAgreement(s, M), null, MEDIATION);
        onlyFrom(s -> CaseMachine.signAgreement(s, W, fresh), null, MEDIATION);
        onlyFrom(
                s -> CaseMachine.signAgreement(s, Role.PLATFORM, new CaseMachine.Draft(true, false, false)),
                AGREEMENT,
                MEDIATION);
        onlyFrom(s -> CaseMachine.refuseAgreement(s, W, fresh, "金额不对"), null, MEDIATION);
        onlyFrom(s -> CaseMachine.extendInspection(s, I, false, "局长批准：案情复杂"), null, INSPECTION);
        onlyFrom(s -> CaseMachine.extendArbitration(s, M, false, "仲裁委主任批准"), null, ARBITRATION);
        onlyFrom(s -> CaseMachine.noAgreement(s, M, "平台不同意"), NO_AGREEMENT, MEDIATION);
        onlyFrom(s -> CaseMachine.referToArbitration(s, M, false, "申请仲裁"), ARBITRATION, NO_AGREEMENT, AGREEMENT);
        onlyFrom(
                s -> CaseMachine.referToArbitration(s, M, true, "调解逾期"),
                ARBITRATION,
                MEDIATION,
                NO_AGREEMENT,
                AGREEMENT);
        onlyFrom(
                s -> CaseMachine.referToInspection(s, I, "涉嫌违法"),
                INSPECTION,
                ACCEPTED,
                ASSIGNED,
                MEDIATION,
                NO_AGREEMENT,
                AGREEMENT);
        onlyFrom(s -> CaseMachine.dispose(s, M, "已履行"), DISPOSED, AGREEMENT, ARBITRATION, INSPECTION);
        onlyFrom(s -> CaseMachine.evaluate(s, W, 5), EVALUATED, DISPOSED);
        onlyFrom(s -> CaseMachine.close(s, I), CLOSED, DISPOSED, EVALUATED, REJECTED);
        onlyFrom(
                s -> CaseMachine.withdraw(s, W, null),
                WITHDRAWN,
                INTAKE,
                ACCEPTED,
                ASSIGNED,
                MEDIATION,
                AGREEMENT,
                NO_AGREEMENT,
                ARBITRATION,
                INSPECTION);
        onlyFrom(
                s -> CaseMachine.answer(s, Role.PLATFORM),
                null,
                INTAKE,
                ACCEPTED,
                ASSIGNED,
                MEDIATION,
                AGREEMENT,
                NO_AGREEMENT,
                ARBITRATION,
                INSPECTION);
    }

    @Test
    void theHappyPathOfAMediatedComplaint() {
        Stage s = INTAKE;
        s = CaseMachine.accept(s, I).to();
        s = CaseMachine.assign(s, I).to();
        s = CaseMachine.startMediation(s, M).to();
        s = CaseMachine.draftAgreement(s, M).to();
        s = CaseMachine.signAgreement(s, W, new CaseMachine.Draft(false, false, false))
                .to();
        assertThat(s).as("one signature is not an agreement").isEqualTo(MEDIATION);
        s = CaseMachine.signAgreement(s, Role.PLATFORM, new CaseMachine.Draft(true, false, false))
                .to();
        assertThat(s).isEqualTo(AGREEMENT);
        s = CaseMachine.dispose(s, M, "已支付").to();
        s = CaseMachine.evaluate(s, W, 4).to();
        assertThat(CaseMachine.close(s, I).to()).isEqualTo(CLOSED);
    }

    @Test
    void theWrongRoleIsForbiddenAndReasonsAreRequired() {
        assertThatThrownBy(() -> CaseMachine.accept(INTAKE, W))
                .extracting(e -> ((GigrightsException) e).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThatThrownBy(() -> CaseMachine.accept(INTAKE, M))
                .extracting(e -> ((GigrightsException) e).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThatThrownBy(() -> CaseMachine.withdraw(INTAKE, I, "x"))
                .extracting(e -> ((GigrightsException) e).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThatThrownBy(() -> CaseMachine.reject(INTAKE, I, " "))
                .extracting(e -> ((GigrightsException) e).code())
                .isEqualTo(ErrorCode.BAD_REQUEST);
        assertThatThrownBy(() -> CaseMachine.evaluate(DISPOSED, W, 6))
                .extracting(e -> ((GigrightsException) e).code())
                .isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(CaseMachine.reject(INTAKE, I, "  重复投诉 ").reason()).isEqualTo("重复投诉");
    }

    static ErrorCode code(Runnable r) {
        try {
            r.run();
        } catch (GigrightsException e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void signaturesNeedADraftNotRefusedAndNotYetSignedByThatParty() {
        Role p = Role.PLATFORM;
        assertThat(code(() -> CaseMachine.signAgreement(MEDIATION, W, null))).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(code(() -> CaseMachine.signAgreement(MEDIATION, W, new CaseMachine.Draft(true, false, false))))
                .as("signed twice")
                .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(code(() -> CaseMachine.signAgreement(MEDIATION, p, new CaseMachine.Draft(false, false, true))))
                .as("a refused draft")
                .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(code(() ->
                        CaseMachine.refuseAgreement(MEDIATION, p, new CaseMachine.Draft(false, true, false), "x")))
                .as("refusing after signing")
                .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(code(() ->
                        CaseMachine.refuseAgreement(MEDIATION, W, new CaseMachine.Draft(false, false, false), " ")))
                .isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(code(() -> CaseMachine.signAgreement(MEDIATION, M, new CaseMachine.Draft(false, false, false))))
                .as("the mediator drafts, the parties sign")
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(code(() -> CaseMachine.draftAgreement(MEDIATION, W))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(CaseMachine.signAgreement(MEDIATION, W, new CaseMachine.Draft(false, true, false))
                        .to())
                .as("the worker's signature after the platform's")
                .isEqualTo(AGREEMENT);
    }

    @Test
    void aPeriodIsExtendedOnceWithAReasonByTheRightRole() {
        assertThat(code(() -> CaseMachine.extendInspection(INSPECTION, I, true, "再次延长")))
                .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(code(() -> CaseMachine.extendArbitration(ARBITRATION, M, true, "再次延长")))
                .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(code(() -> CaseMachine.extendInspection(INSPECTION, I, false, "")))
                .isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(code(() -> CaseMachine.extendInspection(INSPECTION, M, false, "批准")))
                .as("only officials extend an inspection")
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(code(() -> CaseMachine.extendArbitration(ARBITRATION, W, false, "批准")))
                .isEqualTo(ErrorCode.FORBIDDEN);
        CaseMachine.Step s = CaseMachine.extendInspection(INSPECTION, I, false, " 经局长批准 ");
        assertThat(s.command()).isEqualTo("EXTEND_INSPECTION");
        assertThat(s.reason()).isEqualTo("经局长批准");
    }
}
