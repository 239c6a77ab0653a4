package org.gigrights.engine.fast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.gigrights.engine.ingest.CsvRowReader;
import org.gigrights.engine.ingest.EventParser;
import org.gigrights.engine.ingest.JsonlRowReader;
import org.gigrights.engine.ingest.RawRow;

/**
 * Reads the text the fast path declined with the standard reader and parser, numbering its rows
 * as in their file, so that both paths accept the same rows with the same values.
 */
final class Declined {
    private Declined() {}

    /** What becomes of each row read: rejected, or an event to add at its line. */
    interface Rows {
        void row(RawRow raw, EventParser.Result parsed, long line);
    }

    /** The last header each thread read: a file's declined rows share one. */
    private static final ThreadLocal<Object[]> HEADER = ThreadLocal.withInitial(() -> new Object[2]);

    /** CSV text (one row, or several lines of one quoted row) whose first line is {@code at}. */
    static void csv(String file, String header, String text, long at, Rows rows) {
        try {
            CsvRowReader.ofRows(file, names(file, header), text).read(raw -> each(file, raw, at, rows), w -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(String file, String header) throws IOException {
        Object[] last = HEADER.get();
        if (!header.equals(last[0])) {
            last[1] = CsvRowReader.headerNames(file, header);
            last[0] = header;
        }
        return (List<String>) last[1];
    }

    /** One JSON line, line {@code at}; the unknown field names it had go to {@code unknown}. */
    static void json(String file, String text, long at, Rows rows, Set<String> unknown) {
        // A byte order mark here is text, as it is past a file's start (the ranges leave out the
        // one at the start).
        if (!text.isBlank()) {
            RawRow raw = JsonlRowReader.line(file, text, at, unknown);
            rows.row(raw, EventParser.parse(raw), at);
        }
    }

    private static void each(String file, RawRow raw, long at, Rows rows) {
        RawRow moved = raw.movedTo(file, at);
        rows.row(moved, EventParser.parse(moved), moved.line());
    }
}
