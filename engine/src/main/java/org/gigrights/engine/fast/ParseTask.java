package org.gigrights.engine.fast;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.gigrights.engine.ingest.CsvRowReader;
import org.gigrights.engine.ingest.EventParser;
import org.gigrights.engine.ingest.RawRow;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.rules.model.WorkEvent;

/**
 * Parses one range of a CSV source into columns: plain rows on the fast path, every other row
 * through the standard reader and parser. Line numbers are counted from the range's start and
 * made absolute when the ranges are joined.
 */
final class ParseTask {
    /** The file this range belongs to. */
    record FileInfo(int index, String name, String header, int[] fieldOfColumn) {}

    final FileInfo file;
    final int segment;
    final ByteBuffer b;
    final int from;
    final int to;

    final Columns columns = new Columns(1 << 16);
    final KeyDictionary workers = new KeyDictionary();
    final KeyDictionary platforms = new KeyDictionary();
    final List<SideRow> side = new ArrayList<>();
    final List<Rejection> rejects = new ArrayList<>();
    long rows;
    int lines;

    ParseTask(FileInfo file, int segment, ByteBuffer b, int from, int to) {
        this.file = file;
        this.segment = segment;
        this.b = b;
        this.from = from;
        this.to = to;
    }

    void run() {
        FastRow row = new FastRow(file.fieldOfColumn());
        int p = from;
        int line = 0;
        while (p < to) {
            int eol = p;
            while (eol < to && b.get(eol) != '\n') {
                eol++;
            }
            int end = eol > p && b.get(eol - 1) == '\r' ? eol - 1 : eol;
            line++;
            if (end == p) {
                p = eol + 1;
                continue;
            }
            if (row.parse(b, p, end)) {
                rows++;
                add(row, p, line);
                p = eol + 1;
                continue;
            }
            // Slow path: the line, plus following lines while a quote is open (at most 100).
            int quotes = count(p, eol);
            int last = eol;
            int extra = 0;
            while (quotes % 2 == 1 && last < to && extra < 100) {
                int next = last + 1;
                int e2 = next;
                while (e2 < to && b.get(e2) != '\n') {
                    e2++;
                }
                if (next >= to) {
                    break;
                }
                quotes += count(next, e2);
                last = e2;
                extra++;
            }
            String text = Bytes.text(b, p, Math.min(last, to));
            slow(text, line);
            line += extra;
            p = last + 1;
        }
        lines = line;
    }

    private int count(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (b.get(i) == '"') {
                n++;
            }
        }
        return n;
    }

    private void add(FastRow r, int lineStart, int line) {
        int worker = workers.id(
                b, r.start[FastRow.PLATFORM], r.end[FastRow.PLATFORM], r.start[FastRow.WORKER], r.end[FastRow.WORKER]);
        int platform = platforms.id(b, r.start[FastRow.PLATFORM], r.end[FastRow.PLATFORM], 0, 0);
        long id = Bytes.hash(b, r.start[FastRow.EVENT_ID], r.end[FastRow.EVENT_ID]);
        long order = r.empty(FastRow.ORDER) ? 0 : Bytes.hash(b, r.start[FastRow.ORDER], r.end[FastRow.ORDER]);
        long ref = ((long) segment << 32) | lineStart;
        columns.add(r.time, r.amount, id, order, ref, worker, platform, r.region, line, r.type, r.insured, r.reason);
    }

    /** Reads text the fast path declined with the standard reader; first line numbered {@code line}. */
    private void slow(String text, int line) {
        try {
            new CsvRowReader(file.name(), new StringReader(file.header() + "\n" + text))
                    .read(
                            raw -> {
                                rows++;
                                int at = (int) raw.line() - 2 + line;
                                RawRow moved = new RawRow(
                                        raw.file(),
                                        at,
                                        raw.raw(),
                                        raw.fields(),
                                        raw.error() == null
                                                ? null
                                                : new Rejection(
                                                        file.name(),
                                                        at,
                                                        raw.error().code(),
                                                        raw.error().detail(),
                                                        raw.error().raw()));
                                EventParser.Result r = EventParser.parse(moved);
                                if (r.rejection() != null) {
                                    rejects.add(r.rejection());
                                } else {
                                    addSide(r.event(), at, raw.raw());
                                }
                            },
                            w -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addSide(WorkEvent e, int line, String raw) {
        side.add(new SideRow(e, file.index(), line, raw));
        long ref = -side.size();
        addEvent(columns, workers, platforms, e, ref, line);
    }

    /** Adds a canonical event as a row of columns. */
    static void addEvent(
            Columns columns, KeyDictionary workers, KeyDictionary platforms, WorkEvent e, long ref, int line) {
        int worker = workers.id(e.platform(), e.worker());
        int platform = platforms.id(e.platform(), "");
        long order = e.order() == null ? 0 : Bytes.hash(e.order());
        int region = e.region() == null ? -1 : Integer.parseInt(e.region());
        columns.add(
                e.timeMillis(),
                e.amountCents(),
                Bytes.hash(e.eventId()),
                order,
                ref,
                worker,
                platform,
                region,
                line,
                e.type().ordinal(),
                e.insured(),
                e.reason() == null ? -1 : e.reason().ordinal());
    }
}
