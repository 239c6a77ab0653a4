package org.gigrights.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The state's byte counts, which GIGRIGHTS_STREAM_STATS prints to size a heap, follow its arrays. */
class FootprintTests {
    @Test
    void anOrderIndexCountsItsKeysAndData() {
        LongIndex orders = new LongIndex();
        // 16 keys and slots, 8 data slots in three arrays, five headers.
        assertThat(orders.footprint()).isEqualTo(16 * 5 + 16 * 8 + 16 * 4 + 3 * 8 * 8);
        for (int k = 0; k < 100; k++) {
            orders.add(k * 7919L, k, k);
        }
        // 256 keys and slots (half full at most), 128 data slots.
        assertThat(orders.footprint()).isEqualTo(16 * 5 + 256 * 8 + 256 * 4 + 3 * 128 * 8);
    }

    @Test
    void completedDaysCountTheDaysKept() {
        CompletedDays days = new CompletedDays();
        assertThat(days.footprint()).isEqualTo(16 * 3);
        for (int d = 0; d < 5; d++) {
            days.remember(20_000 + d, 100, 1, 30);
        }
        assertThat(days.footprint()).isEqualTo(16 * 3 + 3 * 8 * 8);
    }
}
