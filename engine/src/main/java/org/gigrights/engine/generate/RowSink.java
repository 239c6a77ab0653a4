package org.gigrights.engine.generate;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes generated events as CSV or JSON Lines straight into a byte buffer: all generated text is
 * ASCII, so no encoder and no per-row strings are needed.
 */
final class RowSink implements AutoCloseable {
    static final String HEADER = "event_id,platform,worker,person,type,time,order,amount,region,insured,reason";
    private static final String[] NAMES = HEADER.split(",");
    private static final byte[] OFFSET = "+08:00".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final boolean jsonl;
    private final byte[] buf = new byte[1 << 18];
    private int pos;
    private final String[] dates;
    private final long firstDayEpochSecond;
    private long rows;

    /**
     * @param firstDayEpochSecond epoch second of local midnight of the first date that can occur
     * @param dates the local dates from that day on, as {@code YYYY-MM-DD}
     */
    RowSink(OutputStream out, boolean jsonl, long firstDayEpochSecond, String[] dates) throws IOException {
        this.out = out;
        this.jsonl = jsonl;
        this.firstDayEpochSecond = firstDayEpochSecond;
        this.dates = dates;
        if (!jsonl) {
            ascii(HEADER);
            put((byte) '\n');
        }
    }

    long rows() {
        return rows;
    }

    /** Writes one event; null or negative values are left empty. */
    void row(
            CharSequence eventId,
            String platform,
            String worker,
            String person,
            String type,
            long epochSecond,
            CharSequence order,
            long amountCents,
            String region,
            int insured,
            String reason)
            throws IOException {
        rows++;
        if (jsonl) {
            put((byte) '{');
        }
        field(0, eventId);
        field(1, platform);
        field(2, worker);
        field(3, person);
        field(4, type);
        start(5, true);
        time(epochSecond);
        end(true);
        field(6, order);
        if (amountCents >= 0) {
            start(7, true);
            cents(amountCents);
            end(true);
        } else {
            empty(7);
        }
        field(8, region);
        field(9, insured < 0 ? null : insured == 1 ? "true" : "false");
        field(10, reason);
        put(jsonl ? (byte) '}' : (byte) '\n');
        if (jsonl) {
            put((byte) '\n');
        }
        firstJsonField = true;
        if (pos > buf.length - 1024) {
            flush();
        }
    }

    /** Writes a raw line as it is (used for malformed rows). */
    void rawLine(String line) throws IOException {
        rows++;
        ascii(line);
        put((byte) '\n');
        firstJsonField = true;
    }

    private void field(int i, CharSequence value) {
        if (value == null || value.length() == 0) {
            empty(i);
            return;
        }
        start(i, true);
        if (value instanceof String text) {
            ascii(text);
        } else if (value instanceof AsciiText text) {
            pos = text.copyTo(buf, pos);
        } else {
            ascii(value);
        }
        end(true);
    }

    private void empty(int i) {
        if (!jsonl && i > 0) {
            put((byte) ',');
        }
    }

    private boolean firstJsonField = true;

    private void start(int i, boolean quoted) {
        if (jsonl) {
            if (!firstJsonField) {
                put((byte) ',');
            }
            firstJsonField = false;
            put((byte) '"');
            ascii(NAMES[i]);
            put((byte) '"');
            put((byte) ':');
            if (quoted) {
                put((byte) '"');
            }
        } else if (i > 0) {
            put((byte) ',');
        }
    }

    private void end(boolean quoted) {
        if (jsonl && quoted) {
            put((byte) '"');
        }
    }

    private void time(long epochSecond) {
        long local = epochSecond - firstDayEpochSecond;
        int day = (int) Math.floorDiv(local, 86_400L);
        int sec = (int) Math.floorMod(local, 86_400L);
        ascii(dates[day]);
        put((byte) 'T');
        two(sec / 3600);
        put((byte) ':');
        two(sec / 60 % 60);
        put((byte) ':');
        two(sec % 60);
        for (byte b : OFFSET) {
            put(b);
        }
    }

    private void cents(long c) {
        number(c / 100);
        put((byte) '.');
        two((int) (c % 100));
    }

    private void number(long n) {
        if (n >= 10) {
            number(n / 10);
        }
        put((byte) ('0' + n % 10));
    }

    private void two(int n) {
        put((byte) ('0' + n / 10));
        put((byte) ('0' + n % 10));
    }

    private void ascii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            put((byte) s.charAt(i));
        }
    }

    /** The same few strings recur row after row: their bytes, by identity, in a small table. */
    private final String[] cachedText = new String[256];

    private final byte[][] cachedBytes = new byte[256][];

    private void ascii(String s) {
        int slot = System.identityHashCode(s) & (cachedText.length - 1);
        byte[] b;
        if (cachedText[slot] == s) {
            b = cachedBytes[slot];
        } else {
            b = new byte[s.length()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) s.charAt(i);
            }
            cachedText[slot] = s;
            cachedBytes[slot] = b;
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void put(byte b) {
        buf[pos++] = b;
    }

    void flush() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    @Override
    public void close() throws IOException {
        flush();
        out.flush();
    }
}
