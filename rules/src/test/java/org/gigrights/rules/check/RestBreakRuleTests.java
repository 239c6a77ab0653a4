package org.gigrights.rules.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gigrights.rules.EventBuilder.aComplete;
import static org.gigrights.rules.EventBuilder.anAccept;

import java.util.ArrayList;
import java.util.List;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.WorkEvent;
import org.gigrights.rules.params.RulePack;
import org.junit.jupiter.api.Test;

class RestBreakRuleTests {
    private final RulePack pack = RulePack.chongqing();

    private List<Finding> run(WorkEvent... events) {
        WorkerHistory h = new WorkerHistory(pack, "P1", "W1", List.of(events), Long.MAX_VALUE, new Counters());
        List<Finding> out = new ArrayList<>();
        new RestBreakRule().evaluate(h, out::add);
        return out;
    }

    private static WorkEvent[] order(String id, String from, String to) {
        return new WorkEvent[] {
            anAccept("a" + id).order(id).at(from).build(),
            aComplete("c" + id).order(id).at(to).amount("50").build()
        };
    }

    private static WorkEvent[] concat(WorkEvent[]... parts) {
        List<WorkEvent> all = new ArrayList<>();
        for (WorkEvent[] p : parts) {
            all.addAll(List.of(p));
        }
        return all.toArray(WorkEvent[]::new);
    }

    @Test
    void aGapOfExactlyTwentyMinutesIsABreak() {
        assertThat(run(concat(
                        order("1", "2026-03-02T08:00:00+08:00", "2026-03-02T10:00:00+08:00"),
                        order("2", "2026-03-02T10:20:00+08:00", "2026-03-02T12:30:00+08:00"))))
                .isEmpty();
    }

    @Test
    void aGapOneSecondShortOfTwentyMinutesIsNot() {
        List<Finding> f = run(concat(
                order("1", "2026-03-02T08:00:00+08:00", "2026-03-02T10:00:01+08:00"),
                order("2", "2026-03-02T10:20:00+08:00", "2026-03-02T12:30:00+08:00")));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.value()).isEqualByComparingTo("270.00");
            assertThat(x.evidence()).containsExactly("a1", "a2", "c1", "c2");
        });
    }

    @Test
    void aStretchOverMidnightIsDatedByItsStart() {
        List<Finding> f = run(order("1", "2026-03-02T22:00:00+08:00", "2026-03-03T02:30:00+08:00"));
        assertThat(f).singleElement().satisfies(x -> assertThat(x.date()).hasToString("2026-03-02"));
    }
}
