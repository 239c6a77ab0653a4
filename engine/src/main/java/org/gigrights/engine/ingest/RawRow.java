package org.gigrights.engine.ingest;

import java.util.Map;

/**
 * One data row as read, before validation.
 *
 * @param file the input's name as given
 * @param line the row's first line number
 * @param raw the row's original text
 * @param fields the row's values by lower-case field name; absent fields are missing
 * @param error a structural problem found while reading (bad JSON, wrong field count), or null
 */
public record RawRow(String file, long line, String raw, Map<String, String> fields, Rejection error) {
    /**
     * The same row read from a piece of a file: numbered {@code line} there and named {@code file},
     * its line number and its error moved from the piece's numbering (header on line 1) to the file's.
     */
    public RawRow movedTo(String file, long line) {
        long at = this.line - 2 + line;
        Rejection moved = error == null ? null : new Rejection(file, at, error.code(), error.detail(), error.raw());
        return new RawRow(this.file, at, raw, fields, moved);
    }
}
