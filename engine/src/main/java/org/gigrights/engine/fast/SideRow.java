package org.gigrights.engine.fast;

import org.gigrights.rules.model.WorkEvent;

/**
 * A row that took the slow path (quotes, escapes, unusual forms): where to find its text again, or
 * its event and text themselves. Most are {@link Located}, a few dozen bytes each, so that a file
 * written wholly in a form the fast parsers decline takes no more memory than a plain one.
 */
sealed interface SideRow permits SideRow.Located, SideRow.Kept {
    /** The index of the row's file. */
    int file();

    /** The row's line: in its range while parsing, in its file once the ranges are joined. */
    int line();

    /** The same row {@code lines} further down. */
    SideRow movedBy(int lines);

    /**
     * The first row the standard reader reads from {@code length} bytes at {@code where} ({@code
     * segment << 32 | offset}), the text the fast parser declined; read again when needed.
     */
    record Located(long where, int length, int file, int line) implements SideRow {
        @Override
        public SideRow movedBy(int lines) {
            return new Located(where, length, file, line + lines);
        }
    }

    /** A row kept whole: from a file the standard reader read without ranges, or a later row of a declined text. */
    record Kept(WorkEvent event, int file, int line, String raw) implements SideRow {
        @Override
        public SideRow movedBy(int lines) {
            return new Kept(event, file, line + lines, raw);
        }
    }
}
