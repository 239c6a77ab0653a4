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
        assertThat(FastAudit.estimateRows(List.of(first, second), bytes)).isBetween(39_990L, 40_010L);
    }

    @Test
    void shortRowsNeedMoreHeapThanLongOnesOfTheSameSize() {
        long bytes = 1L << 30;
        long shortRows = FastAudit.estimateRows(List.of(lines(20_000, 60)), bytes);
        long longRows = FastAudit.estimateRows(List.of(lines(20_000, 120)), bytes);
        assertThat(shortRows).isCloseTo(2 * longRows, org.assertj.core.data.Percentage.withPercentage(0.1));
        // 60-byte rows need more than twice their text in heap; 120-byte rows less than 1.5 times.
        assertThat(shortRows * FastAudit.HEAP_PER_ROW).isGreaterThan(bytes * 2);
        assertThat(longRows * FastAudit.HEAP_PER_ROW).isLessThan(bytes * 3 / 2);
    }

    @Test
    void aFileShorterThanTheSampleIsCountedWhole() {
        ByteBuffer all = lines(7, 50);
        assertThat(FastAudit.estimateRows(List.of(all), all.limit())).isEqualTo(8);
        assertThat(FastAudit.estimateRows(List.of(), 0)).isZero();
    }
}
