package org.gigrights.engine.fast;

/** Accepted rows grouped by worker (a counting sort, stable in row order). */
final class Grouping {
    final int[] perm;
    final int[] offsets;

    private Grouping(int[] perm, int[] offsets) {
        this.perm = perm;
        this.offsets = offsets;
    }

    static Grouping of(Columns c, Dedup d, int workers) {
        int[] offsets = new int[workers + 1];
        int accepted = 0;
        for (int r = 0; r < c.size; r++) {
            if (d.accepted(r)) {
                offsets[c.key[r] + 1]++;
                accepted++;
            }
        }
        for (int w = 0; w < workers; w++) {
            offsets[w + 1] += offsets[w];
        }
        int[] perm = new int[accepted];
        int[] fill = offsets.clone();
        for (int r = 0; r < c.size; r++) {
            if (d.accepted(r)) {
                perm[fill[c.key[r]]++] = r;
            }
        }
        return new Grouping(perm, offsets);
    }
}
