package org.gigrights.rules.model;

/** The kinds of work event in the data standard. */
public enum EventType {
    ORDER_ACCEPT,
    ORDER_COMPLETE,
    ORDER_CANCEL,
    ONLINE,
    OFFLINE,
    INCOME,
    DEDUCTION,
    PAYOUT;

    private static final EventType[] BY_ORDINAL = values();

    /** The type with this ordinal; for types kept as bytes. */
    public static EventType ofOrdinal(int ordinal) {
        return BY_ORDINAL[ordinal];
    }

    /** True for the three events that belong to one order. */
    public boolean isOrder() {
        return this == ORDER_ACCEPT || this == ORDER_COMPLETE || this == ORDER_CANCEL;
    }

    /** True for the events that end an order. */
    public boolean endsOrder() {
        return this == ORDER_COMPLETE || this == ORDER_CANCEL;
    }

    /** Parses the exact upper-case name, or returns null. */
    public static EventType parse(String text) {
        for (EventType t : values()) {
            if (t.name().equals(text)) {
                return t;
            }
        }
        return null;
    }
}
