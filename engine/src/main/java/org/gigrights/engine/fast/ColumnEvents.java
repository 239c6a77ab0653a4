package org.gigrights.engine.fast;

import org.gigrights.rules.check.WorkerEvents;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Reason;

/** One worker's rows of the column store, through a slice of a sorted index. */
final class ColumnEvents implements WorkerEvents {
    private static final EventType[] TYPES = EventType.values();
    private static final Reason[] REASONS = Reason.values();

    private final Columns c;
    private final RowText text;
    private final int[] perm;
    private final int from;
    private final int size;

    ColumnEvents(Columns c, RowText text, int[] perm, int from, int to) {
        this.c = c;
        this.text = text;
        this.perm = perm;
        this.from = from;
        this.size = to - from;
    }

    @Override
    public int size() {
        return size;
    }

    private int row(int i) {
        return perm[from + i];
    }

    @Override
    public EventType type(int i) {
        return TYPES[c.type[row(i)]];
    }

    @Override
    public long time(int i) {
        return c.time[row(i)];
    }

    @Override
    public long amount(int i) {
        return c.amount[row(i)];
    }

    @Override
    public int region(int i) {
        return c.region[row(i)];
    }

    @Override
    public boolean insured(int i) {
        return c.insured[row(i)] != 0;
    }

    @Override
    public Reason reason(int i) {
        int r = c.reason[row(i)];
        return r < 0 ? null : REASONS[r];
    }

    @Override
    public long order(int i) {
        return c.orderHash[row(i)];
    }

    @Override
    public String eventId(int i) {
        int r = row(i);
        return text.eventId(c.ref[r], c.idPos[r]);
    }
}
