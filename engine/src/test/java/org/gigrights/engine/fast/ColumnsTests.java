package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A row's fields come back from the packed record as they went in, at the edges of their ranges. */
class ColumnsTests {
    @Test
    void everyFieldComesBackAtTheEdgesOfItsRange() {
        Columns c = new Columns(2);
        // Growing past the capacity moves every column of the rows already written.
        c.add(-5L, Long.MIN_VALUE, 7L, 0L, -3L, 0, 0, -1, 1, 0, false, -1, -1, 0L, 0L);
        c.add(
                Long.MAX_VALUE,
                -1L,
                -7L,
                9L,
                (3L << 32) | 17,
                Integer.MAX_VALUE,
                65_000,
                999_999,
                2,
                7,
                true,
                100,
                0x7fff_ffff,
                -1L,
                1L);
        c.add(1L, 2L, 3L, 4L, 5L, 12, 13, 500_101, Integer.MAX_VALUE, 3, true, 0, (12 << 16) | 30, 42L, 43L);
        assertThat(c.size).isEqualTo(3);
        assertThat(c.capacity()).isGreaterThanOrEqualTo(3);

        assertThat(c.time(0)).isEqualTo(-5L);
        assertThat(c.amount(0)).isEqualTo(Long.MIN_VALUE);
        assertThat(c.idHash(0)).isEqualTo(7L);
        assertThat(c.ref(0)).isEqualTo(-3L);
        assertThat(c.region(0)).isEqualTo(-1);
        assertThat(c.reason(0)).isEqualTo((byte) -1);
        assertThat(c.idPos(0)).isEqualTo(-1);
        assertThat(c.insured(0)).isZero();
        assertThat(c.line(0)).isEqualTo(1);

        assertThat(c.time(1)).isEqualTo(Long.MAX_VALUE);
        assertThat(c.idHash(1)).isEqualTo(-7L);
        assertThat(c.orderHash(1)).isEqualTo(9L);
        assertThat(c.ref(1)).isEqualTo((3L << 32) | 17);
        assertThat(c.key(1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(c.platform(1)).isEqualTo(65_000);
        assertThat(c.region(1)).isEqualTo(999_999);
        assertThat(c.type(1)).isEqualTo((byte) 7);
        assertThat(c.insured(1)).isEqualTo((byte) 1);
        assertThat(c.reason(1)).isEqualTo((byte) 100);
        assertThat(c.idPos(1)).isEqualTo(0x7fff_ffff);
        assertThat(c.idKey(1)).isEqualTo(-1L);
        assertThat(c.idKey2(1)).isEqualTo(1L);

        assertThat(c.key(2)).isEqualTo(12);
        assertThat(c.platform(2)).isEqualTo(13);
        assertThat(c.region(2)).isEqualTo(500_101);
        assertThat(c.line(2)).isEqualTo(Integer.MAX_VALUE);
        assertThat(c.type(2)).isEqualTo((byte) 3);
        assertThat(c.reason(2)).isZero();
        assertThat(c.idPos(2)).isEqualTo((12 << 16) | 30);
        assertThat(c.idKey(2)).isEqualTo(42L);
        assertThat(c.idKey2(2)).isEqualTo(43L);
    }

    @Test
    void renumberingTouchesOnlyItsRowsAndKeepsTheOtherFields() {
        Columns c = new Columns(4);
        for (int i = 0; i < 3; i++) {
            c.put(i, 100 + i, 0, 0, 0, i == 1 ? -2 : i, i, i, 500_101, 10 + i, 1, false, -1, -1, 0, 0);
        }
        c.renumber(1, 3, new int[] {40, 41, 42}, new int[] {7, 8, 9}, 1000, 5);
        assertThat(c.key(0)).isZero();
        assertThat(c.line(0)).isEqualTo(10);
        assertThat(c.key(1)).isEqualTo(41);
        assertThat(c.platform(1)).isEqualTo(8);
        assertThat(c.line(1)).isEqualTo(1011);
        assertThat(c.ref(1)).isEqualTo(-7);
        assertThat(c.ref(2)).isEqualTo(2);
        assertThat(c.key(2)).isEqualTo(42);
        assertThat(c.time(2)).isEqualTo(102);
        assertThat(c.region(2)).isEqualTo(500_101);
    }

    @Test
    void aRegionCodeOutsideSixDigitsIsRefused() {
        Columns c = new Columns(1);
        assertThatThrownBy(() -> c.add(0, 0, 0, 0, 0, 0, 0, 1_000_000, 0, 0, false, -1, -1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region");
    }
}
