package org.gigrights.engine.fast;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.gigrights.engine.ingest.Rejection;

/**
 * Deduplicates rows by (platform, event id). The rows' key hashes are first scattered into
 * buckets small enough for the processor's cache, in row order; each bucket is then deduplicated
 * in its own small open-addressing table. Equal hashes are confirmed on the ids' text and the
 * rows' canonical events, so the outcome is exact.
 */
final class Dedup {
    private static final byte FIRST = 0;
    private static final byte LATER = 1;
    private static final byte CONFLICT = 2;
    /** Rows per bucket to aim for: a bucket's table of ints then fits in a core's L2 cache. */
    static int bucketRows = 1 << 15;

    /** Per segment and row: {@link #FIRST}, {@link #LATER} or {@link #CONFLICT}. */
    private final byte[][] status;

    private final Rows rows;
    /** For each later row of a key, the key's first row (a few per input). */
    private final Map<Integer, Integer> firstOf = new HashMap<>();

    long accepted;
    long duplicates;

    private Dedup(Rows rows) {
        this.rows = rows;
        status = new byte[rows.segments()][];
        for (int s = 0; s < status.length; s++) {
            status[s] = new byte[rows.segment(s).size];
        }
    }

    private static long keyHash(Columns c, int i) {
        return Bytes.mix(c.idHash[i] * 31 + c.platform[i]);
    }

    static Dedup of(Rows c, RowText text, ExecutorService pool) throws IOException {
        int n = 0;
        for (int s = 0; s < c.segments(); s++) {
            n += c.segment(s).size;
        }
        Dedup d = new Dedup(c);
        int bits = Math.max(0, 32 - Integer.numberOfLeadingZeros(Math.max(1, n / bucketRows)));
        int buckets = 1 << bits;
        // Scatter (hash tag, row) into buckets, both halves at once; the first half's entries
        // precede the second's in every bucket, so a bucket lists its rows in row order.
        int[][] counts = new int[2][buckets];
        c.inHalves(pool, (half, s, seg) -> {
            int[] count = counts[half];
            for (int i = 0; i < seg.size; i++) {
                count[bucket(keyHash(seg, i), bits)]++;
            }
        });
        int[] start = new int[buckets + 1];
        int[][] fill = Rows.fillPositions(counts, start);
        long[] entries = new long[n];
        c.inHalves(pool, (half, s, seg) -> {
            int[] next = fill[half];
            for (int i = 0; i < seg.size; i++) {
                long h = keyHash(seg, i);
                entries[next[bucket(h, bits)]++] = (h << 32) | c.row(s, i);
            }
        });
        int largest = 1;
        for (int b = 0; b < buckets; b++) {
            largest = Math.max(largest, start[b + 1] - start[b]);
        }
        int tableSize = Integer.highestOneBit(largest) << 2;
        List<Integer> all = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            all.add(b);
        }
        List<int[]> later = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<int[]> tables = ThreadLocal.withInitial(() -> new int[tableSize]);
        FastAudit.run(pool, all, b -> {
            int[] table = tables.get();
            java.util.Arrays.fill(table, 0);
            int mask = table.length - 1;
            for (int e = start[b]; e < start[b + 1]; e++) {
                long entry = entries[e];
                int tag = (int) (entry >>> 32);
                int r = (int) entry;
                int slot = Bytes.mixInt(tag) & mask;
                while (true) {
                    int t = table[slot];
                    if (t == 0) {
                        table[slot] = e - start[b] + 1;
                        break;
                    }
                    long other = entries[start[b] + t - 1];
                    int f = (int) other;
                    if ((int) (other >>> 32) == tag
                            && c.platform(f) == c.platform(r)
                            && c.idHash(f) == c.idHash(r)
                            && text.compareIds(c.ref(f), c.idPos(f), c.ref(r), c.idPos(r)) == 0) {
                        later.add(new int[] {r, f});
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
            }
        });
        for (int[] pair : later) {
            int r = pair[0];
            int f = pair[1];
            d.set(r, LATER);
            d.firstOf.put(r, f);
            if (!text.event(c.ref(f)).equals(text.event(c.ref(r)))) {
                d.set(f, CONFLICT);
            }
        }
        for (int[] pair : later) {
            if (d.status(pair[1]) == CONFLICT) {
                d.set(pair[0], CONFLICT);
            }
        }
        long conflicted = 0;
        for (int[] pair : later) {
            if (d.status(pair[0]) == CONFLICT) {
                conflicted++;
            } else {
                d.duplicates++;
            }
        }
        long conflictedFirsts = 0;
        for (Integer f : new java.util.HashSet<>(d.firstOf.values())) {
            if (d.status(f) == CONFLICT) {
                conflictedFirsts++;
            }
        }
        d.accepted = n - d.duplicates - conflicted - conflictedFirsts;
        return d;
    }

    private static int bucket(long hash, int bits) {
        return bits == 0 ? 0 : (int) (hash >>> (64 - bits));
    }

    private byte status(int r) {
        return status[rows.segmentOf(r)][rows.indexOf(r)];
    }

    private void set(int r, byte value) {
        status[rows.segmentOf(r)][rows.indexOf(r)] = value;
    }

    /** Whether row i of segment s is accepted: the first of a key whose rows agree. */
    boolean accepted(int s, int i) {
        return status[s][i] == FIRST;
    }

    /** Every row of every conflicting key, as rejects in file-name and line order. */
    List<Rejection> conflicts(RowText text, List<String> names, KeyDictionary platforms) {
        Rows c = rows;
        Map<Integer, Integer> rowsOfKey = new HashMap<>();
        List<Integer> rows = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : firstOf.entrySet()) {
            if (status(e.getKey()) == CONFLICT) {
                rows.add(e.getKey());
                rowsOfKey.merge(e.getValue(), 1, Integer::sum);
            }
        }
        for (int f : new ArrayList<>(rowsOfKey.keySet())) {
            rows.add(f);
            rowsOfKey.merge(f, 1, Integer::sum);
        }
        List<Rejection> out = new ArrayList<>();
        for (int r : rows) {
            String platform = platforms.parts(c.platform(r))[0];
            int key = firstOf.getOrDefault(r, r);
            out.add(FastAudit.conflict(
                    text.file(c.ref(r), names),
                    c.line(r),
                    text.eventId(c.ref(r)),
                    platform,
                    rowsOfKey.get(key),
                    text.raw(c.ref(r))));
        }
        out.sort((a, b) -> a.file().equals(b.file())
                ? Long.compare(a.line(), b.line())
                : a.file().compareTo(b.file()));
        return out;
    }
}
