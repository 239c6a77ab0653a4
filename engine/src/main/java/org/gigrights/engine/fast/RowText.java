package org.gigrights.engine.fast;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
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

    /** A row the fast parser declined, as the standard reader reads it: kept, or read again. */
    private SideRow.Kept kept(long ref) {
        SideRow s = side(ref);
        if (s instanceof SideRow.Kept k) {
            return k;
        }
        SideRow.Located at = (SideRow.Located) s;
        int segment = (int) (at.where() >>> 32);
        int offset = (int) at.where();
        ParseTask.FileInfo f = fileOfSegment.get(segment);
        String text = Bytes.text(segments.get(segment), offset, offset + at.length());
        List<SideRow.Kept> out = new ArrayList<>(1);
        read(f, text, at.line(), (raw, parsed, line) -> {
            if (line == at.line() && out.isEmpty()) {
                out.add(new SideRow.Kept(parsed.event(), at.file(), at.line(), raw.raw()));
            }
        });
        return out.get(0);
    }

    /** Text of a row (or rows) of file {@code f} from line {@code line}, as the standard reader reads it. */
    private static void read(ParseTask.FileInfo f, String text, long line, Declined.Rows rows) {
        if (f.json()) {
            Declined.json(f.name(), text, line, rows, new java.util.HashSet<>());
        } else {
            Declined.csv(f.name(), f.header(), text, line, rows);
        }
    }

    /** The event id of a row. */
    String eventId(long ref) {
        if (ref < 0) {
            return kept(ref).event().eventId();
        }
        ByteBuffer b = segments.get((int) (ref >>> 32));
        ParseTask.FileInfo f = fileOfSegment.get((int) (ref >>> 32));
        int start = (int) ref;
        byte[] line = new byte[lineEnd(b, start) - start];
        b.get(start, line, 0, line.length);
        FastRow row;
        if (f.json()) {
            JsonRow json = new JsonRow();
            json.scan(line, 0, line.length);
            row = json.row();
        } else {
            row = new FastRow(f.fieldOfColumn());
            row.scan(line, 0, line.length);
        }
        return Bytes.text(line, row.start[FastRow.EVENT_ID], row.end[FastRow.EVENT_ID]);
    }

    /** The event id of a row, straight from where the parser saw it when it can. */
    String eventId(long ref, int idPos) {
        if (ref < 0 || idPos < 0) {
            return eventId(ref);
        }
        int at = (int) ref + (idPos >>> 16);
        return Bytes.text(segments.get((int) (ref >>> 32)), at, at + (idPos & 0xffff));
    }

    /**
     * Copies the event id of a row the fast parser took ({@code ref >= 0}, {@code idPos >= 0}) into
     * {@code dst}: printable ASCII, one byte a character, {@code idPos & 0xffff} of them.
     */
    void copyId(long ref, int idPos, byte[] dst) {
        segments.get((int) (ref >>> 32)).get((int) ref + (idPos >>> 16), dst, 0, idPos & 0xffff);
    }

    /** Compares two rows' event ids as strings compare, without making strings when it can. */
    int compareIds(long ref1, int pos1, long ref2, int pos2) {
        if (ref1 < 0 || ref2 < 0 || pos1 < 0 || pos2 < 0) {
            return eventId(ref1, pos1).compareTo(eventId(ref2, pos2));
        }
        // Fast-path ids are printable ASCII, where byte order is string order.
        ByteBuffer a = segments.get((int) (ref1 >>> 32));
        ByteBuffer b = segments.get((int) (ref2 >>> 32));
        int i = (int) ref1 + (pos1 >>> 16);
        int j = (int) ref2 + (pos2 >>> 16);
        int la = pos1 & 0xffff;
        int lb = pos2 & 0xffff;
        for (int k = 0, n = Math.min(la, lb); k < n; k++) {
            int d = a.get(i + k) - b.get(j + k);
            if (d != 0) {
                return d;
            }
        }
        return la - lb;
    }

    /** The row's original line. */
    String raw(long ref) {
        if (ref < 0) {
            return kept(ref).raw();
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
            return kept(ref).event();
        }
        // The fast parser took the row, so the standard reader reads it as one event.
        List<WorkEvent> out = new ArrayList<>(1);
        read(fileOfSegment.get((int) (ref >>> 32)), raw(ref), 1, (raw, parsed, line) -> out.add(parsed.event()));
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
