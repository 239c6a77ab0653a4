package org.gigrights.engine.fast;

import java.io.IOException;
import java.util.concurrent.ExecutorService;

/**
 * Accepted rows grouped by worker (a counting sort, stable in row order, in two halves at once),
 * with each worker's latest event time, found in the same pass.
 */
final class Grouping {
    final int[] perm;
    final int[] offsets;
    /** Per worker key, the time of its latest accepted row ({@code Long.MIN_VALUE} for none). */
    final long[] latest;

    private Grouping(int[] perm, int[] offsets, long[] latest) {
        this.perm = perm;
        this.offsets = offsets;
        this.latest = latest;
    }

    static Grouping of(Rows rows, Dedup d, int workers, ExecutorService pool) throws IOException {
        int[][] counts = new int[2][workers];
        long[][] latest = new long[2][workers];
        java.util.Arrays.fill(latest[0], Long.MIN_VALUE);
        java.util.Arrays.fill(latest[1], Long.MIN_VALUE);
        rows.inHalves(pool, (half, s, c) -> {
            int[] count = counts[half];
            long[] last = latest[half];
            for (int i = 0; i < c.size; i++) {
                if (d.accepted(s, i)) {
                    int k = c.key[i];
                    count[k]++;
                    last[k] = Math.max(last[k], c.time[i]);
                }
            }
        });
        for (int k = 0; k < workers; k++) {
            latest[0][k] = Math.max(latest[0][k], latest[1][k]);
        }
        int[] offsets = new int[workers + 1];
        int[][] fill = Rows.fillPositions(counts, offsets);
        int[] perm = new int[offsets[workers]];
        rows.inHalves(pool, (half, s, c) -> {
            int[] next = fill[half];
            for (int i = 0; i < c.size; i++) {
                if (d.accepted(s, i)) {
                    perm[next[c.key[i]]++] = rows.row(s, i);
                }
            }
        });
        return new Grouping(perm, offsets, latest[0]);
    }
}
