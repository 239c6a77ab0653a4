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
import org.gigrights.rules.model.WorkEvent;

/**
 * Gets back the text of a row from where it lies: event ids for evidence and ties, the original
 * line for rejects, and the canonical event for duplicate checks. Rows are not kept as objects.
 */
final class RowText {
    private final List<ByteBuffer> segments;
    private final List<ParseTask.FileInfo> fileOfSegment;
    private final List<SideRow> side;

    RowText(List<ByteBuffer> segments, List<ParseTask.FileInfo> fileOfSegment, List<SideRow> side) {
        this.segments = segments;
        this.fileOfSegment = fileOfSegment;
        this.side = side;
    }

    SideRow side(long ref) {
        return side.get((int) (-ref - 1));
    }

    /** The event id of a row. */
    String eventId(long ref) {
        if (ref < 0) {
            return side(ref).event().eventId();
        }
        ByteBuffer b = segments.get((int) (ref >>> 32));
        FastRow row = new FastRow(fileOfSegment.get((int) (ref >>> 32)).fieldOfColumn());
        int start = (int) ref;
        int end = lineEnd(b, start);
        row.parse(b, start, end);
        return Bytes.text(b, row.start[FastRow.EVENT_ID], row.end[FastRow.EVENT_ID]);
    }

    /** The row's original line. */
    String raw(long ref) {
        if (ref < 0) {
            return side(ref).raw();
        }
        ByteBuffer b = segments.get((int) (ref >>> 32));
        return Bytes.text(b, (int) ref, lineEnd(b, (int) ref));
    }

    /** The file name of a row. */
    String file(long ref, List<String> names) {
        return ref < 0
                ? names.get(side(ref).file())
                : fileOfSegment.get((int) (ref >>> 32)).name();
    }

    /** The canonical event of a row, as the standard parser makes it. */
    WorkEvent event(long ref) {
        if (ref < 0) {
            return side(ref).event();
        }
        ParseTask.FileInfo f = fileOfSegment.get((int) (ref >>> 32));
        List<WorkEvent> out = new ArrayList<>(1);
        try {
            new CsvRowReader(f.name(), new StringReader(f.header() + "\n" + raw(ref)))
                    .read((RawRow r) -> out.add(EventParser.parse(r).event()), w -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.get(0);
    }

    private static int lineEnd(ByteBuffer b, int start) {
        int e = start;
        int n = b.limit();
        while (e < n && b.get(e) != '\n') {
            e++;
        }
        return e > start && b.get(e - 1) == '\r' ? e - 1 : e;
    }
}
