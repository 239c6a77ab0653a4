package org.gigrights.engine.fast;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.gigrights.engine.ingest.CsvRowReader;
import org.gigrights.engine.ingest.JsonlRowReader;
import org.gigrights.rules.model.EventType;

/**
 * Reads CSV or JSON Lines from a stream in chunks and parses it into {@link RowBatch}es, the fast
 * path for plain rows and the standard reader for the rest, so that both accept the same rows with the same
 * values. Used by the streaming audit, which cannot map its input.
 */
public final class CsvBatches {
    /** Bytes read before a batch is cut at its last whole line. */
    private final int chunk;

    private final String name;
    private final InputStream in;
    private final KeyDictionary workers;
    private byte[] buf;
    private int len;
    private boolean eof;
    private boolean wantMore;
    private long line;
    private String header;
    private FastRow row;
    /** Set when the input is JSON Lines. */
    private JsonRow jsonRow;

    private final java.util.Set<String> unknownFields = new java.util.TreeSet<>();
    // The previous fast row's worker: its number, key bytes (platform then worker) and key hash.
    private int lastWorker = -1;
    private byte[] lastKey = new byte[0];
    private int lastPlatformLength;
    private long lastKeyHash;
    /** Batches the consumer is done with, to fill again instead of allocating (null: always new). */
    private java.util.Queue<RowBatch> spare;

    /** The numbering of workers that several inputs share. */
    public static final class Numbering {
        final KeyDictionary workers = new KeyDictionary();
    }

    /** A reader of one input; workers are numbered from 0 in the order first seen across inputs. */
    public CsvBatches(String name, InputStream in, Numbering numbering) {
        this(name, in, numbering, 4 << 20);
    }

    /** Batches cut after about {@code chunk} bytes (small in tests). */
    public CsvBatches(String name, InputStream in, Numbering numbering, int chunk) {
        this.chunk = chunk;
        this.buf = new byte[chunk + 1024];
        this.name = name;
        this.in = in;
        this.workers = numbering.workers;
    }

    /**
     * Reads JSON Lines instead of CSV: no header; a byte order mark at the start is left out, as
     * the standard reader drops it there.
     *
     * @return false when the input is empty
     */
    public boolean json() throws IOException {
        boolean more = true;
        while (len < 3 && more) {
            more = fill();
        }
        if (len >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            consume(3);
        }
        jsonRow = new JsonRow();
        row = jsonRow.row();
        return len > 0 || fill();
    }

    /** After the last batch: warns once of the unknown JSON fields the rows had, as the standard reader does. */
    public void warnUnknownFields(Consumer<String> warnings) {
        if (jsonRow != null) {
            unknownFields.addAll(jsonRow.extras.names);
        }
        if (!unknownFields.isEmpty()) {
            warnings.accept(JsonlRowReader.unknownFieldsWarning(name, unknownFields));
        }
    }

