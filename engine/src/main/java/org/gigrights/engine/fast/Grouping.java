package org.gigrights.engine.fast;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** Accepted rows grouped by worker (a counting sort, stable in row order, in two halves at once). */
final class Grouping {
    final int[] perm;
    final int[] offsets;

    private Grouping(int[] perm, int[] offsets) {
        this.perm = perm;
        this.offsets = offsets;
    }

    static Grouping of(Rows rows, Dedup d, int workers, ExecutorService pool) throws IOException {
        int[] bounds = {0, rows.segments() / 2, rows.segments()};
        int[][] counts = new int[2][workers];
        FastAudit.run(pool, List.of(0, 1), half -> {
            int[] count = counts[half];
            for (int s = bounds[half]; s < bounds[half + 1]; s++) {
                Columns c = rows.segment(s);
                for (int i = 0; i < c.size; i++) {
                    if (d.accepted(s, i)) {
                        count[c.key[i]]++;
                    }
                }
            }
        });
        // Each worker's rows from the first half come before those from the second: row order.
        int[] offsets = new int[workers + 1];
        int[][] fill = new int[2][workers];
        for (int w = 0; w < workers; w++) {
            fill[0][w] = offsets[w];
            fill[1][w] = offsets[w] + counts[0][w];
            offsets[w + 1] = offsets[w] + counts[0][w] + counts[1][w];
        }
        int[] perm = new int[offsets[workers]];
        FastAudit.run(pool, List.of(0, 1), half -> {
            int[] next = fill[half];
            for (int s = bounds[half]; s < bounds[half + 1]; s++) {
                Columns c = rows.segment(s);
                for (int i = 0; i < c.size; i++) {
                    if (d.accepted(s, i)) {
                        perm[next[c.key[i]]++] = rows.row(s, i);
                    }
                }
            }
        });
        return new Grouping(perm, offsets);
    }
}
