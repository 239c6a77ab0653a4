package org.gigrights.engine.fast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
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
    record FileInfo(int index, String name, String header, int[] fieldOfColumn, boolean json) {
        FileInfo(int index, String name, String header, int[] fieldOfColumn) {
            this(index, name, header, fieldOfColumn, false);
        }
    }

    /** Where a mapped segment's bytes lie in their file: a task reads its range from there. */
    record Origin(java.nio.file.Path file, long offset) {}

    final FileInfo file;
    final int segment;
    final ByteBuffer b;
    final Origin origin;
    final int from;
    final int to;

    /** Sized when the task runs, from the length of its range. */
    Columns columns = new Columns(16);

    KeyDictionary workers = new KeyDictionary();
    KeyDictionary platforms = new KeyDictionary();
    List<SideRow> side = new ArrayList<>();
    final List<Rejection> rejects = new ArrayList<>();
    long rows;
    /** Rows the standard reader read: forms the fast parsers do not take, and rejected rows. */
    long declined;

    int lines;
    /** Whether a quoted field ran past the end of the range (the file is then parsed whole). */
    boolean crossed;
    /** JSON Lines: the unknown field names the standard reader met on this range's rows. */
    final java.util.Set<String> unknownFields = new java.util.TreeSet<>();

    ParseTask(FileInfo file, int segment, ByteBuffer b, Origin origin, int from, int to) {
        this.file = file;
        this.segment = segment;
        this.b = b;
        this.origin = origin;
        this.from = from;
        this.to = to;
    }

    void run() {
        if (b == null) {
            return;
        }
        int n = to - from;
        byte[] a = buffer(n);
        copy(a, n);
        columns = new Columns(estimateRows(a, n));
        JsonRow json = file.json() ? new JsonRow() : null;
        FastRow row = json != null ? json.row() : new FastRow(file.fieldOfColumn());
        int p = 0;
        int line = 0;
        while (p < n) {
            int eol = json != null ? json.scan(a, p, n) : row.scan(a, p, n);
            line++;
            if (row.lineEnd == p) {
                p = eol + 1;
                continue;
            }
            if (row.parsed) {
                rows++;
                add(row, a, p, line);
                p = eol + 1;
                continue;
            }
            if (json != null) {
                // No JSON row spans lines: the standard reader reads this one alone.
                declinedAt(p, row.lineEnd, line);
                Declined.json(file.name(), Bytes.text(a, p, row.lineEnd), line, this::declined, unknownFields);
                p = eol + 1;
                continue;
            }
            // Slow path: the whole record, as the standard reader would find its end.
            int end = CsvFields.recordEnd(a, p, n, to >= b.limit());
            if (end == CsvFields.MORE) {
                // A quote open at the range's end may close in the next range: the file is
                // parsed again in one piece.
                crossed = true;
            }
            // A quote never closed: the reader rejects the first line alone and reads on after it.
            int last = end >= 0 ? end : eol;
            int extra = Bytes.count(a, p, Math.min(last, n), (byte) '\n');
            declinedAt(p, Math.min(last, n), line);
            Declined.csv(file.name(), file.header(), Bytes.text(a, p, Math.min(last, n)), line, this::declined);
            line += extra;
            p = last + 1;
        }
        lines = line;
        if (json != null) {
            unknownFields.addAll(json.extras.names);
        }
    }

    /** Where the text given to the standard reader lies in the range, and its first line. */
    private int declinedFrom;

    private int declinedTo;
    private int declinedLine;

    private void declinedAt(int from, int to, int line) {
        declinedFrom = from;
        declinedTo = to;
        declinedLine = line;
    }

    /**
     * Each row the standard reader read: a reject, or an event. The text's first row is found
     * again from where the text lies; a later one (a quote left open on the line before) is kept.
     */
    private void declined(RawRow raw, EventParser.Result parsed, long line) {
        rows++;
        declined++;
        if (parsed.rejection() != null) {
            rejects.add(parsed.rejection());
        } else if (line == declinedLine) {
            long where = ((long) segment << 32) | (from + declinedFrom);
            addSide(new SideRow.Located(where, declinedTo - declinedFrom, file.index(), (int) line), parsed.event());
        } else {
            addSide(new SideRow.Kept(parsed.event(), file.index(), (int) line, raw.raw()), parsed.event());
        }
    }

    /**
     * Copies the range into the buffer. A mapped file's range is read with positional reads, which
     * copy from the page cache without mapping each page into this process (half the time of
     * copying from the mapping here); the mapping stays for the few rows read again later.
     */
    private void copy(byte[] a, int n) {
        if (origin == null) {
            b.get(from, a, 0, n);
            return;
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(origin.file())) {
            RangeReader.read(ch, origin.offset() + from, a, n, file.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each thread reuses one buffer for its ranges: they are read once and not kept. */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[0]);

    private static byte[] buffer(int n) {
        byte[] a = BUFFER.get();
        if (a.length < n) {
            // Ranges are a little longer than the range size, each by its own last line: rounding
            // up to whole MiB keeps one buffer per thread instead of a new one for every longer range.
            a = new byte[(int) Math.min(Integer.MAX_VALUE - 8, ((long) n + (1 << 20)) & ~((1L << 20) - 1))];
            BUFFER.set(a);
        }
        return a;
    }

    /**
     * Rows to make room for: the range's length over the mean length of its first MiB of lines,
     * with a margin of 1/32, so that columns rarely grow. The arrays are zeroed, so touched, whole:
     * a 64 KiB sample was off by up to 6 % on generated data and needed a margin of 1/8; a MiB is
     * within 1.2-3.5 % there (docs/performance.md).
     */
    private static int estimateRows(byte[] a, int n) {
        int sample = Math.min(n, 1 << 20);
        int lines = Bytes.count(a, 0, sample, (byte) '\n');
        if (lines == 0 || sample == n) {
            return Math.max(16, lines + 1);
        }
        long estimate = (long) n * lines / sample;
        return (int) Math.min(Integer.MAX_VALUE - 16, estimate + estimate / 32 + 1024);
    }

    private int lastWorker = -1;
    private int lastPlatform = -1;
    private int lastPs = -1;
    private int lastPe;
    private int lastWs;
    private int lastWe;

    private static boolean same(byte[] a, int from, int to, int from2, int to2) {
        return to - from == to2 - from2 && Bytes.equal(a, from, a, from2, to - from);
    }

    private void add(FastRow r, byte[] a, int lineStart, int line) {
        int ps = r.start[FastRow.PLATFORM];
        int pe = r.end[FastRow.PLATFORM];
        int ws = r.start[FastRow.WORKER];
        int we = r.end[FastRow.WORKER];
        // Feeds list a worker's rows together, so the previous row's ids are usually the answer.
        // With the columns in the standard's order, platform and worker are one span to compare.
        boolean sameKey = lastWorker >= 0
                && (ws == pe + 1 && lastWs == lastPe + 1
                        ? same(a, ps, we, lastPs, lastWe)
                        : same(a, ps, pe, lastPs, lastPe) && same(a, ws, we, lastWs, lastWe));
        if (!sameKey) {
            lastWorker = workers.id(a, ps, pe, ws, we);
            if (lastWorker < 0 || lastPs < 0 || !same(a, ps, pe, lastPs, lastPe)) {
                lastPlatform = platforms.id(a, ps, pe, 0, 0);
            }
            lastPs = ps;
            lastPe = pe;
            lastWs = ws;
            lastWe = we;
        }
        int worker = lastWorker;
        int platform = lastPlatform;
        int idFrom = r.start[FastRow.EVENT_ID];
        int idLen = r.end[FastRow.EVENT_ID] - idFrom;
        long id = Bytes.hash(a, idFrom, idFrom + idLen);
        long order = r.empty(FastRow.ORDER) ? 0 : Bytes.hash(a, r.start[FastRow.ORDER], r.end[FastRow.ORDER]);
        long ref = ((long) segment << 32) | (from + lineStart);
        int offset = idFrom - lineStart;
        int idPos = offset < 0xffff && idLen < 0xffff ? (offset << 16) | idLen : -1;
        columns.add(
                r.time,
                r.amount,
                id,
                order,
                ref,
                worker,
                platform,
                r.region,
                line,
                r.type,
                r.insured,
                r.reason,
                idPos,
                idPos < 0 ? 0 : Bytes.prefix(a, idFrom, idFrom + idLen),
                idPos < 0 || idLen <= 8 ? 0 : Bytes.prefix(a, idFrom + 8, idFrom + idLen));
    }

    private void addSide(SideRow s, WorkEvent e) {
        side.add(s);
        addEvent(columns, workers, platforms, e, -side.size(), s.line());
    }

    /** Adds a canonical event as a row of columns. */
    static void addEvent(
            Columns columns, KeyDictionary workers, KeyDictionary platforms, WorkEvent e, long ref, int line) {
        int worker = workers.id(e.platform(), e.worker());
        int platform = platforms.id(e.platform(), "");
        long order = e.order() == null ? 0 : Bytes.hash(e.order());
        int region = e.region() == null ? -1 : Integer.parseInt(e.region());
        // A short printable id is kept whole in its prefixes (idPos is then just its length), so
        // that ties and evidence need not read the row again; any other id is read when needed.
        byte[] id = e.eventId().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean shortId = id.length <= 16 && Bytes.printable(id);
        columns.add(
                e.timeMillis(),
                e.amountCents(),
                Bytes.hash(id, 0, id.length),
                order,
                ref,
                worker,
                platform,
                region,
                line,
                e.type().ordinal(),
                e.insured(),
                e.reason() == null ? -1 : e.reason().ordinal(),
                shortId ? id.length : -1,
                shortId ? Bytes.prefix(id, 0, id.length) : 0,
                shortId && id.length > 8 ? Bytes.prefix(id, 8, id.length) : 0);
    }
}
