package org.gigrights.engine.fast;

import java.util.ArrayList;
import java.util.List;
import org.gigrights.engine.ingest.Rejection;

/**
 * Deduplicates rows by (platform, event id) in an open-addressing table of row numbers. Equal
 * hashes are confirmed on the ids' text and the rows' canonical events, so the outcome is exact.
 */
final class Dedup {
    /** Per row: 0 the first of its key, 1 a later row of it. */
    final byte[] later;
    /** Per row: its key's slot, with the partition in the top bit. */
    final int[] slotOf;
    /** Per partition and slot: 1 when rows of the key differ. */
    final byte[][] conflict = new byte[2][];

    long accepted;
    long duplicates;

    private Dedup(int rows) {
        later = new byte[rows];
        slotOf = new int[rows];
    }

    private static long keyHash(Columns c, int r) {
        return Bytes.mix(c.idHash[r] * 31 + c.platform[r]);
    }

    static Dedup of(Columns c, RowText text, java.util.concurrent.ExecutorService pool) throws java.io.IOException {
        int n = c.size;
        Dedup d = new Dedup(n);
        int slots = Integer.highestOneBit(Math.max(4, n) - 1) << 1;
        FastAudit.run(pool, java.util.List.of(0, 1), part -> {
            // Each partition owns the keys whose hash has its top bit; a table entry holds the
            // row and 32 more bits of the hash, so most probes never touch the columns.
            long[] table = new long[slots];
            byte[] conflict = new byte[slots];
            int mask = slots - 1;
            for (int r = 0; r < n; r++) {
                long h = keyHash(c, r);
                if ((int) (h >>> 63) != part) {
                    continue;
                }
                int slot = (int) h & mask;
                long tag = (h >>> 31) & 0xffffffffL;
                while (true) {
                    long e = table[slot];
                    if (e == 0) {
                        table[slot] = (tag << 32) | (r + 1L);
                        d.slotOf[r] = (part << 31) | slot;
                        break;
                    }
                    int f = (int) (e & 0xffffffffL) - 1;
                    if ((e >>> 32) == tag
                            && c.platform[f] == c.platform[r]
                            && c.idHash[f] == c.idHash[r]
                            && text.compareIds(c.ref[f], c.idPos[f], c.ref[r], c.idPos[r]) == 0) {
                        d.slotOf[r] = (part << 31) | slot;
                        d.later[r] = 1;
                        if (!text.event(c.ref[f]).equals(text.event(c.ref[r]))) {
                            conflict[slot] = 1;
                        }
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
            }
            d.conflict[part] = conflict;
        });
        for (int r = 0; r < n; r++) {
            if (!d.conflicted(r)) {
                if (d.later[r] == 0) {
                    d.accepted++;
                } else {
                    d.duplicates++;
                }
            }
        }
        return d;
    }

    private boolean conflicted(int r) {
        int s = slotOf[r];
        return conflict[s >>> 31][s & 0x7fffffff] != 0;
    }

    /** Whether a row is accepted: the first of a key whose rows agree. */
    boolean accepted(int r) {
        return later[r] == 0 && !conflicted(r);
    }

    /** Every row of every conflicting key, as rejects in file-name and line order. */
    List<Rejection> conflicts(Columns c, RowText text, List<String> names, KeyDictionary platforms) {
        java.util.Map<Integer, Integer> rowsOfSlot = new java.util.HashMap<>();
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < c.size; r++) {
            if (conflicted(r)) {
                rowsOfSlot.merge(slotOf[r], 1, Integer::sum);
                rows.add(r);
            }
        }
        List<Rejection> out = new ArrayList<>();
        for (int r : rows) {
            String platform = platforms.parts(c.platform[r])[0];
            out.add(FastAudit.conflict(
                    text.file(c.ref[r], names),
                    c.line[r],
                    text.eventId(c.ref[r]),
                    platform,
                    rowsOfSlot.get(slotOf[r]),
                    text.raw(c.ref[r])));
        }
        out.sort((a, b) -> a.file().equals(b.file())
                ? Long.compare(a.line(), b.line())
                : a.file().compareTo(b.file()));
        return out;
    }
}
