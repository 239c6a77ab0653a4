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
    /** Per row: its key's slot. */
    final int[] slotOf;
    /** Per slot: 1 when rows of the key differ. */
    final byte[] conflict;

    long accepted;
    long duplicates;

    private Dedup(int rows, int slots) {
        later = new byte[rows];
        slotOf = new int[rows];
        conflict = new byte[slots];
    }

    static Dedup of(Columns c, RowText text) {
        int n = c.size;
        int slots = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
        Dedup d = new Dedup(n, slots);
        int[] table = new int[slots];
        int mask = slots - 1;
        for (int r = 0; r < n; r++) {
            long h = Bytes.mix(c.idHash[r] * 31 + c.platform[r]);
            int slot = (int) h & mask;
            while (true) {
                int e = table[slot];
                if (e == 0) {
                    table[slot] = r + 1;
                    d.slotOf[r] = slot;
                    break;
                }
                int f = e - 1;
                if (c.platform[f] == c.platform[r]
                        && c.idHash[f] == c.idHash[r]
                        && text.compareIds(c.ref[f], c.idPos[f], c.ref[r], c.idPos[r]) == 0) {
                    d.slotOf[r] = slot;
                    d.later[r] = 1;
                    if (!text.event(c.ref[f]).equals(text.event(c.ref[r]))) {
                        d.conflict[slot] = 1;
                    }
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        for (int r = 0; r < n; r++) {
            if (d.conflict[d.slotOf[r]] == 0) {
                if (d.later[r] == 0) {
                    d.accepted++;
                } else {
                    d.duplicates++;
                }
            }
        }
        return d;
    }

    /** Whether a row is accepted: the first of a key whose rows agree. */
    boolean accepted(int r) {
        return later[r] == 0 && conflict[slotOf[r]] == 0;
    }

    /** Every row of every conflicting key, as rejects in file-name and line order. */
    List<Rejection> conflicts(Columns c, RowText text, List<String> names, KeyDictionary platforms) {
        int[] rowsOfSlot = new int[conflict.length];
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < c.size; r++) {
            if (conflict[slotOf[r]] != 0) {
                rowsOfSlot[slotOf[r]]++;
                rows.add(r);
            }
        }
        List<Rejection> out = new ArrayList<>();
        for (int r : rows) {
            String platform = new String(platforms.keyBytes(c.platform[r]), java.nio.charset.StandardCharsets.UTF_8);
            platform = platform.substring(0, platform.indexOf('\u0000'));
            out.add(FastAudit.conflict(
                    text.file(c.ref[r], names),
                    c.line[r],
                    text.eventId(c.ref[r]),
                    platform,
                    rowsOfSlot[slotOf[r]],
                    text.raw(c.ref[r])));
        }
        out.sort((a, b) -> a.file().equals(b.file())
                ? Long.compare(a.line(), b.line())
                : a.file().compareTo(b.file()));
        return out;
    }
}
