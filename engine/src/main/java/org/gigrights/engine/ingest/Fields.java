package org.gigrights.engine.ingest;

import java.util.Set;

/** The field names of the data standard, v1. */
public final class Fields {
    private Fields() {}

    public static final String EVENT_ID = "event_id";
    public static final String PLATFORM = "platform";
    public static final String WORKER = "worker";
    public static final String PERSON = "person";
    public static final String TYPE = "type";
    public static final String TIME = "time";
    public static final String ORDER = "order";
    public static final String AMOUNT = "amount";
    public static final String REGION = "region";
    public static final String INSURED = "insured";
    public static final String REASON = "reason";

    /** Every field the standard knows; others are ignored with a warning. */
    public static final Set<String> KNOWN =
            Set.of(EVENT_ID, PLATFORM, WORKER, PERSON, TYPE, TIME, ORDER, AMOUNT, REGION, INSURED, REASON);
}
