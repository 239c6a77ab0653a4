package org.gigrights.engine.fast;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The parsed rows of every parse task, left where the tasks wrote them: row number {@code r} is
 * row {@code r & mask} of slice {@code r >>> shift}, and a slice is a run of rows in a block of
 * columns. Joining the tasks' rows into one store would copy every row once more and double the
 * peak memory.
 */
final class Rows {
    /** Rows per slice, as a power of two; a parse range holds far fewer. Small in tests. */
    static int segmentBits = 20;

    /** Rows off..off+size of a block of columns. */
    record Slice(Columns columns, int off, int size) {}

    private final Columns[] col;
    private final int[] off;
    private final int[] len;
    private final int shift;
    private final int mask;

    private Rows(List<Slice> slices, int shift) {
        col = new Columns[slices.size()];
        off = new int[slices.size()];
        len = new int[slices.size()];
        for (int s = 0; s < col.length; s++) {
            col[s] = slices.get(s).columns();
            off[s] = slices.get(s).off();
            len[s] = slices.get(s).size();
        }
        this.shift = shift;
        this.mask = shift >= 31 ? Integer.MAX_VALUE : (1 << shift) - 1;
    }

    /** The slices in order, each cut into parts of at most {@code 1 << segmentBits} rows. */
    static Rows of(List<Slice> slices) {
        int shift = segmentBits;
        int limit = 1 << shift;
        List<Slice> parts = new java.util.ArrayList<>();
        for (Slice s : slices) {
            for (int from = 0; from < s.size(); from += limit) {
                parts.add(new Slice(s.columns(), s.off() + from, Math.min(limit, s.size() - from)));
            }
        }
        if ((long) parts.size() << shift > Integer.MAX_VALUE) {
            throw new IllegalStateException("too many rows to audit in memory: " + parts.size() + " slices");
        }
        return new Rows(parts, shift);
    }

    /** One block of columns as rows 0..size. */
    static Rows of(Columns c) {
        return new Rows(List.of(new Slice(c, 0, c.size)), 31);
    }

    int segments() {
        return col.length;
    }

    /** The block of columns slice s lies in. */
    Columns columns(int s) {
        return col[s];
    }

    /** Where slice s starts in its block. */
    int offset(int s) {
        return off[s];
    }

    /** The rows of slice s. */
    int size(int s) {
        return len[s];
    }

    /** A pass over one slice: which half of the slices it is in, its number, its rows. */
    interface SegmentJob {
        void run(int half, int segment, Columns c, int from, int size);
    }

    /**
     * Runs a pass over every slice on two threads: one takes the first half of the slices in
     * order, the other the second half. A counting sort that puts the first half's rows of each key
     * before the second's keeps row order.
     */
    void inHalves(ExecutorService pool, SegmentJob job) throws IOException {
        int[] bounds = {0, col.length / 2, col.length};
        FastAudit.run(pool, List.of(0, 1), half -> {
            for (int s = bounds[half]; s < bounds[half + 1]; s++) {
                job.run(half, s, col[s], off[s], len[s]);
            }
        });
    }

    /**
     * For a counting sort by key over {@link #inHalves}: from each half's count per key, where each
     * half's rows of a key start. {@code starts} receives where each key's rows start, and their end.
     */
    static int[][] fillPositions(int[][] counts, int[] starts) {
        int keys = counts[0].length;
        int[][] fill = new int[2][keys];
        int at = 0;
        for (int k = 0; k < keys; k++) {
            starts[k] = at;
            fill[0][k] = at;
            fill[1][k] = at + counts[0][k];
            at += counts[0][k] + counts[1][k];
        }
        starts[keys] = at;
        return fill;
    }

    /** The slice of row r. */
    int segmentOf(int r) {
        return r >>> shift;
    }

    /** The index of row r in its slice. */
    int indexOf(int r) {
        return r & mask;
    }

    /** The row number of row i of slice s. */
    int row(int s, int i) {
        return (s << shift) | i;
    }

    /** The block of columns row r lies in. */
    Columns columnsOf(int r) {
        return col[r >>> shift];
    }

    /** Row r's index in its block of columns. */
    int at(int r) {
        return off[r >>> shift] + (r & mask);
    }

    long time(int r) {
        return columnsOf(r).time(at(r));
    }

    long idHash(int r) {
        return columnsOf(r).idHash(at(r));
    }

    long ref(int r) {
        return columnsOf(r).ref(at(r));
    }

    int key(int r) {
        return columnsOf(r).key(at(r));
    }

    int platform(int r) {
        return columnsOf(r).platform(at(r));
    }

    int line(int r) {
        return columnsOf(r).line(at(r));
    }

    int idPos(int r) {
        return columnsOf(r).idPos(at(r));
    }
}
