package org.gigrights.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A second intake joins the oldest open case of the same platform, worker and matter, and nothing else. */
class DuplicatesTests {
    static Duplicates.Existing c(long id, String platform, String worker, Matter m, Stage s) {
        return new Duplicates.Existing(id, platform, worker, m, s);
    }

    @Test
    void linksToTheOldestOpenCaseOnTheSameMatter() {
        List<Duplicates.Existing> cases = List.of(
                c(9, "PA", "W1", Matter.PAY, Stage.MEDIATION),
                c(4, "PA", "W1", Matter.PAY, Stage.ACCEPTED),
                c(2, "PA", "W1", Matter.PAY, Stage.CLOSED));
        assertThat(Duplicates.linkTo(cases, "PA", "W1", Matter.PAY))
                .hasValueSatisfying(e -> assertThat(e.id()).isEqualTo(4));
    }

    @Test
    void anotherMatterWorkerOrPlatformOrAFinishedCaseOpensANewOne() {
        List<Duplicates.Existing> cases = List.of(
                c(1, "PA", "W1", Matter.HOURS, Stage.INTAKE),
                c(2, "PA", "W2", Matter.PAY, Stage.INTAKE),
                c(3, "PB", "W1", Matter.PAY, Stage.INTAKE));
        assertThat(Duplicates.linkTo(cases, "PA", "W1", Matter.PAY)).isEmpty();
        for (Stage done : List.of(Stage.REJECTED, Stage.DISPOSED, Stage.EVALUATED, Stage.CLOSED, Stage.WITHDRAWN)) {
            assertThat(Duplicates.linkTo(List.of(c(5, "PA", "W1", Matter.PAY, done)), "PA", "W1", Matter.PAY))
                    .as(done.name())
                    .isEmpty();
        }
        for (Stage open :
                List.of(Stage.INTAKE, Stage.AGREEMENT, Stage.NO_AGREEMENT, Stage.ARBITRATION, Stage.INSPECTION)) {
            assertThat(Duplicates.linkTo(List.of(c(5, "PA", "W1", Matter.PAY, open)), "PA", "W1", Matter.PAY))
                    .as(open.name())
                    .isPresent();
        }
    }

    @Test
    void theLinkStepKeepsTheStageAndNamesTheOrigin() {
        CaseMachine.Step s = CaseMachine.link(Stage.MEDIATION, Origin.AUTO);
        assertThat(s.command()).isEqualTo("LINK_AUTO");
        assertThat(s.from()).isEqualTo(Stage.MEDIATION);
        assertThat(s.to()).isEqualTo(Stage.MEDIATION);
        assertThatThrownBy(() -> CaseMachine.link(Stage.CLOSED, Origin.WORKER)).isInstanceOf(IllegalTransition.class);
    }
}
