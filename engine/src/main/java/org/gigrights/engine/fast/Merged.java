package org.gigrights.engine.fast;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.gigrights.engine.ingest.Rejection;

/**
 * The parse tasks' results joined without copying their rows: one numbering of workers and
 * platforms, global line numbers, and the tasks' columns as the segments of one row store.
 */
final class Merged {
    Rows rows;
    final KeyDictionary workers = new KeyDictionary();
    final KeyDictionary platforms = new KeyDictionary();
    final List<SideRow> side = new ArrayList<>();
    final List<Rejection> rejects = new ArrayList<>();
    final long[] rowsPerFile;
    final RowText text;

    private Merged(int files, Reading reading) {
        rowsPerFile = new long[files];
        text = new RowText(reading.segments, reading.fileOfSegment, side);
    }

    static Merged of(Reading reading, ExecutorService pool) throws IOException {
        Merged m = new Merged(reading.names.size(), reading);
        int[] lineBase = new int[reading.names.size()];
        for (int f = 0; f < lineBase.length; f++) {
            lineBase[f] = reading.headerLine.get(f);
        }
        List<Runnable> renumber = new ArrayList<>();
        for (ParseTask t : reading.tasks) {
            int f = t.file.index();
            int base = lineBase[f];
            int[] keyMap = t.workers.idsIn(m.workers);
            int[] platformMap = t.platforms.idsIn(m.platforms);
            int sideBase = m.side.size();
            for (SideRow s : t.side) {
                m.side.add(s.movedBy(base));
            }
            for (Rejection r : t.rejects) {
                m.rejects.add(new Rejection(r.file(), r.line() + base, r.code(), r.detail(), r.raw()));
            }
            Columns c = t.columns;
            renumber.add(() -> c.renumber(keyMap, platformMap, base, sideBase));
            m.rowsPerFile[f] += t.rows;
            lineBase[f] = base + t.lines;
        }
        FastAudit.run(pool, renumber, Runnable::run);
        List<Columns> segments = new ArrayList<>();
        int limit = 1 << Rows.segmentBits;
        for (ParseTask t : reading.tasks) {
            if (t.columns.size <= limit) {
                segments.add(t.columns);
            } else {
                // Only a range parsed whole (a quoted field crossed ranges) or JSON Lines get here.
                for (int from = 0; from < t.columns.size; from += limit) {
                    segments.add(t.columns.slice(from, Math.min(t.columns.size, from + limit)));
                }
            }
        }
        m.rows = Rows.of(segments);
        return m;
    }

    /** Platform code and worker id of a worker key. */
    String[] workerName(int key) {
        return workers.parts(key);
    }

    String platformName(int p) {
        return platforms.parts(p)[0];
    }
}
