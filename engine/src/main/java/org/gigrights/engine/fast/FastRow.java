package org.gigrights.engine.fast;

import static org.gigrights.engine.fast.Bytes.BELOW_BANG;
import static org.gigrights.engine.fast.Bytes.COMMAS;
import static org.gigrights.engine.fast.Bytes.HIGH;
import static org.gigrights.engine.fast.Bytes.LANES;
import static org.gigrights.engine.fast.Bytes.LOW7;
import static org.gigrights.engine.fast.Bytes.ONES;
import static org.gigrights.engine.fast.Bytes.QUOTES;

import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Reason;

/**
 * Parses one CSV line in the forms common exporters write (docs/data-standard.md, "Forms read
 * fastest"): printable ASCII, fields plain or wholly quoted, spaces around values trimmed, no
 * space inside one but in place of the time's {@code T}. Anything else returns false and goes to
 * the slow path, which decides every rejection, so both paths accept exactly the same rows with
 * the same values.
 */
final class FastRow {
    static final int EVENT_ID = 0;
    static final int PLATFORM = 1;
    static final int WORKER = 2;
    static final int PERSON = 3;
    static final int TYPE = 4;
    static final int TIME = 5;
    static final int ORDER = 6;
    static final int AMOUNT = 7;
    static final int REGION = 8;
    static final int INSURED = 9;
    static final int REASON = 10;
    static final String[] NAMES = {
        "event_id", "platform", "worker", "person", "type", "time", "order", "amount", "region", "insured", "reason"
    };

