package org.gigrights.engine.fast;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** Accepted rows grouped by worker (a counting sort), each worker's rows in event-time order. */
final class Grouping {
    final int[] perm;
    final int[] offsets;

    private Grouping(int[] perm, int[] offsets) {
        this.perm = perm;
        this.offsets = offsets;
    }

    static Grouping of(Columns c, Dedup d, int workers, RowText text, ExecutorService pool, int threads)
            throws IOException {
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
        List<Integer> starts = new ArrayList<>();
        int chunk = Math.max(256, workers / (threads * 8) + 1);
        for (int w = 0; w < workers; w += chunk) {
            starts.add(w);
        }
        FastAudit.run(pool, starts, from -> {
            int[] buf = new int[16];
            for (int w = from; w < Math.min(workers, from + chunk); w++) {
                buf = sortSlice(c, text, perm, offsets[w], offsets[w + 1], buf);
            }
        });
        return new Grouping(perm, offsets);
    }

    /** Sorts one worker's rows by time, then event id; already sorted input costs one pass. */
    private static int[] sortSlice(Columns c, RowText text, int[] perm, int from, int to, int[] buf) {
        boolean sorted = true;
        for (int i = from + 1; i < to && sorted; i++) {
            sorted = compare(c, text, perm[i - 1], perm[i]) <= 0;
        }
        if (sorted) {
            return buf;
        }
        if (buf.length < to - from) {
            buf = new int[to - from];
        }
        mergeSort(c, text, perm, from, to, buf);
        return buf;
    }

    private static void mergeSort(Columns c, RowText text, int[] a, int from, int to, int[] buf) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= from && compare(c, text, a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(c, text, a, from, mid, buf);
        mergeSort(c, text, a, mid, to, buf);
        if (compare(c, text, a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, buf, 0, mid - from);
        int i = 0;
        int j = mid;
        int k = from;
        int left = mid - from;
        while (i < left && j < to) {
            a[k++] = compare(c, text, buf[i], a[j]) <= 0 ? buf[i++] : a[j++];
        }
        while (i < left) {
            a[k++] = buf[i++];
        }
    }

    private static int compare(Columns c, RowText text, int x, int y) {
        int t = Long.compare(c.time[x], c.time[y]);
        if (t != 0) {
            return t;
        }
        return text.compareIds(c.ref[x], c.idPos[x], c.ref[y], c.idPos[y]);
    }
}
