package org.gigrights.engine.fast;

import org.gigrights.engine.ingest.CsvRowReader;

/** Where CSV fields end, read byte by byte as the standard reader splits them. */
final class CsvFields {
    private CsvFields() {}

    /**
     * Where a field of a column the audit does not use ends, as the standard reader splits it: its
     * comma, its line feed, the carriage return of a CR LF, or {@code limit}; -1 when only that
     * reader can tell (a quote after other white space, a line break or no end inside quotes).
     */
    static int ignoredEnd(byte[] b, int fs, int limit) {
        int i = fs;
        while (i < limit && b[i] == ' ') {
            i++;
        }
        if (i < limit && b[i] == '"') {
            // Quoted: "" is a quote; after the closing one, the rest up to the field's end is text.
            for (i++; ; i++) {
                if (i >= limit || b[i] == '\n') {
                    return -1;
                }
                if (b[i] == '"') {
                    if (i + 1 < limit && b[i + 1] == '"') {
                        i++;
                    } else {
                        break;
                    }
                }
            }
            return fieldEnd(b, i + 1, limit, true);
        }
        return fieldEnd(b, fs, limit, false);
    }

    /**
     * The end of a field's text from {@code i}. A quote opens quoting only after white space
     * alone: after a printable byte it is text; after other bytes that may be white space (tabs,
     * non-ASCII), -1.
     */
    private static int fieldEnd(byte[] b, int i, int limit, boolean printable) {
        for (; i < limit; i++) {
            byte c = b[i];
            if (c == ',' || c == '\n' || (c == '\r' && (i + 1 == limit || b[i + 1] == '\n'))) {
                return i;
            }
            if (c == '"' && !printable) {
                return -1;
            }
            if (c > ' ' && c < 0x7f) {
                printable = true;
            }
        }
        return limit;
    }

    /** Whether every byte in {@code from..to} is a space (or there are none). */
    static boolean spacesOnly(byte[] b, int from, int to) {
        for (int k = from; k < to; k++) {
            if (b[k] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** {@link #recordEnd}: the record's quote is never closed; the reader rejects its first line. */
    static final int UNCLOSED = -1;

    /** {@link #recordEnd}: the text ends inside the record, and more input may follow. */
    static final int MORE = -2;

    /**
     * Where the CSV record starting at {@code p} ends, as the standard reader reads it: the index
     * of the line feed that ends it (or {@code n} when the input ends there), {@link #UNCLOSED}
     * when a quote stays open to the end of the input or over more than {@value
     * CsvRowReader#MAX_QUOTED_LINES} line breaks, or {@link #MORE} when the text ends before that
     * is known and {@code atEnd} is false. Quotes open a quoted part only at a field's start, after
     * white space alone, once per field; {@code ""} inside is a quote.
     */
    static int recordEnd(byte[] b, int p, int n, boolean atEnd) {
        boolean quoted = false;
        boolean wasQuoted = false;
        int fieldStart = p;
        int quotedLines = 0;
        for (int i = p; i < n; i++) {
            byte c = b[i];
            if (quoted) {
                if (c == '"') {
                    if (i + 1 == n && !atEnd) {
                        return MORE;
                    }
                    if (i + 1 < n && b[i + 1] == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                } else if (c == '\n' && ++quotedLines > CsvRowReader.MAX_QUOTED_LINES) {
                    return UNCLOSED;
                }
                continue;
            }
            if (c == '\n') {
                return i;
            }
            if (c == '\r' && i + 1 == n) {
                return atEnd ? n : MORE;
            }
            if (c == ',') {
                fieldStart = i + 1;
                wasQuoted = false;
            } else if (c == '"' && !wasQuoted && blank(b, fieldStart, i)) {
                quoted = true;
                wasQuoted = true;
            }
        }
        return quoted ? (atEnd ? UNCLOSED : MORE) : n;
    }

    /** Whether text is white space alone, as {@link String#isBlank} decides. */
    private static boolean blank(byte[] b, int from, int to) {
        boolean ascii = true;
        for (int k = from; k < to; k++) {
            int c = b[k];
            if (c < 0) {
                ascii = false;
            } else if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return ascii || new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8).isBlank();
    }
}
