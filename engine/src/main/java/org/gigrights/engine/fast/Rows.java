package org.gigrights.engine.fast;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The parsed rows of every parse task, left where the tasks wrote them: row number {@code r} is
 * row {@code r & mask} of segment {@code r >>> shift}. Joining the tasks' columns into one store
 * would copy every row once more and double the peak memory.
 */
final class Rows {
    /** Rows per segment, as a power of two; a parse range holds far fewer. Small in tests. */
    static int segmentBits = 20;

    private final Columns[] seg;
    private final int shift;
    private final int mask;

    private Rows(Columns[] seg, int shift) {
        this.seg = seg;
        this.shift = shift;
        this.mask = shift >= 31 ? Integer.MAX_VALUE : (1 << shift) - 1;
    }

    /** The segments, each of at most {@code 1 << segmentBits} rows. */
    static Rows of(List<Columns> segments) {
        int shift = segmentBits;
        if ((long) segments.size() << shift > Integer.MAX_VALUE) {
            throw new IllegalStateException("too many rows to audit in memory: " + segments.size() + " segments");
        }
        for (Columns c : segments) {
            if (c.size > 1 << shift) {
                throw new IllegalArgumentException("segment of " + c.size + " rows");
            }
        }
        return new Rows(segments.toArray(new Columns[0]), shift);
    }

    /** One store of columns as rows 0..size. */
    static Rows of(Columns c) {
        return new Rows(new Columns[] {c}, 31);
    }

    int segments() {
        return seg.length;
    }

    Columns segment(int s) {
        return seg[s];
    }

    /** A pass over one segment: which half of the segments it is in, its number, its columns. */
    interface SegmentJob {
        void run(int half, int segment, Columns c);
    }

    /**
     * Runs a pass over every segment on two threads: one takes the first half of the segments in
     * order, the other the second half. A counting sort that puts the first half's rows of each key
     * before the second's keeps row order.
     */
    void inHalves(ExecutorService pool, SegmentJob job) throws IOException {
        int[] bounds = {0, seg.length / 2, seg.length};
        FastAudit.run(pool, List.of(0, 1), half -> {
            for (int s = bounds[half]; s < bounds[half + 1]; s++) {
                job.run(half, s, seg[s]);
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

    /** The segment of row r. */
    int segmentOf(int r) {
        return r >>> shift;
    }

    /** The index of row r in its segment. */
    int indexOf(int r) {
        return r & mask;
    }

    /** The row number of row i of segment s. */
    int row(int s, int i) {
        return (s << shift) | i;
    }

    long time(int r) {
        return seg[r >>> shift].time[r & mask];
    }

    long amount(int r) {
        return seg[r >>> shift].amount[r & mask];
    }

    long idHash(int r) {
        return seg[r >>> shift].idHash[r & mask];
    }

    long orderHash(int r) {
        return seg[r >>> shift].orderHash[r & mask];
    }

    long ref(int r) {
        return seg[r >>> shift].ref[r & mask];
    }

    int key(int r) {
        return seg[r >>> shift].key[r & mask];
    }

    int platform(int r) {
        return seg[r >>> shift].platform[r & mask];
    }

    int region(int r) {
        return seg[r >>> shift].region[r & mask];
    }

    int line(int r) {
        return seg[r >>> shift].line[r & mask];
    }

    byte type(int r) {
        return seg[r >>> shift].type[r & mask];
    }

    byte insured(int r) {
        return seg[r >>> shift].insured[r & mask];
    }

    byte reason(int r) {
        return seg[r >>> shift].reason[r & mask];
    }

    int idPos(int r) {
        return seg[r >>> shift].idPos[r & mask];
    }
}
