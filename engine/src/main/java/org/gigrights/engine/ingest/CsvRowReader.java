package org.gigrights.engine.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads RFC 4180 CSV: a header row naming the fields in any order, then one event per row. Quoted
 * fields may hold commas, quotes ({@code ""}) and line breaks. Blank lines are skipped.
 */
public final class CsvRowReader {
    private final String file;
    private final Reader in;
    private final char[] buf;
    private int pos;
    private int len;
    private long line = 1;
    /** The header's names when the text has no header row of its own ({@link #ofRows}). */
    private List<String> knownHeader;

    public CsvRowReader(String file, Reader in) {
        this(file, in, 1 << 16);
    }

    /** A reader of a short text, e.g. one row the fast parser declined: a buffer of its size. */
    public static CsvRowReader ofText(String file, String text) {
        return new CsvRowReader(file, new java.io.StringReader(text), Math.max(16, text.length()));
    }

    private CsvRowReader(String file, Reader in, int bufferChars) {
        this.file = file;
        this.in = in;
        this.buf = new char[bufferChars];
    }

    /**
     * A reader of a short text of rows, without a header row, from a file whose header {@link
     * #headerNames} read; the text's first line is numbered 2, as if the header stood before it.
     */
    public static CsvRowReader ofRows(String file, List<String> header, String text) {
        CsvRowReader r = ofText(file, text);
        r.knownHeader = header;
        r.line = 2;
        return r;
    }

    /** The lower-case column names of a file's header row, as {@link #read} reads them. */
    public static List<String> headerNames(String file, String headerRow) throws IOException {
        CsvRowReader r = ofText(file, headerRow);
        List<String> fields = new ArrayList<>();
        r.record(new StringBuilder(), fields);
        return r.header(fields, w -> {});
    }

    /** Reads every row; returns the number of rows. */
    public long read(Consumer<RawRow> rows, Consumer<String> warnings) throws IOException {
        List<String> header = knownHeader;
        long count = 0;
        StringBuilder raw = new StringBuilder();
        List<String> fields = new ArrayList<>();
        while (true) {
            long start = line;
            raw.setLength(0);
            fields.clear();
            int status = record(raw, fields);
            if (status == EOF && raw.length() == 0) {
                break;
            }
            boolean blank = raw.toString().isBlank();
            if (blank) {
                if (status == EOF) {
                    break;
                }
                continue;
            }
            if (header == null) {
                header = header(fields, warnings);
                continue;
            }
            count++;
            if (status == UNCLOSED) {
                // Reject only the line the quote opened on, and read on from the next line.
                String text = raw.toString();
                int nl = text.indexOf('\n');
                String first = nl < 0 ? text : text.substring(0, nl);
                if (first.endsWith("\r")) {
                    first = first.substring(0, first.length() - 1);
                }
                rows.accept(row(header, fields, first, start, true));
                if (nl >= 0) {
                    pushBack(text.substring(nl + 1));
                    line = start + 1;
                    continue;
                }
                break;
            }
            rows.accept(row(header, fields, raw.toString(), start, false));
            if (status == EOF) {
                break;
            }
        }
        if (header == null) {
            warnings.accept(file + ": empty input (no header row)");
        }
        return count;
    }

    /** Checks a header row and returns its lower-case column names; warns once about unknown columns. */
    public List<String> header(List<String> fields, Consumer<String> warnings) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> unknown = new TreeSet<>();
        for (String f : fields) {
            String name = f.trim().toLowerCase(Locale.ROOT);
            if (names.isEmpty() && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(file + ": the header names column '" + name + "' twice");
            }
            if (!Fields.KNOWN.contains(name)) {
                unknown.add(name);
            }
            names.add(name);
        }
        if (!unknown.isEmpty()) {
            warnings.accept(file + ": unknown columns ignored: " + String.join(", ", unknown));
        }
        return names;
    }

    private RawRow row(List<String> header, List<String> fields, String raw, long start, boolean unclosed) {
        if (unclosed) {
            return new RawRow(
                    file, start, raw, Map.of(), new Rejection(file, start, RejectCode.BAD_ROW, "unclosed quote", raw));
        }
        if (fields.size() != header.size()) {
            String why = "row has " + fields.size() + " fields, the header has " + header.size();
            return new RawRow(file, start, raw, Map.of(), new Rejection(file, start, RejectCode.BAD_ROW, why, raw));
        }
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            map.put(header.get(i), fields.get(i));
        }
        return new RawRow(file, start, raw, map, null);
    }

    private static final int END = 0;
    private static final int EOF = 1;
    private static final int UNCLOSED = 2;
    /** A quoted field running over more lines than this is taken as an unclosed quote. */
    public static final int MAX_QUOTED_LINES = 100;

    private String pending = "";
    private int pendingPos;

    /** Text to read again before the rest of the input. */
    private void pushBack(String text) {
        pending = text + pending.substring(pendingPos);
        pendingPos = 0;
    }

    /** Reads one record into fields; its text (without the line break) into raw. */
    private int record(StringBuilder raw, List<String> fields) throws IOException {
        StringBuilder field = new StringBuilder();
        int quotedLines = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = next();
            if (c < 0) {
                if (quoted) {
                    return UNCLOSED;
                }
                if (raw.length() > 0) {
                    fields.add(field.toString());
                }
                return EOF;
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int p = peek();
                    if (p == '"') {
                        next();
                        raw.append("\"\"");
                        field.append('"');
                        continue;
                    }
                    quoted = false;
                    raw.append(ch);
                    continue;
                }
                if (ch == '\n') {
                    line++;
                    if (++quotedLines > MAX_QUOTED_LINES) {
                        raw.append(ch);
                        return UNCLOSED;
                    }
                }
                raw.append(ch);
                field.append(ch);
                continue;
            }
            // CR LF ends a row; so does a CR at the end of the input. A CR elsewhere is data, as
            // in RFC 4180: lines are counted by line feeds, as the fast readers count them.
            int after = ch == '\r' ? peek() : 0;
            if (after == '\n' || after == -1) {
                if (after == '\n') {
                    next();
                    line++;
                }
                fields.add(field.toString());
                return after == -1 ? EOF : END;
            }
            if (ch == '\n') {
                line++;
                fields.add(field.toString());
                return END;
            }
            raw.append(ch);
            if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (ch == '"' && field.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
    }

    private int next() throws IOException {
        if (pendingPos < pending.length()) {
            return pending.charAt(pendingPos++);
        }
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        if (pendingPos < pending.length()) {
            return pending.charAt(pendingPos);
        }
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos];
    }
}
