package org.gigrights.engine.stream;

import org.gigrights.rules.check.WorkerEvents;
import org.gigrights.rules.model.EventIds;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Reason;

/** Some of a worker's buffered events, by index, as the rules read them. */
final class Window implements WorkerEvents {
    private static final Reason[] REASONS = Reason.values();

    private StreamWorker w;
    private int[] index = new int[64];
    private int size;

    /** Every buffered event from {@code from} to {@code to}. */
    Window all(StreamWorker worker, int from, int to) {
        this.w = worker;
        size = 0;
        room(to - from);
        for (int i = from; i < to; i++) {
            index[size++] = i;
        }
        return this;
    }

    /**
     * The events a date needs: those dated on it ({@code [dayStart, dayEnd)}), and every event of
     * the orders whose span of events meets {@code [dayStart, orderTop)}, when whole (first event
     * at or after {@code whole}).
     */
    Window date(StreamWorker worker, int from, int to, long dayStart, long dayEnd, long orderTop, long whole) {
        this.w = worker;
        size = 0;
        room(to - from);
        for (int i = from; i < to; i++) {
            long t = worker.time(i);
            boolean on = t >= dayStart && t < dayEnd;
            if (on
                    || worker.type(i) < StreamWorker.FIRST_NON_ORDER
                            && worker.last(i) >= dayStart
                            && worker.first(i) < orderTop
                            && worker.first(i) >= whole) {
                index[size++] = i;
            }
        }
        return this;
    }

    private void room(int n) {
        if (index.length < n) {
            index = new int[Math.max(n, index.length * 2)];
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public EventType type(int i) {
        return EventType.ofOrdinal(w.type(index[i]));
    }

    @Override
    public long time(int i) {
        return w.time(index[i]);
    }

    @Override
    public long amount(int i) {
        return w.amount(index[i]);
    }

    @Override
    public int region(int i) {
        return w.region(index[i]);
    }

    @Override
    public boolean insured(int i) {
        return w.insured(index[i]);
    }

    @Override
    public Reason reason(int i) {
        byte r = w.reason(index[i]);
        return r == 0 ? null : REASONS[r - 1];
    }

    @Override
    public long order(int i) {
        return w.order(index[i]);
    }

    @Override
    public String eventId(int i) {
        return w.eventId(index[i]);
    }

    @Override
    public int eventIdUtf8(int i, byte[] out, int at) {
        return w.eventIdUtf8(index[i], out, at);
    }

    @Override
    public int compareIds(int a, int b) {
        return w.compareIds(index[a], index[b]);
    }

    @Override
    public void eventIdTo(int i, EventIds.Builder out) {
        w.eventIdTo(index[i], out);
    }
}
