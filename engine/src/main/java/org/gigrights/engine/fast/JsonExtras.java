package org.gigrights.engine.fast;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields a JSON Lines row carries beyond the data standard's, on the fast path: their names
 * gathered for the file's one warning, their values skipped, as the standard reader skips them.
 * Only what that reader would accept is skipped: a key that is no standard name in any case and
 * is not repeated in its row, with a string, number, {@code true}, {@code false}, {@code null}, or
 * an object or array of those (plain keys, none repeated, at most {@link #MAX_DEPTH} deep);
 * anything else (control bytes, bad escapes or numbers, escaped keys inside) it decides itself.
 */
final class JsonExtras {
    /** The extra fields' names, in lower case as the standard reader reports them. */
    final Set<String> names = new TreeSet<>();

    /** The keys already named, as bytes: files repeat theirs on every line. */
    private final List<byte[]> known = new ArrayList<>();

    /**
     * At most this many keys are kept to compare against: a file whose rows bring ever new keys
     * has the rest read by the standard reader, which names them all, at its own pace.
     */
    static final int MAX_KNOWN = 64;

    private final int[] rowFrom = new int[8];
    private final int[] rowTo = new int[8];
    private int inRow;

    void startRow() {
        inRow = 0;
    }

    private static final byte[][] STANDARD = new byte[FastRow.NAMES.length][];

    static {
        for (int f = 0; f < STANDARD.length; f++) {
            STANDARD[f] = FastRow.NAMES[f].getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Whether the plain key at {@code from..to} may be skipped; noted for {@link #endRow}. */
    boolean accept(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 0 || inRow == rowFrom.length) {
            return false;
        }
        for (int k = 0; k < inRow; k++) {
            // The standard reader refuses a key twice in one object (the same bytes).
            if (rowTo[k] - rowFrom[k] == n && Bytes.equal(b, rowFrom[k], b, from, n)) {
                return false;
            }
        }
        if (!isKnown(b, from, n)) {
            if (known.size() >= MAX_KNOWN) {
                return false;
            }
            // A standard name in another case is that field to the standard reader.
            for (byte[] name : STANDARD) {
                if (name.length == n && EnumNames.spellsInAnyCase(b, from, n, name)) {
                    return false;
                }
            }
        }
        rowFrom[inRow] = from;
        rowTo[inRow++] = to;
        return true;
    }

    /**
     * After a whole object was read: its extra fields' names join the file's. Only then, as the
     * standard reader names a field only once its value has begun well, which a row read whole
     * shows for all of them; a row left to that reader is named by it.
     */
    void endRow(byte[] b) {
        for (int k = 0; k < inRow; k++) {
            int n = rowTo[k] - rowFrom[k];
            if (!isKnown(b, rowFrom[k], n)) {
                names.add(new String(b, rowFrom[k], n, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT));
                if (known.size() < MAX_KNOWN) {
                    known.add(Arrays.copyOfRange(b, rowFrom[k], rowTo[k]));
                }
            }
        }
    }

    private boolean isKnown(byte[] b, int from, int n) {
        return indexOf(b, from, n) >= 0;
    }

    /** The index of an extra field already named, by its key's bytes, or -1. */
    int indexOf(byte[] b, int from, int n) {
        for (int j = 0; j < known.size(); j++) {
            byte[] k = known.get(j);
            if (k.length == n && Bytes.equal(k, 0, b, from, n)) {
                return j;
            }
        }
        return -1;
    }

    /** Whether the key at {@code from} is extra field {@code j}, up to its closing quote. */
    boolean at(byte[] b, int from, int limit, int j) {
        if (j >= known.size()) {
            return false;
        }
        byte[] k = known.get(j);
        int end = from + k.length;
        return end < limit && b[end] == '"' && Bytes.equal(k, 0, b, from, k.length);
    }

    /** The length of extra field {@code j}'s key. */
    int length(int j) {
        return known.get(j).length;
    }

    /** Skips the value from {@code i}: the index after it, or {@code -(j + 1)} to leave the row. */
    int skip(byte[] b, int i, int limit) {
        return value(b, i, limit, 0);
    }

    /** Objects and arrays are skipped this deep at most; deeper ones the standard reader reads. */
    static final int MAX_DEPTH = 8;

    /** Keys per object the skip compares for repeats; an object with more the standard reader reads. */
    private static final int MAX_KEYS = 16;

    /** Where each open object's keys lie, by depth: the standard reader refuses a repeated key anywhere. */
    private final int[][] keyFrom = new int[MAX_DEPTH][MAX_KEYS];

    private final int[][] keyTo = new int[MAX_DEPTH][MAX_KEYS];

    private int value(byte[] b, int i, int limit, int depth) {
        if (i >= limit) {
            return -i - 1;
        }
        byte c = b[i];
        if (c == '"') {
            return string(b, i + 1, limit);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number(b, i, limit);
        }
        if ((c == '{' || c == '[') && depth < MAX_DEPTH) {
            return c == '{' ? object(b, i + 1, limit, depth) : array(b, i + 1, limit, depth);
        }
        for (byte[] word : WORDS) {
            if (i + word.length <= limit && EnumNames.spells(b, i, word.length, word)) {
                return i + word.length;
            }
        }
        return -i - 1;
    }

    private static final byte[][] WORDS = {FastRow.TRUE, FastRow.FALSE, {'n', 'u', 'l', 'l'}};

    /** An object's rest after its brace: plain keys, none twice, each with a value. */
    private int object(byte[] b, int i, int limit, int depth) {
        i = JsonRow.blanks(b, i, limit);
        if (i < limit && b[i] == '}') {
            return i + 1;
        }
        int[] from = keyFrom[depth];
        int[] to = keyTo[depth];
        for (int k = 0; ; k++) {
            i = JsonRow.blanks(b, i, limit);
            if (k == MAX_KEYS || i >= limit || b[i] != '"') {
                return -i - 1;
            }
            int ks = i + 1;
            i = JsonRow.plainRun(b, ks, limit);
            if (i >= limit || b[i] != '"') {
                return -i - 1;
            }
            for (int j = 0; j < k; j++) {
                if (to[j] - from[j] == i - ks && Bytes.equal(b, from[j], b, ks, i - ks)) {
                    return -i - 1;
                }
            }
            from[k] = ks;
            to[k] = i;
            i = JsonRow.blanks(b, i + 1, limit);
            if (i >= limit || b[i] != ':') {
                return -i - 1;
            }
            i = value(b, JsonRow.blanks(b, i + 1, limit), limit, depth + 1);
            if (i < 0) {
                return i;
            }
            i = JsonRow.blanks(b, i, limit);
            if (i < limit && b[i] == '}') {
                return i + 1;
            }
            if (i >= limit || b[i] != ',') {
                return -i - 1;
            }
            i++;
        }
    }

    /** An array's rest after its bracket: values, separated by commas. */
    private int array(byte[] b, int i, int limit, int depth) {
        i = JsonRow.blanks(b, i, limit);
        if (i < limit && b[i] == ']') {
            return i + 1;
        }
        while (true) {
            i = value(b, JsonRow.blanks(b, i, limit), limit, depth + 1);
            if (i < 0) {
                return i;
            }
            i = JsonRow.blanks(b, i, limit);
            if (i < limit && b[i] == ']') {
                return i + 1;
            }
            if (i >= limit || b[i] != ',') {
                return -i - 1;
            }
            i++;
        }
    }

    /** A string's rest after its opening quote: any byte but a control one, and JSON's escapes. */
    private static int string(byte[] b, int i, int limit) {
        while (i < limit) {
            int c = b[i] & 0xff;
            if (c == '"') {
                return i + 1;
            }
            if (c < 0x20) {
                return -i - 1;
            }
            if (c != '\\') {
                i++;
                continue;
            }
            if (i + 1 >= limit) {
                return -i - 1;
            }
            byte e = b[i + 1];
            if (e == 'u') {
                if (i + 6 > limit || !hex(b, i + 2) || !hex(b, i + 3) || !hex(b, i + 4) || !hex(b, i + 5)) {
                    return -i - 1;
                }
                i += 6;
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                i += 2;
            } else {
                return -i - 1;
            }
        }
        return -i - 1;
    }

    private static boolean hex(byte[] b, int i) {
        byte c = b[i];
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** A JSON number: an optional minus, no leading zero, an optional fraction and exponent. */
    private static int number(byte[] b, int i, int limit) {
        if (b[i] == '-') {
            i++;
        }
        if (i >= limit || b[i] < '0' || b[i] > '9') {
            return -i - 1;
        }
        i = b[i] == '0' ? i + 1 : digits(b, i, limit);
        if (i < limit && b[i] == '.') {
            int d = digits(b, i + 1, limit);
            if (d == i + 1) {
                return -d - 1;
            }
            i = d;
        }
        if (i < limit && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < limit && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int d = digits(b, i, limit);
            if (d == i) {
                return -d - 1;
            }
            i = d;
        }
        return i;
    }

    private static int digits(byte[] b, int i, int limit) {
        while (i < limit && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i;
    }
}
