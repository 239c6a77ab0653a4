package org.gigrights.engine.fast;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.gigrights.engine.ingest.CsvRowReader;
import org.gigrights.engine.ingest.EventParser;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.ingest.JsonlRowReader;

/** Turns inputs into parse tasks: CSV ranges for the fast path, whole files for the slow one. */
final class Reading {
    /** Bytes per parse task; small in tests so that ranges split often. */
    static int chunk = 16 << 20;

    final List<ByteBuffer> segments = new ArrayList<>();
    final List<ParseTask.FileInfo> fileOfSegment = new ArrayList<>();
    final List<ParseTask> tasks = new ArrayList<>();
    /** The line number of each file's header (0 when it has none or is not CSV). */
    final List<Integer> headerLine = new ArrayList<>();

    final List<String> names = new ArrayList<>();

    void add(Input input, Consumer<String> warnings) throws IOException {
        int index = names.size();
        names.add(input.name());
        if (input.format() == Input.Format.JSONL) {
            addJson(index, input);
            return;
        }
        Source source = Source.of(input, input.path());
        if (source.segments.isEmpty()) {
            warnings.accept(input.name() + ": empty input (no header row)");
            headerLine.add(0);
            return;
        }
        ByteBuffer first = source.segments.get(0);
        int p = 0;
        int line = 0;
        int headerEnd = -1;
        String headerText = null;
        while (p < first.limit()) {
            int eol = p;
            while (eol < first.limit() && first.get(eol) != '\n') {
                eol++;
            }
            line++;
            String text = Bytes.text(first, p, eol > p && first.get(eol - 1) == '\r' ? eol - 1 : eol);
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            p = eol + 1;
            if (!text.isBlank()) {
                headerText = text;
                headerEnd = Math.min(p, first.limit());
                break;
            }
        }
        if (headerText == null) {
            warnings.accept(input.name() + ": empty input (no header row)");
            headerLine.add(0);
            return;
        }
        List<String> names = plainHeader(headerText);
        if (names == null) {
            headerLine.add(0);
            tasks.add(slowTask(index, input, warnings));
            return;
        }
        List<String> columns = new CsvRowReader(input.name(), null).header(names, warnings);
        int[] fieldOf = new int[columns.size()];
        for (int c = 0; c < fieldOf.length; c++) {
            fieldOf[c] = List.of(FastRow.NAMES).indexOf(columns.get(c));
        }
        ParseTask.FileInfo info = new ParseTask.FileInfo(index, input.name(), String.join(",", columns), fieldOf);
        headerLine.add(line);
        ranges(info, source, headerEnd);
    }

    /**
     * JSON Lines: ranges like CSV's, as no row spans lines. A byte order mark at the start is left
     * out, as the standard reader drops it there.
     */
    private void addJson(int index, Input input) throws IOException {
        headerLine.add(0);
        Source source = Source.of(input, input.path());
        if (source.segments.isEmpty()) {
            return;
        }
        ByteBuffer first = source.segments.get(0);
        boolean bom = first.limit() >= 3
                && first.get(0) == (byte) 0xEF
                && first.get(1) == (byte) 0xBB
                && first.get(2) == (byte) 0xBF;
        ranges(new ParseTask.FileInfo(index, input.name(), "", JsonRow.ALL_FIELDS, true), source, bom ? 3 : 0);
    }

    /** Parse tasks for a source's segments, in ranges of about {@link #chunk} bytes of whole lines. */
    private void ranges(ParseTask.FileInfo info, Source source, int firstFrom) {
        for (int s = 0; s < source.segments.size(); s++) {
            ByteBuffer b = source.segments.get(s);
            ParseTask.Origin origin =
                    source.file == null ? null : new ParseTask.Origin(source.file, source.offsets.get(s));
            int seg = segments.size();
            segments.add(b);
            fileOfSegment.add(info);
            int from = s == 0 ? firstFrom : 0;
            int n = b.limit();
            while (from < n) {
                int to = Math.min(n, from + chunk);
                while (to < n && b.get(to - 1) != '\n') {
                    to++;
                }
                tasks.add(new ParseTask(info, seg, b, origin, from, to));
                from = to;
            }
        }
    }

    /** Warns once per JSON Lines file of the unknown fields its rows had, as the standard reader does. */
    void warnUnknownFields(Consumer<String> warnings) {
        java.util.Map<Integer, java.util.Set<String>> byFile = new java.util.TreeMap<>();
        for (ParseTask t : tasks) {
            if (!t.unknownFields.isEmpty()) {
                byFile.computeIfAbsent(t.file.index(), k -> new java.util.TreeSet<>())
                        .addAll(t.unknownFields);
            }
        }
        byFile.forEach((f, unknown) -> warnings.accept(JsonlRowReader.unknownFieldsWarning(names.get(f), unknown)));
    }

    /**
     * The header's names when each is plain or wholly quoted with no quote inside ({@code
     * "event_id"}, as many exporters write every field), spaces or tabs around it or not, else
     * null: the file then takes the standard reader. The standard reader takes a quote after
     * spaces as opening, and trims names: the same names.
     */
    static List<String> plainHeader(String text) {
        List<String> names = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String f = blanksTrimmed(raw);
            String name = f.length() >= 2 && f.charAt(0) == '"' && f.charAt(f.length() - 1) == '"'
                    ? f.substring(1, f.length() - 1)
                    : f;
            if (name.indexOf('"') >= 0) {
                return null;
            }
            names.add(name);
        }
        return names;
    }

    private static String blanksTrimmed(String f) {
        int from = 0;
        int to = f.length();
        while (from < to && (f.charAt(from) == ' ' || f.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (f.charAt(to - 1) == ' ' || f.charAt(to - 1) == '\t')) {
            to--;
        }
        return f.substring(from, to);
    }

    /**
     * Parses a file again in one piece per segment, when a quoted field ran across the ranges it
     * was split into.
     */
    List<ParseTask> whole(int file) {
        List<ParseTask> redo = new ArrayList<>();
        List<ParseTask> kept = new ArrayList<>();
        ParseTask firstOfFile = null;
        for (ParseTask t : tasks) {
            if (t.file.index() != file) {
                kept.add(t);
            } else if (firstOfFile == null || t.segment != firstOfFile.segment) {
                firstOfFile = t;
                ParseTask whole = new ParseTask(t.file, t.segment, t.b, t.origin, t.from, t.b.limit());
                redo.add(whole);
                kept.add(whole);
            }
        }
        tasks.clear();
        tasks.addAll(kept);
        return redo;
    }

    /** A task whose rows all take the standard reader: CSV whose header is not plain. */
    private ParseTask slowTask(int index, Input input, Consumer<String> warnings) throws IOException {
        ParseTask.FileInfo info = new ParseTask.FileInfo(index, input.name(), "", new int[0]);
        ParseTask task = new ParseTask(info, -1, null, null, 0, 0);
        try (BufferedReader r = input.openReader()) {
            Consumer<org.gigrights.engine.ingest.RawRow> sink = raw -> {
                task.rows++;
                task.declined++;
                EventParser.Result res = EventParser.parse(raw);
                if (res.rejection() != null) {
                    task.rejects.add(res.rejection());
                } else {
                    task.side.add(new SideRow.Kept(res.event(), index, (int) raw.line(), raw.raw()));
                    ParseTask.addEvent(task.columns, task.workers, task.platforms, res.event(), -task.side.size(), (int)
                            raw.line());
                }
            };
            new CsvRowReader(input.name(), r).read(sink, warnings);
        }
        return task;
    }
}
