package org.gigrights.rules.model;

/** Why money moved: the reason codes for INCOME and DEDUCTION events. */
public enum Reason {
    BONUS(EventType.INCOME),
    SUBSIDY(EventType.INCOME),
    TIP(EventType.INCOME),
    FINE(EventType.DEDUCTION),
    DEPOSIT(EventType.DEDUCTION),
    EQUIPMENT(EventType.DEDUCTION),
    /** Any other reason; valid for both INCOME and DEDUCTION. */
    OTHER(null);

    private final EventType only;

    Reason(EventType only) {
        this.only = only;
    }

    /** True when this reason may stand on an event of the given type. */
    public boolean allowedFor(EventType type) {
        return (type == EventType.INCOME || type == EventType.DEDUCTION) && (only == null || only == type);
    }

    /** Parses the exact upper-case name, or returns null. */
    public static Reason parse(String text) {
        for (Reason r : values()) {
            if (r.name().equals(text)) {
                return r;
            }
        }
        return null;
    }
}
