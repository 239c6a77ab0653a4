package org.gigrights.engine.fast;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands each parse task room for its rows in large blocks of columns, one block per thread at a
 * time, so that the rows of a whole input lie in a few arrays allocated straight in the old
 * generation (ADR 9): the young collections never copy them.
 */
final class ColumnBlocks {
    /**
     * Rows of a full block: 160 MiB, more than the young generation of a batch run (the launcher's
     * {@code -Xmn128m}), so that a full block is allocated in the old generation. Small in tests.
     */
    static int blockRows = 1 << 21;

    private final int threads;
    private final AtomicLong bytesLeft;
    private final ThreadLocal<Columns> current = new ThreadLocal<>();
    private final ThreadLocal<int[]> used = ThreadLocal.withInitial(() -> new int[1]);

    /** For tasks of these many bytes in all, parsed on these many threads. */
    ColumnBlocks(long bytes, int threads) {
        this.threads = Math.max(1, threads);
        this.bytesLeft = new AtomicLong(bytes);
    }

    /**
     * Room for the rows of a range of {@code bytes} bytes, estimated at {@code rows}. A new block is
     * sized for what this thread is still likely to parse, so that the last blocks are not much
     * larger than their rows: a block is zeroed, so touched, whole when it is allocated.
     */
    Rows.Slice reserve(int rows, int bytes) {
        long left = Math.max(0, bytesLeft.addAndGet(-bytes));
        Columns block = current.get();
        int[] n = used.get();
        if (block == null || block.capacity() - n[0] < rows) {
            long later = bytes == 0 ? 0 : left * rows / bytes / threads;
            int cap = (int) Math.max(rows, Math.min(blockRows, rows + later));
            block = new Columns(cap);
            current.set(block);
            n[0] = 0;
        }
        Rows.Slice room = new Rows.Slice(block, n[0], rows);
        n[0] += rows;
        return room;
    }
}
