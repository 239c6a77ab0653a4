package org.gigrights.engine.fast;

import static org.gigrights.engine.fast.Bytes.BACKSLASHES;
import static org.gigrights.engine.fast.Bytes.BELOW_BANG;
import static org.gigrights.engine.fast.Bytes.COMMAS;
import static org.gigrights.engine.fast.Bytes.HIGH;
import static org.gigrights.engine.fast.Bytes.LANES;
import static org.gigrights.engine.fast.Bytes.LOW7;
import static org.gigrights.engine.fast.Bytes.ONES;
import static org.gigrights.engine.fast.Bytes.QUOTES;

import java.nio.charset.StandardCharsets;

/**
 * Parses one JSON Lines row on the fast path, into a {@link FastRow}'s fields: a flat object
 * whose keys are the data standard's names in lower case, each at most once, and whose values are
 * strings of plain bytes (no escape; spaces at their ends trimmed, none inside but one in a
 * time), plain numbers, {@code true}, {@code false} or {@code null}, with spaces and tabs between
 * tokens or none (Python's {@code json.dumps} writes {@code ", "} and {@code ": "}), and other
 * fields as {@link JsonExtras} skips them. Anything else returns false and goes to the standard
 * reader, which decides every rejection, so both paths accept exactly the same rows with the same
 * values.
 *
 * <p>Lines end as the data standard says and the standard reader reads them: at a line feed, a
 * carriage return just before it (or at the end of the input) left out of the line's text.
 */
