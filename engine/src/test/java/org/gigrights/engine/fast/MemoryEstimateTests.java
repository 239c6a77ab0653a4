package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether an input is audited in memory depends on its rows, estimated from its first MiB. */
class MemoryEstimateTests {
    private static ByteBuffer lines(int count, int length) {
        String line = "x".repeat(length - 1) + "\n";
        return ByteBuffer.wrap(line.repeat(count).getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void rowsAreTheBytesOverTheMeanLineOfTheFirstMiB() {
        ByteBuffer first = lines(30_000, 100);
        ByteBuffer second = lines(10_000, 100);
        long bytes = first.limit() + second.limit();
        // 10,485 whole lines in the first MiB, scaled to 4 MB of 100-byte lines.
        assertThat(HeapBudget.estimateRows(List.of(first, second), bytes)).isBetween(39_990L, 40_010L);
    }

    @Test
    void shortRowsNeedMoreHeapThanLongOnesOfTheSameSize() {
        long bytes = 1L << 30;
        long shortRows = HeapBudget.estimateRows(List.of(lines(20_000, 60)), bytes);
        long longRows = HeapBudget.estimateRows(List.of(lines(20_000, 120)), bytes);
        assertThat(shortRows).isCloseTo(2 * longRows, org.assertj.core.data.Percentage.withPercentage(0.1));
        // 60-byte rows need more than twice their text in heap; 120-byte rows less than 1.5 times.
        assertThat(shortRows * HeapBudget.HEAP_PER_ROW).isGreaterThan(bytes * 2);
        assertThat(longRows * HeapBudget.HEAP_PER_ROW).isLessThan(bytes * 3 / 2);
    }

    @Test
    void anInputSpillsWhenItsRowsDoNotFitTheHeap() {
        ByteBuffer input = lines(100_000, 100);
        long rows = HeapBudget.estimateRows(List.of(input), input.limit());
        assertThat(rows).isCloseTo(100_000L, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(HeapBudget.partitions(List.of(input), rows * HeapBudget.HEAP_PER_ROW))
                .isZero();
        assertThat(HeapBudget.partitions(List.of(input), rows * HeapBudget.HEAP_PER_ROW - 1))
                .isBetween(16, 400);
    }

    @Test
    void aFileShorterThanTheSampleIsCountedWhole() {
        ByteBuffer all = lines(7, 50);
        assertThat(HeapBudget.estimateRows(List.of(all), all.limit())).isEqualTo(8);
        assertThat(HeapBudget.estimateRows(List.of(), 0)).isZero();
    }
}
