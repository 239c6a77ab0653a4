package org.gigrights.rules.model;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An unmodifiable list of event ids kept as the bytes of their characters rather than as strings.
 *
 * <p>A large audit holds tens of thousands of findings with dozens of evidence ids each until it
 * writes them; as strings each id took about four times its length. Ids whose characters are all
 * below U+0100 (every id seen in practice) are stored one byte a character; a list holding any other
 * id keeps strings. Equality and hash code are those of any {@link List}.
 */
public final class EventIds extends AbstractList<String> implements RandomAccess {
    private static final EventIds EMPTY = new EventIds(new byte[0], new int[0], null);

    /** The ids' characters, one byte each, one id after another; null when {@link #strings} is used. */
    private final byte[] chars;
    /** Where each id ends in {@link #chars}. */
    private final int[] ends;

    private final String[] strings;

    private EventIds(byte[] chars, int[] ends, String[] strings) {
        this.chars = chars;
        this.ends = ends;
        this.strings = strings;
    }

    /** The ids in the given order; null ids are not allowed. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exact below U+0100
    public static EventIds copyOf(List<String> ids) {
        if (ids instanceof EventIds e) {
            return e;
        }
        int n = ids.size();
        if (n == 0) {
            return EMPTY;
        }
        int length = 0;
        boolean oneByte = true;
        for (int i = 0; i < n; i++) {
            String id = Objects.requireNonNull(ids.get(i), "event id");
            length += id.length();
            for (int k = 0; k < id.length() && oneByte; k++) {
                oneByte = id.charAt(k) < 0x100;
            }
        }
        if (!oneByte) {
            return new EventIds(null, null, ids.toArray(new String[0]));
        }
        byte[] chars = new byte[length];
        int[] ends = new int[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            String id = ids.get(i);
            // Copies each character's low byte, which is the character itself below U+0100.
            id.getBytes(0, id.length(), chars, at);
            at += id.length();
            ends[i] = at;
        }
        return new EventIds(chars, ends, null);
    }

    /**
     * Copies id {@code index}'s characters into {@code dst} from {@code at}, one byte each (the
     * character's code), when the ids are kept as bytes; returns how many, or -1 when they are
     * kept as strings (then use {@link #get}).
     */
    public int copyLatin1(int index, byte[] dst, int at) {
        if (strings != null) {
            return -1;
        }
        Objects.checkIndex(index, ends.length);
        int from = index == 0 ? 0 : ends[index - 1];
        int n = ends[index] - from;
        System.arraycopy(chars, from, dst, at, n);
        return n;
    }

    /** The length of id {@code index}, in characters. */
    public int length(int index) {
        if (strings != null) {
            return strings[index].length();
        }
        Objects.checkIndex(index, ends.length);
        return ends[index] - (index == 0 ? 0 : ends[index - 1]);
    }

    @Override
    public String get(int index) {
        if (strings != null) {
            return strings[index];
        }
        Objects.checkIndex(index, ends.length);
        int from = index == 0 ? 0 : ends[index - 1];
        return new String(chars, from, ends[index] - from, StandardCharsets.ISO_8859_1);
    }

    @Override
    public int size() {
        return strings != null ? strings.length : ends.length;
    }

    @Override
    public Object[] toArray() {
        return strings != null ? Arrays.copyOf(strings, strings.length, Object[].class) : super.toArray();
    }

    /** Collects ids one at a time, as bytes where they allow it, into one {@link EventIds}. */
    public static final class Builder {
        private byte[] chars;
        private int length;
        private int[] ends;
        private int count;
        /** Every id so far once one has a character above U+00FF; null until then. */
        private List<String> strings;

        public Builder() {
            this(8);
        }

        /** A builder with room for about this many ids of a usual length. */
        public Builder(int expected) {
            chars = new byte[Math.max(16, expected * 16)];
            ends = new int[Math.max(4, expected)];
        }

        /** Adds an id given as a string. */
        @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exact below U+0100
        public Builder add(String id) {
            Objects.requireNonNull(id, "event id");
            if (strings == null) {
                for (int k = 0; k < id.length(); k++) {
                    if (id.charAt(k) >= 0x100) {
                        strings = new java.util.ArrayList<>(build());
                        break;
                    }
                }
            }
            if (strings != null) {
                strings.add(id);
                return this;
            }
            room(id.length());
            id.getBytes(0, id.length(), chars, length);
            length += id.length();
            ends[count++] = length;
            return this;
        }

        /** Adds an id whose characters are the bytes {@code from..from+len} of {@code src}, one each. */
        public Builder addLatin1(byte[] src, int from, int len) {
            if (strings != null) {
                strings.add(new String(src, from, len, StandardCharsets.ISO_8859_1));
                return this;
            }
            room(len);
            System.arraycopy(src, from, chars, length, len);
            length += len;
            ends[count++] = length;
            return this;
        }

        private void room(int len) {
            if (length + len > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + len));
            }
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
        }

        /** The ids added so far. */
        public EventIds build() {
            if (strings != null) {
                return new EventIds(null, null, strings.toArray(new String[0]));
            }
            if (count == 0) {
                return EMPTY;
            }
            return new EventIds(Arrays.copyOf(chars, length), Arrays.copyOf(ends, count), null);
        }
    }
}