final class JsonRow {
    private static final byte[][] KEYS = new byte[FastRow.NAMES.length][];
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    static {
        for (int f = 0; f < KEYS.length; f++) {
            KEYS[f] = FastRow.NAMES[f].getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Each name's bytes as a little-endian word (all are at most 8 bytes), and the word's mask. */
    private static final long[] KEY_WORDS = new long[KEYS.length];

    private static final long[] KEY_MASKS = new long[KEYS.length];

    static {
        for (int f = 0; f < KEYS.length; f++) {
            for (int k = 0; k < KEYS[f].length; k++) {
                KEY_WORDS[f] |= (KEYS[f][k] & 0xffL) << (8 * k);
                KEY_MASKS[f] |= 0xffL << (8 * k);
            }
        }
    }

    /**
     * The field of each key position on the previous line (files list their keys in one order):
     * a standard field, {@code -2 - j} for the extra field {@code j} of {@link JsonExtras}, or -1.
     */
    private final int[] lastOrder = new int[32];

    {
        java.util.Arrays.fill(lastOrder, -1);
    }

    /** The fields in the data standard's order, as {@link FastRow} numbers them. */
    static final int[] ALL_FIELDS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    private final FastRow row = new FastRow(ALL_FIELDS);

    /** Fields beyond the data standard's: skipped, their names kept for the file's warning. */
    final JsonExtras extras = new JsonExtras();

    /** The row the last {@link #scan} filled; its fields are valid when {@code parsed}. */
    FastRow row() {
        return row;
    }

    /**
     * Finds the end of the line that starts at {@code from} and parses it on the fast path when it
     * can.
     *
     * @return the index of the line's last terminator byte (the line feed of a CR LF), or {@code
     *     limit}; {@link FastRow#lineEnd} is where its text ends, {@link FastRow#parsed} whether
     *     the fast path took it
     */
    int scan(byte[] b, int from, int limit) {
        row.clear();
        int end = object(b, from, limit);
        if (end >= 0) {
            extras.endRow(b);
            end = blanks(b, end, limit);
        }
        if (end >= 0
                && (end == limit || b[end] == '\n' || (b[end] == '\r' && (end + 1 == limit || b[end + 1] == '\n')))) {
            row.parsed = row.check(b);
            row.lineEnd = end;
            return end < limit && b[end] == '\r' ? end + 1 : end;
        }
        row.parsed = false;
        // The parser never passes a line feed (no byte it accepts is one), so the line ends after.
        int i = end >= 0 ? end : -end - 1;
        while (i < limit && b[i] != '\n') {
            i++;
        }
        row.lineEnd = i > from && b[i - 1] == '\r' ? i - 1 : i;
        return i;
    }

    /**
     * Parses the object from {@code i}: the index just after its closing brace, or {@code -(j +
     * 1)} where the fast path gave up at {@code j}.
     */
    private int object(byte[] b, int i, int limit) {
        i = blanks(b, i, limit);
        if (i >= limit || b[i] != '{') {
            return -i - 1;
        }
        i = blanks(b, i + 1, limit);
        if (i < limit && b[i] == '}') {
            return i + 1;
        }
        int seen = 0;
        extras.startRow();
        for (int k = 0; ; k++) {
            i = blanks(b, i, limit);
            if (i >= limit || b[i] != '"') {
                return -i - 1;
            }
            int ks = ++i;
            // Most lines name their keys in the previous line's order: one word compares the key.
            int f = k < lastOrder.length ? lastOrder[k] : -1;
            if (f >= 0
                    && ks + 8 <= limit
                    && (((long) Bytes.LE.get(b, ks)) & KEY_MASKS[f]) == KEY_WORDS[f]
                    && ks + KEYS[f].length < limit
                    && b[ks + KEYS[f].length] == '"') {
                i = ks + KEYS[f].length;
            } else if (f <= -2 && extras.at(b, ks, limit, -2 - f)) {
                // An extra field the previous line had here.
                i = ks + extras.length(-2 - f);
                f = -1;
            } else {
                i = plainRun(b, ks, limit);
                if (i >= limit || b[i] != '"') {
                    return -i - 1;
                }
                f = key(b, ks, i);
                if (k < lastOrder.length) {
                    lastOrder[k] = f >= 0 ? f : -2 - extras.indexOf(b, ks, i - ks);
                }
            }
            if (f < 0 ? !extras.accept(b, ks, i) : (seen & (1 << f)) != 0) {
                return -i - 1;
            }
            if (f >= 0) {
                seen |= 1 << f;
            }
            i = blanks(b, i + 1, limit);
            if (i >= limit || b[i] != ':') {
                return -i - 1;
            }
            i = blanks(b, i + 1, limit);
            i = f < 0 ? extras.skip(b, i, limit) : value(b, i, limit, f);
            if (i < 0) {
                return i;
            }
            i = blanks(b, i, limit);
            if (i < limit && b[i] == ',') {
                i++;
            } else if (i < limit && b[i] == '}') {
                return i + 1;
            } else {
                return -i - 1;
            }
        }
    }

    /** Parses field {@code f}'s value from {@code i}: the index after it, or -(j + 1). */
    private int value(byte[] b, int i, int limit, int f) {
        if (i >= limit) {
            return -i - 1;
        }
        if (b[i] == '"') {
            int vs = ++i;
            i = plainRun(b, i, limit);
            while (i < limit && b[i] == ' ') {
                // Counted: one space may stand for the time's T (FastRow.check).
                row.spaces++;
                i = plainRun(b, i + 1, limit);
            }
            if (i >= limit || b[i] != '"') {
                return -i - 1;
            }
            row.field(f, vs, i);
            return i + 1;
        }
        if (b[i] >= '0' && b[i] <= '9') {
            // A plain number (no sign, exponent or leading zero): the standard reader takes its
            // text as written, as it would the same text in quotes.
            int vs = i;
            if (b[i++] != '0') {
                while (i < limit && b[i] >= '0' && b[i] <= '9') {
                    i++;
                }
            }
            if (i < limit && b[i] == '.') {
                int ds = ++i;
                while (i < limit && b[i] >= '0' && b[i] <= '9') {
                    i++;
                }
                if (i == ds) {
                    return -i - 1;
                }
            }
            if (i < limit && (b[i] == ',' || b[i] == '}' || b[i] == ' ' || b[i] == '\t')) {
                row.field(f, vs, i);
                return i;
            }
            return -i - 1;
        }
        // The standard reader reads true and false as those words, and null as no value.
        if (spells(b, i, limit, FastRow.TRUE) || spells(b, i, limit, FastRow.FALSE)) {
            int n = b[i] == 't' ? 4 : 5;
            row.field(f, i, i + n);
            return i + n;
        }
        if (spells(b, i, limit, NULL)) {
            return i + 4;
        }
        return -i - 1;
    }

    /**
     * The index of the first byte from {@code i} that may not stand in a plain JSON string (a
     * quote, a backslash, a comma, a control or space byte, or non-ASCII), or {@code limit}; eight
     * bytes a step, exact per byte as no sum carries out of a byte.
     */
    static int plainRun(byte[] b, int i, int limit) {
        while (i + 8 <= limit) {
            long w = (long) Bytes.LE.get(b, i);
            long low7 = w & LOW7;
            long c = w ^ COMMAS;
            long q = w ^ QUOTES;
            long x = w ^ BACKSLASHES;
            long stops = ~(((c & LOW7) + LOW7) | c | LOW7)
                    | ~(((q & LOW7) + LOW7) | q | LOW7)
                    | ~(((x & LOW7) + LOW7) | x | LOW7)
                    | ~((low7 + BELOW_BANG) | w) & HIGH
                    | ((low7 + ONES) | w) & HIGH;
            if (stops != 0) {
                return i + (int) ((((stops & -stops) >>> 7) * LANES) >>> 56);
            }
            i += 8;
        }
        while (i < limit && FastRow.plainInJson(b[i])) {
            i++;
        }
        return i;
    }

    /**
     * The index of the first byte from {@code i} that is not a space or a tab: JSON's white space
     * but for the line ends (a carriage return inside a line the standard reader decides).
     */
    static int blanks(byte[] b, int i, int limit) {
        while (i < limit && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean spells(byte[] b, int i, int limit, byte[] word) {
        return i + word.length <= limit && EnumNames.spells(b, i, word.length, word);
    }

    /** The field a key names exactly, or -1. */
    private static int key(byte[] b, int from, int to) {
        int n = to - from;
        for (int f = 0; f < KEYS.length; f++) {
            byte[] k = KEYS[f];
            if (k.length == n && b[from] == k[0] && EnumNames.spells(b, from, n, k)) {
                return f;
            }
        }
        return -1;
    }
}
