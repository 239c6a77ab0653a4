package org.gigrights.engine.fast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.gigrights.engine.ingest.Rejection;

/** The parse tasks' results joined: one column store, one numbering of workers and platforms. */
final class Merged {
    final Columns columns;
    final KeyDictionary workers = new KeyDictionary();
    final KeyDictionary platforms = new KeyDictionary();
    final List<SideRow> side = new ArrayList<>();
    final List<Rejection> rejects = new ArrayList<>();
    final long[] rowsPerFile;
    final RowText text;

    private Merged(int rows, int files, Reading reading) {
        columns = new Columns(Math.max(16, rows));
        rowsPerFile = new long[files];
        text = new RowText(reading.segments, reading.fileOfSegment, side);
    }

    static Merged of(Reading reading, Consumer<Long> progress) {
        int total = 0;
        for (ParseTask t : reading.tasks) {
            total += t.columns.size;
        }
        Merged m = new Merged(total, reading.names.size(), reading);
        int[] lineBase = new int[reading.names.size()];
        for (int f = 0; f < lineBase.length; f++) {
            lineBase[f] = reading.headerLine.get(f);
        }
        long rows = 0;
        for (ParseTask t : reading.tasks) {
            int f = t.file.index();
            int base = lineBase[f];
            int[] keyMap = t.workers.idsIn(m.workers);
            int[] platformMap = t.platforms.idsIn(m.platforms);
            int sideBase = m.side.size();
            for (SideRow s : t.side) {
                m.side.add(new SideRow(s.event(), s.file(), s.line() + base, s.raw()));
            }
            for (Rejection r : t.rejects) {
                m.rejects.add(new Rejection(r.file(), r.line() + base, r.code(), r.detail(), r.raw()));
            }
            m.columns.append(t.columns, keyMap, platformMap, base, sideBase);
            m.rowsPerFile[f] += t.rows;
            lineBase[f] = base + t.lines;
            rows += t.rows;
            progress.accept(rows);
        }
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
