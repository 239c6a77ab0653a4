package org.gigrights.rules.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Reason;
import org.gigrights.rules.model.WorkEvent;

/** {@link WorkerEvents} over a list of event objects. */
public final class ListEvents implements WorkerEvents {
    private final List<WorkEvent> events;
    private final long[] orderKeys;
    private final int[] regions;

    /** Sorts a copy of the events into event-time order. */
    public ListEvents(List<WorkEvent> events) {
        List<WorkEvent> sorted = new ArrayList<>(events);
        sorted.sort(WorkEvent.BY_TIME);
        this.events = sorted;
        this.orderKeys = new long[sorted.size()];
        this.regions = new int[sorted.size()];
        Map<String, Long> keys = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            WorkEvent e = sorted.get(i);
            if (e.order() != null) {
                orderKeys[i] = keys.computeIfAbsent(e.order(), k -> (long) keys.size());
            }
            regions[i] = e.region() == null ? -1 : Integer.parseInt(e.region());
        }
    }

    /** The events in event-time order. */
    public List<WorkEvent> list() {
        return events;
    }

    @Override
    public int size() {
        return events.size();
    }

    @Override
    public EventType type(int i) {
        return events.get(i).type();
    }

    @Override
    public long time(int i) {
        return events.get(i).timeMillis();
    }

    @Override
    public long amount(int i) {
        return events.get(i).amountCents();
    }

    @Override
    public int region(int i) {
        return regions[i];
    }

    @Override
    public boolean insured(int i) {
        return events.get(i).insured();
    }

    @Override
    public Reason reason(int i) {
        return events.get(i).reason();
    }

    @Override
    public long order(int i) {
        return orderKeys[i];
    }

    @Override
    public String eventId(int i) {
        return events.get(i).eventId();
    }
}
