package org.gigrights.engine.fast;

import java.io.IOException;
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
        int[][] counts = new int[2][workers];
        rows.inHalves(pool, (half, s, c) -> {
            int[] count = counts[half];
            for (int i = 0; i < c.size; i++) {
                if (d.accepted(s, i)) {
                    count[c.key[i]]++;
                }
            }
        });
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
        return new Grouping(perm, offsets);
    }
}
