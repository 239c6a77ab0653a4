package org.gigrights.engine.fast;

/** Accepted rows grouped by worker (a counting sort, stable in row order). */
final class Grouping {
    final int[] perm;
    final int[] offsets;

    private Grouping(int[] perm, int[] offsets) {
        this.perm = perm;
        this.offsets = offsets;
    }

    static Grouping of(Rows rows, Dedup d, int workers) {
        int[] offsets = new int[workers + 1];
        int accepted = 0;
        for (int s = 0; s < rows.segments(); s++) {
            Columns c = rows.segment(s);
            for (int i = 0; i < c.size; i++) {
                if (d.accepted(s, i)) {
                    offsets[c.key[i] + 1]++;
                    accepted++;
                }
            }
        }
        for (int w = 0; w < workers; w++) {
            offsets[w + 1] += offsets[w];
        }
        int[] perm = new int[accepted];
        int[] fill = offsets.clone();
        for (int s = 0; s < rows.segments(); s++) {
            Columns c = rows.segment(s);
            for (int i = 0; i < c.size; i++) {
                if (d.accepted(s, i)) {
                    perm[fill[c.key[i]]++] = rows.row(s, i);
                }
            }
        }
        return new Grouping(perm, offsets);
    }
}
