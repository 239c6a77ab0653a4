package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Lots as parallel arrays, with their ids as UTF-8 in one array when kept: no object per lot. */
final class PayLots {
    int n;
    int[] event;
    int[] idOff;
    int[] idLen;
    long[] time;
    long[] amount;
    long[] due;
    BigDecimal[] cycle;
    /** For late lots only: what was paid by the due time, and when the last of it was paid. */
    long[] paidByDue = new long[0];

    long[] settledAt = new long[0];
    byte[] idBytes = new byte[0];
    int idUsed;
    /** The most lots, and id bytes, held since the last {@link #trim}. */
    private int peak;

    private int idPeak;

    PayLots(int capacity) {
        resize(Math.max(1, capacity));
    }

    /** Bytes of the arrays (with a 16-byte header each; the shared cycle values not counted). */
    long footprint() {
        return 16L * 10
                + 4L * (event.length + idOff.length + idLen.length + cycle.length)
                + 8L * (time.length + amount.length + due.length + paidByDue.length + settledAt.length)
                + idBytes.length;
    }

    void clear() {
        n = 0;
        idUsed = 0;
    }

    /** Adds a lot without its event's id ({@link #putId} keeps one). */
    void add(int e, long t, long cents, long dueAt, BigDecimal days) {
        if (n == event.length) {
            resize(n + n / 2 + 8);
        }
        event[n] = e;
        idLen[n] = -1;
        time[n] = t;
        amount[n] = cents;
        due[n] = dueAt;
        cycle[n] = days;
        n++;
        peak = Math.max(peak, n);
    }

    /** Keeps the id of event {@code i} of {@code ev} as lot {@code lot}'s, with no string on the way. */
    void putId(int lot, WorkerEvents ev, int i) {
        int end = ev.eventIdUtf8(i, idBytes, idUsed);
        while (end < 0) {
            idBytes = Arrays.copyOf(idBytes, Math.max(idBytes.length * 2, idUsed + 64));
            end = ev.eventIdUtf8(i, idBytes, idUsed);
        }
        idOff[lot] = idUsed;
        idLen[lot] = end - idUsed;
        idUsed = end;
        idPeak = Math.max(idPeak, idUsed);
    }

    private void putId(int lot, byte[] bytes, int from, int len) {
        if (idUsed + len > idBytes.length) {
            idBytes = Arrays.copyOf(idBytes, Math.max(idBytes.length * 2, idUsed + len + 64));
        }
        System.arraycopy(bytes, from, idBytes, idUsed, len);
        idOff[lot] = idUsed;
        idLen[lot] = len;
        idUsed += len;
        idPeak = Math.max(idPeak, idUsed);
    }

    /** Adds lot k of another set, paid in full at {@code at}. */
    void copy(PayLots from, int k, long paid, long at) {
        addSettled(from.event[k], from.time[k], from.amount[k], from.due[k], from.cycle[k], paid, at);
        if (from.idLen[k] >= 0) {
            putId(n - 1, from.idBytes, from.idOff[k], from.idLen[k]);
        }
    }

    /** Adds a lot paid in full at {@code at}, {@code paid} of it by its due time. */
    void addSettled(int e, long t, long cents, long dueAt, BigDecimal days, long paid, long at) {
        if (paidByDue.length < event.length) {
            paidByDue = Arrays.copyOf(paidByDue, event.length);
            settledAt = Arrays.copyOf(settledAt, event.length);
        }
        add(e, t, cents, dueAt, days);
        paidByDue[n - 1] = paid;
        settledAt[n - 1] = at;
    }

    String id(int k) {
        return idLen[k] < 0 ? null : new String(idBytes, idOff[k], idLen[k], StandardCharsets.UTF_8);
    }

    /** Drops the first k lots, moving the rest (and their ids) down. */
    void dropFirst(int k) {
        if (k == 0) {
            return;
        }
        int m = n - k;
        System.arraycopy(event, k, event, 0, m);
        System.arraycopy(time, k, time, 0, m);
        System.arraycopy(amount, k, amount, 0, m);
        System.arraycopy(due, k, due, 0, m);
        System.arraycopy(cycle, k, cycle, 0, m);
        if (paidByDue.length > 0) {
            System.arraycopy(paidByDue, k, paidByDue, 0, m);
            System.arraycopy(settledAt, k, settledAt, 0, m);
        }
        Arrays.fill(cycle, m, n, null);
        int bytes = 0;
        for (int i = 0; i < m; i++) {
            int len = idLen[k + i];
            if (len >= 0) {
                // Ids lie in lot order: each moves down, never over one not yet moved.
                System.arraycopy(idBytes, idOff[k + i], idBytes, bytes, len);
                idOff[i] = bytes;
                bytes += len;
            }
            idLen[i] = len;
        }
        idUsed = bytes;
        n = m;
    }

    /**
     * Gives back the room the lots held since the last trim did not need. Not the room of the lots
     * just paid: the next pay cycle needs about as much, and giving it back made the arrays shrink
     * and grow again every cycle (a quarter of what the streaming audit allocated).
     */
    void trim() {
        if (event.length > 16 && peak < event.length / 4) {
            resize(Math.max(16, peak + peak / 2 + 8));
        }
        if (idBytes.length > 256 && idPeak < idBytes.length / 4) {
            idBytes = Arrays.copyOf(idBytes, Math.max(64, idPeak * 2));
        }
        peak = n;
        idPeak = idUsed;
    }

    private void resize(int c) {
        event = event == null ? new int[c] : Arrays.copyOf(event, c);
        idOff = idOff == null ? new int[c] : Arrays.copyOf(idOff, c);
        idLen = idLen == null ? new int[c] : Arrays.copyOf(idLen, c);
        time = time == null ? new long[c] : Arrays.copyOf(time, c);
        amount = amount == null ? new long[c] : Arrays.copyOf(amount, c);
        due = due == null ? new long[c] : Arrays.copyOf(due, c);
        cycle = cycle == null ? new BigDecimal[c] : Arrays.copyOf(cycle, c);
        if (paidByDue.length > 0) {
            paidByDue = Arrays.copyOf(paidByDue, c);
            settledAt = Arrays.copyOf(settledAt, c);
        }
    }
}
