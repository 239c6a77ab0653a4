package org.gigrights.engine.fast;

import java.nio.ByteBuffer;
import java.util.List;

/** Whether an input is audited in memory or spilled to disk partitions, from its size and the heap. */
final class HeapBudget {
    /**
     * Heap asked for each row in memory. Measured need (2026-12-03): the 10 M city completes in
     * 1.25 GiB, not in 1.1 GiB, in time order or shuffled; the 30 M city in 3.6 GiB: at most about
     * 125 bytes a row. In memory runs twice as fast as spilled (30 M: 19.5 s against 37-40 s).
     */
    static final long HEAP_PER_ROW = 160;

    private HeapBudget() {}

    /** Spill partitions for an input in these segments: 0 when its estimated rows fit the heap. */
    static int partitions(List<ByteBuffer> segments, long heap) {
        long bytes = 0;
        for (ByteBuffer b : segments) {
            bytes += b.limit();
        }
        if (estimateRows(segments, bytes) * HEAP_PER_ROW <= heap) {
            return 0;
        }
        long budget = heap / 2;
        // Two files per partition stay open while spilling: keep well under the usual 1,024.
        return (int) Math.min(400, Math.max(16, bytes * 3 / (budget / 8)));
    }

    /** The rows of the input: its bytes over the mean line length of the first MiB (or all of it). */
    static long estimateRows(List<ByteBuffer> segments, long bytes) {
        if (segments.isEmpty()) {
            return 0;
        }
        ByteBuffer first = segments.get(0);
        byte[] sample = new byte[Math.min(first.limit(), 1 << 20)];
        first.get(0, sample);
        long lines = Bytes.count(sample, 0, sample.length, (byte) '\n');
        return (lines + 1) * bytes / Math.max(1, sample.length);
    }
}
