package org.gigrights.engine.fast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
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

    /** CSV text (one row, or several lines of one quoted row) whose first line is {@code at}. */
    static void csv(String file, String header, String text, long at, Rows rows) {
        try {
            CsvRowReader.ofText(file, header + "\n" + text).read(raw -> each(file, raw, at, rows), w -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSON line, line {@code at}; the unknown field names it had go to {@code unknown}. */
    static void json(String file, String text, long at, Rows rows, Set<String> unknown) {
        // After a blank first line, so that a byte order mark here is text, as it is past a file's
        // start (the one at the start the ranges leave out).
        try {
            new JsonlRowReader(file, new BufferedReader(new StringReader("\n" + text)))
                    .read(raw -> each(file, raw, at, rows), unknown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void each(String file, RawRow raw, long at, Rows rows) {
        RawRow moved = raw.movedTo(file, at);
        rows.row(moved, EventParser.parse(moved), moved.line());
    }
}
