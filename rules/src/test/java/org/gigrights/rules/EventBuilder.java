package org.gigrights.rules;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Reason;
import org.gigrights.rules.model.WorkEvent;

/** Builds work events for tests: {@code anAccept("a1").order("o1").at("2026-03-02T08:00+08:00")}. */
public final class EventBuilder {
    private String id;
    private String platform = "P1";
    private String worker = "W1";
    private final EventType type;
    private long time;
    private String order;
    private long amount = WorkEvent.NO_AMOUNT;
    private String region;
    private boolean insured;
    private Reason reason;

    private EventBuilder(String id, EventType type) {
        this.id = id;
        this.type = type;
    }

    public static EventBuilder anAccept(String id) {
        return new EventBuilder(id, EventType.ORDER_ACCEPT).region("500107");
    }

    public static EventBuilder aComplete(String id) {
        return new EventBuilder(id, EventType.ORDER_COMPLETE).insured(true);
    }

    public static EventBuilder aCancel(String id) {
        return new EventBuilder(id, EventType.ORDER_CANCEL);
    }

    public static EventBuilder anEvent(String id, EventType type) {
        return new EventBuilder(id, type);
    }

    public EventBuilder platform(String p) {
        platform = p;
        return this;
    }

    public EventBuilder worker(String w) {
        worker = w;
        return this;
    }

    public EventBuilder at(String isoTime) {
        time = OffsetDateTime.parse(isoTime).toInstant().toEpochMilli();
        return this;
    }

    public EventBuilder order(String o) {
        order = o;
        return this;
    }

    public EventBuilder amount(String yuan) {
        amount = new BigDecimal(yuan).movePointRight(2).longValueExact();
        return this;
    }

    public EventBuilder region(String r) {
        region = r;
        return this;
    }

    public EventBuilder insured(boolean i) {
        insured = i;
        return this;
    }

    public EventBuilder reason(Reason r) {
        reason = r;
        return this;
    }

    public WorkEvent build() {
        return new WorkEvent(id, platform, worker, null, type, time, order, amount, region, insured, reason);
    }
}