    /**
     * Reads the header; false when the input has none (it is then empty) or when its header is
     * not plain (quoted), in which case the caller must read it with the standard reader.
     */
    public boolean header(Consumer<String> warnings) throws IOException {
        while (true) {
            int eol = lineEnd(0);
            while (eol < 0 && fill()) {
                eol = lineEnd(0);
            }
            if (eol < 0 && len == 0) {
                warnings.accept(name + ": empty input (no header row)");
                return false;
            }
            int end = eol < 0 ? len : eol;
            String text = new String(buf, 0, end > 0 && buf[end - 1] == '\r' ? end - 1 : end, StandardCharsets.UTF_8);
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            consume(eol < 0 ? len : eol + 1);
            if (text.isBlank()) {
                continue;
            }
            List<String> names = new java.util.ArrayList<>();
            for (String f : text.split(",", -1)) {
                String t = f.strip();
                // Header names are plain words; a quoted one is the same word.
                if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                    t = t.substring(1, t.length() - 1).replace("\"\"", "\"");
                }
                names.add(t);
            }
            List<String> columns = new CsvRowReader(name, null).header(names, warnings);
            int[] fieldOf = new int[columns.size()];
            for (int c = 0; c < fieldOf.length; c++) {
                fieldOf[c] = List.of(FastRow.NAMES).indexOf(columns.get(c));
            }
            header = String.join(",", columns);
            row = new FastRow(fieldOf);
            return true;
        }
    }

    /**
     * Takes batches from {@code spare} when it has one: a consumer that hands each batch back once
     * done saves the reader a few hundred MB of new arrays per 10 M rows.
     */
    public CsvBatches reuse(java.util.Queue<RowBatch> spare) {
        this.spare = spare;
        return this;
    }

    /** The next batch of rows, or null at the end of the input. */
    public RowBatch next() throws IOException {
        int limit;
        while (true) {
            while (!eof && (len < chunk || wantMore)) {
                if (len == buf.length && wantMore) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                wantMore = false;
                fill();
            }
            if (len == 0 && eof) {
                return null;
            }
            limit = len;
            if (!eof) {
                // Parse whole lines only: the rest waits for the next chunk.
                while (limit > 0 && buf[limit - 1] != '\n') {
                    limit--;
                }
            }
            if (limit > 0 || eof) {
                break;
            }
            wantMore = true; // a line longer than the buffer
        }
        RowBatch batch = spare == null ? null : spare.poll();
        if (batch == null) {
            batch = new RowBatch(Math.max(1024, len / 80));
        } else {
            batch.clear();
        }
        int p = 0;
        while (p < limit) {
            int eol = jsonRow != null ? jsonRow.scan(buf, p, limit) : row.scan(buf, p, limit);
            if (row.lineEnd == p) {
                line++;
                p = eol + 1;
                continue;
            }
            if (row.parsed) {
                line++;
                batch.rows++;
                addFast(batch, p);
                p = eol + 1;
                continue;
            }
            if (jsonRow != null) {
                // No JSON row spans lines: the standard reader reads this one alone.
                line++;
                Declined.json(
                        name,
                        new String(buf, p, row.lineEnd - p, StandardCharsets.UTF_8),
                        line,
                        into(batch),
                        unknownFields);
                p = eol + 1;
                continue;
            }
            // Slow path: the whole record, as the standard reader would find its end.
            int end = CsvFields.recordEnd(buf, p, limit, eof);
            // A quote never closed: the reader rejects the first line alone and reads on after it.
            int last = end >= 0 ? end : eol;
            int extra = Bytes.count(buf, p, Math.min(last, limit), (byte) '\n');
            if (end == CsvFields.MORE) {
                // The quoted row goes on in the next chunk; at the start of this one, read more.
                wantMore = p == 0;
                break;
            }
            Declined.csv(
                    name,
                    header,
                    new String(buf, p, Math.min(last, limit) - p, StandardCharsets.UTF_8),
                    line + 1,
                    into(batch));
            line += 1 + extra;
            p = last + 1;
        }
        consume(Math.min(p, len));
        return batch;
    }

    private void addFast(RowBatch b, int lineStart) {
        FastRow r = row;
        int ps = r.start[FastRow.PLATFORM];
        int pe = r.end[FastRow.PLATFORM];
        int ws = r.start[FastRow.WORKER];
        int we = r.end[FastRow.WORKER];
        // Feeds list a worker's rows together: the previous row's worker is usually this one's.
        // Compared a word at a time: Arrays.equals on ranges is a call with range checks under the
        // quick compiler (430 of 4,800 samples of this thread on 10 M rows).
        int workerLength = lastKey.length - lastPlatformLength;
        if (lastWorker < 0
                || pe - ps != lastPlatformLength
                || we - ws != workerLength
                || !Bytes.equal(buf, ps, lastKey, 0, lastPlatformLength)
                || !Bytes.equal(buf, ws, lastKey, lastPlatformLength, workerLength)) {
            int before = workers.size();
            lastWorker = workers.id(buf, ps, pe, ws, we);
            if (workers.size() > before) {
                String[] parts = workers.parts(lastWorker);
                b.newWorkers.add(new Object[] {lastWorker, parts[0], parts[1]});
            }
            lastKey = new byte[pe - ps + we - ws];
            System.arraycopy(buf, ps, lastKey, 0, pe - ps);
            System.arraycopy(buf, ws, lastKey, pe - ps, we - ws);
            lastPlatformLength = pe - ps;
            lastKeyHash = RowBatch.span(RowBatch.span(RowBatch.CONTENT_BASIS, buf, ps, pe), buf, ws, we);
        }
        int is = r.start[FastRow.EVENT_ID];
        int ie = r.end[FastRow.EVENT_ID];
        int i = b.add(buf, is, ie);
        EventType t = EventType.ofOrdinal(r.type);
        b.worker[i] = lastWorker;
        b.time[i] = r.time;
        b.amount[i] = r.amount;
        b.order[i] = t.isOrder() ? Bytes.hash(buf, r.start[FastRow.ORDER], r.end[FastRow.ORDER]) : 0;
        b.idHash[i] = Bytes.hash(buf, is, ie);
        b.region[i] = r.region;
        b.type[i] = (byte) r.type;
        b.reason[i] = (byte) (r.reason + 1);
        b.insured[i] = r.insured;
        b.line[i] = line;
        long h = r.empty(FastRow.PERSON)
                ? RowBatch.mix(lastKeyHash, -7)
                : RowBatch.span(lastKeyHash, buf, r.start[FastRow.PERSON], r.end[FastRow.PERSON]);
        b.content[i] = RowBatch.content(h, b, i);
    }

    /** Each row the standard reader read: a reject, or an event added with its line. */
    private Declined.Rows into(RowBatch b) {
        return (raw, parsed, at) -> {
            b.rows++;
            b.declined++;
            if (parsed.rejection() != null) {
                b.rejects.add(parsed.rejection());
            } else {
                RowBatch.addEvent(workers, b, parsed.event(), at);
            }
        };
    }

    private int lineEnd(int from) {
        for (int i = from; i < len; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, len, buf.length - len);
        if (n < 0) {
            eof = true;
            return false;
        }
        len += n;
        return true;
    }

    private void consume(int n) {
        System.arraycopy(buf, n, buf, 0, len - n);
        len -= n;
    }
}
