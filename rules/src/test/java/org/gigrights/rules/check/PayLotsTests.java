package org.gigrights.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Paid lots give their room back only when the lots since the last trim needed far less of it. */
class PayLotsTests {
    private static void cycle(PayLots lots, int count) {
        for (int i = 0; i < count; i++) {
            lots.add(i, 1_000L * i, 100, 2_000L * i, BigDecimal.ONE);
        }
        lots.dropFirst(lots.n);
        lots.trim();
    }

    @Test
    void theNextCycleOfTheSameSizeFindsItsRoomStillThere() {
        PayLots lots = new PayLots(4);
        cycle(lots, 200);
        int[] room = lots.event;
        assertThat(room.length).isGreaterThanOrEqualTo(200);
        cycle(lots, 200);
        assertThat(lots.event).isSameAs(room);
    }

    @Test
    void aCycleFarSmallerThanTheRoomGivesItBack() {
        PayLots lots = new PayLots(4);
        cycle(lots, 200);
        cycle(lots, 10);
        assertThat(lots.event.length).isLessThan(50);
        assertThat(lots.time.length).isEqualTo(lots.event.length);
    }
}
