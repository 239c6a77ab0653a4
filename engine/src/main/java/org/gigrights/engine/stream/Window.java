package org.gigrights.engine.stream;

import org.gigrights.rules.check.WorkerEvents;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Reason;

/**
 * Some of a worker's buffered events, by index, as the rules read them.
 *
 * <p>Events of an order whose first event lies before the window are left out, so every order the
 * rules see is whole (see {@link StreamWorker}).
 */
final class Window implements WorkerEvents {
    private static final EventType[] TYPES = EventType.values();
    private static final Reason[] REASONS = Reason.values();

    private StreamWorker w;
    private int[] index = new int[64];
    private int size;

    /** Fills the window with the events of {@code w} in {@code [from, to)} of its buffer. */
    Window load(StreamWorker worker, int from, int to, long start) {
        this.w = worker;
        size = 0;
        if (index.length < to - from) {
            index = new int[Math.max(to - from, index.length * 2)];
        }
        for (int i = from; i < to; i++) {
            if (worker.type[i] < StreamWorker.FIRST_NON_ORDER && worker.first[i] < start) {
                continue;
            }
            index[size++] = i;
        }
        return this;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public EventType type(int i) {
        return TYPES[w.type[index[i]]];
    }

    @Override
    public long time(int i) {
        return w.time[index[i]];
    }

    @Override
    public long amount(int i) {
        return w.amount[index[i]];
    }

    @Override
    public int region(int i) {
        return w.region[index[i]];
    }

    @Override
    public boolean insured(int i) {
        return w.insured[index[i]];
    }

    @Override
    public Reason reason(int i) {
        byte r = w.reason[index[i]];
        return r == 0 ? null : REASONS[r - 1];
    }

    @Override
    public long order(int i) {
        return w.order[index[i]];
    }

    @Override
    public String eventId(int i) {
        return w.id[index[i]];
    }
}