    private static final byte COMMA = 1;
    private static final byte SLOW = 2;
    private static final byte NEWLINE = 3;
    /** Per byte: 0 plain, 1 comma, 2 a byte the fast path leaves to the slow one, 3 line feed. */
    private static final byte[] CLASS = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            CLASS[c] = c <= ' ' || c == '"' || c >= 0x7f ? SLOW : 0;
        }
        CLASS[','] = COMMA;
        CLASS['\n'] = NEWLINE;
    }

    private static final Reason[] REASONS = Reason.values();
    private static final EnumNames TYPE_NAMES = new EnumNames(EventType.values());
    private static final EnumNames REASON_NAMES = new EnumNames(REASONS);

    static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    /** After {@link #scan}: where the line ends, before any carriage return. */
    int lineEnd;

    /** Spaces met in the row's fields: the fast path takes one, in the time, in place of its T. */
    int spaces;

    private final int[] fieldOfColumn;
    final int[] start = new int[NAMES.length];
    final int[] end = new int[NAMES.length];

    // The parsed row, valid after parse() returned true.
    int type;
    long time;
    long amount;
    int region;
    boolean insured;
    int reason;

    /** @param fieldOfColumn for each CSV column, the field index or -1 for an unknown column */
    FastRow(int[] fieldOfColumn) {
        this.fieldOfColumn = fieldOfColumn;
        // Fields without a column stay absent; a row parses only when it sets every column.
        java.util.Arrays.fill(start, -1);
    }

    /**
     * Finds the end of the line that starts at {@code from} and parses it on the fast path when it
     * can, in one pass over its bytes.
     *
     * @return the index of the line feed ending the line, or {@code limit}; {@link #lineEnd} is
     *     where the line's text ends; {@link #parsed} tells whether the fast path took the row
     */
    int scan(byte[] b, int from, int limit) {
        spaces = 0;
        int col = 0;
        int fs = from;
        int cols = fieldOfColumn.length;
        int i = from;
        // A quoted field sends the scan back here, to the words, after its closing quote.
        fields:
        while (true) {
            // Eight bytes a step while they hold only plain bytes and commas; the first other byte
            // (the line feed, or one the slow path must see) is handled a byte at a time below.
            words:
            while (i + 8 <= limit) {
                long w = (long) Bytes.LE.get(b, i);
                // The high bit of each byte that is a comma, below '!' (line feeds among them), 0x7f
                // and above, or a quote. Exact per byte, as no sum carries out of a byte; written out
                // because the quick compiler does not inline such helpers.
                long low7 = w & LOW7;
                long c = w ^ COMMAS;
                long commas = ~(((c & LOW7) + LOW7) | c | LOW7);
                long q = w ^ QUOTES;
                long stops = commas
                        | ~((low7 + BELOW_BANG) | w) & HIGH
                        | ((low7 + ONES) | w) & HIGH
                        | ~(((q & LOW7) + LOW7) | q | LOW7);
                while (stops != 0) {
                    long bit = stops & -stops;
                    // The byte's index in the word: the multiplication puts it in the top byte.
                    int at = i + (int) (((bit >>> 7) * LANES) >>> 56);
                    if ((commas & bit) == 0 && b[at] == ' ' && fieldOfColumn[col] >= 0) {
                        // Counted: one space may stand for the time's T (checked at the end).
                        spaces++;
                        stops ^= bit;
                        continue;
                    }
                    if ((commas & bit) == 0 || col >= cols - 1) {
                        i = at;
                        break words;
                    }
                    set(col++, fs, at);
                    fs = at + 1;
                    stops ^= bit;
                }
                i += 8;
            }
            while (i < limit) {
                int k = CLASS[b[i] & 0xff];
                if (k == 0) {
                    i++;
                    continue;
                }
                if (k == COMMA && col < cols - 1) {
                    set(col++, fs, i);
                    fs = ++i;
                    continue;
                }
                if (k == NEWLINE) {
                    break;
                }
                if (b[i] == '\r' && (i + 1 == limit || b[i + 1] == '\n')) {
                    lineEnd = i;
                    parsed = col == cols - 1 && i > from && finish(b, fs, i);
                    return i + 1 == limit ? limit : i + 1;
                }
                if (fieldOfColumn[col] < 0) {
                    // A column the audit does not use may hold any text (names, remarks in
                    // Chinese, commas in quotes): only where it ends matters.
                    int j = CsvFields.ignoredEnd(b, fs, limit);
                    if (j >= 0 && j < limit && b[j] == ',' && col < cols - 1) {
                        set(col++, fs, j);
                        fs = j + 1;
                        i = j + 1;
                        continue fields;
                    }
                    if (j >= 0 && (j == limit || b[j] != ',')) {
                        // The line's end: the loop ends the row there.
                        i = j;
                        continue;
                    }
                }
                if (b[i] == ' ') {
                    spaces++;
                    i++;
                    continue;
                }
                if (b[i] == '"' && CsvFields.spacesOnly(b, fs, i)) {
                    // A quoted field of plain bytes ("W1", "") is its inner bytes, as the standard
                    // reader reads it; doubled quotes, commas or line breaks inside go the slow way.
                    // Spaces around the quotes are not the value's: the reader drops them too.
                    spaces -= i - fs;
                    int q = closingQuote(b, i + 1, limit);
                    int after = q + 1;
                    while (q >= 0 && after < limit && b[after] == ' ') {
                        after++;
                    }
                    if (q >= 0 && after < limit && b[after] == ',' && col < cols - 1) {
                        set(col++, i + 1, q);
                        fs = after + 1;
                        i = after + 1;
                        continue fields;
                    }
                    boolean lf = q >= 0 && (after == limit || b[after] == '\n');
                    boolean crlf = q >= 0 && !lf && b[after] == '\r' && (after + 1 == limit || b[after + 1] == '\n');
                    if ((lf || crlf) && col == cols - 1) {
                        lineEnd = after;
                        parsed = finish(b, i + 1, q);
                        return lf ? after : after + 1;
                    }
                }
                // Quotes, spaces, other control bytes, non-ASCII or too many columns: the slow path.
                int eol = i;
                while (eol < limit && b[eol] != '\n') {
                    eol++;
                }
                lineEnd = eol > from && b[eol - 1] == '\r' ? eol - 1 : eol;
                parsed = false;
                return eol;
            }
            lineEnd = i;
            parsed = col == cols - 1 && i > from && finish(b, fs, i);
            return i;
        }
    }

    /**
     * The closing quote of a quoted field whose inner bytes from {@code at} are all plain or
     * spaces (counted), or -1.
     */
    private int closingQuote(byte[] b, int at, int limit) {
        int j = JsonRow.plainRun(b, at, limit);
        // A backslash escapes nothing in CSV: it is a plain byte here.
        while (j < limit && (b[j] == '\\' || b[j] == ' ')) {
            if (b[j] == ' ') {
                spaces++;
            }
            j = JsonRow.plainRun(b, j + 1, limit);
        }
        return j < limit && b[j] == '"' ? j : -1;
    }

    /** Whether the last {@link #scan} parsed its row on the fast path. */
    boolean parsed;

    private boolean finish(byte[] b, int fs, int to) {
        set(fieldOfColumn.length - 1, fs, to);
        return check(b);
    }

    /** Marks every field absent, for a reader that sets fields by name ({@link JsonRow}). */
    void clear() {
        spaces = 0;
        java.util.Arrays.fill(start, -1);
        java.util.Arrays.fill(end, -1);
    }

    /** Sets a field's bytes directly. */
    void field(int f, int from, int to) {
        start[f] = from;
        end[f] = to;
    }

    /** Whether a byte may stand in a JSON string on the fast path: plain, and no escape. */
    static boolean plainInJson(byte c) {
        return CLASS[c & 0xff] == 0 && c != '\\';
    }

    /** Checks the fields that are set and parses their values; false leaves the row to the slow path. */
    boolean check(byte[] b) {
        if (spaces != 0 && !trimmed(b)) {
            return false;
        }
        if (empty(EVENT_ID) || empty(PLATFORM) || empty(WORKER) || empty(TYPE) || empty(TIME)) {
            return false;
        }
        type = type(b);
        if (type < 0 || !time(b)) {
            return false;
        }
        amount = -1;
        region = -1;
        insured = false;
        reason = -1;
        EventType t = EventType.ofOrdinal(type);
        if (t.isOrder() && empty(ORDER)) {
            return false;
        }
        switch (t) {
            case ORDER_ACCEPT -> {
                return region(b);
            }
            case ORDER_COMPLETE -> {
                return amount(b, true) && insured(b);
            }
            case ORDER_CANCEL -> {
                return amount(b, false);
            }
            case INCOME, DEDUCTION -> {
                return amount(b, true) && reason(b, t);
            }
            case PAYOUT -> {
                return amount(b, true);
            }
            default -> {
                return true;
            }
        }
    }

    /**
     * Trims spaces at both ends of every field, as the standard reader trims values; whether the
     * only space left, if any, is one in place of the time's T (the data standard allows it). Any
     * other space (inside a value, or in a column the fast path does not keep) the standard reader
     * decides.
     */
    private boolean trimmed(byte[] b) {
        int left = spaces;
        for (int f = 0; f < start.length; f++) {
            int s = start[f];
            int e = end[f];
            if (s < 0) {
                continue;
            }
            while (s < e && b[s] == ' ') {
                s++;
                left--;
            }
            while (e > s && b[e - 1] == ' ') {
                e--;
                left--;
            }
            start[f] = s;
            end[f] = e;
        }
        return left == 0 || (left == 1 && end[TIME] - start[TIME] > 10 && b[start[TIME] + 10] == ' ');
    }

    private void set(int col, int from, int to) {
        int f = fieldOfColumn[col];
        if (f >= 0) {
            start[f] = from;
            end[f] = to;
        }
    }

    boolean empty(int f) {
        return start[f] < 0 || start[f] == end[f];
    }

    private int type(byte[] b) {
        return TYPE_NAMES.find(b, start[TYPE], end[TYPE] - start[TYPE]);
    }

    private boolean time(byte[] b) {
        if (!times.parse(b, start[TIME], end[TIME])) {
            return false;
        }
        time = times.millis;
        return true;
    }

    /** Times of this parser's rows; it remembers the previous row's date and offset. */
    private final TimeBytes times = new TimeBytes();

    private boolean amount(byte[] b, boolean required) {
        if (empty(AMOUNT)) {
            return !required;
        }
        amount = Bytes.cents(b, start[AMOUNT], end[AMOUNT]);
        return amount >= 0;
    }

    private boolean region(byte[] b) {
        if (empty(REGION) || end[REGION] - start[REGION] != 6) {
            return false;
        }
        region = Bytes.digits(b, start[REGION], 6);
        return region >= 0;
    }

    private boolean insured(byte[] b) {
        if (empty(INSURED)) {
            return true;
        }
        int len = end[INSURED] - start[INSURED];
        if (EnumNames.spellsInAnyCase(b, start[INSURED], len, TRUE)) {
            insured = true;
            return true;
        }
        return EnumNames.spellsInAnyCase(b, start[INSURED], len, FALSE);
    }

    private boolean reason(byte[] b, EventType t) {
        if (empty(REASON)) {
            return false;
        }
        int r = REASON_NAMES.find(b, start[REASON], end[REASON] - start[REASON]);
        if (r < 0) {
            return false;
        }
        reason = r;
        return REASONS[r].allowedFor(t);
    }
}
