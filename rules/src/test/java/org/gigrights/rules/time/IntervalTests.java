package org.gigrights.rules.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalTests {
    @Test
    void overlappingAndTouchingIntervalsMergeSoNothingCountsTwice() {
        List<Interval> in =
                List.of(new Interval(10, 20), new Interval(0, 5), new Interval(15, 30), new Interval(30, 31));
        assertThat(Interval.union(in)).containsExactly(new Interval(0, 5), new Interval(10, 31));
        assertThat(Interval.unionLength(in)).isEqualTo(5 + 21);
    }

    @Test
    void containedIntervalAddsNothing() {
        assertThat(Interval.unionLength(List.of(new Interval(0, 100), new Interval(10, 20))))
                .isEqualTo(100);
    }

    @Test
    void emptyUnionIsZero() {
        assertThat(Interval.unionLength(List.of())).isZero();
    }

    @Test
    void anIntervalCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> new Interval(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
