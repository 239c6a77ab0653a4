package org.gigrights.rules.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One accepted work event, in canonical form.
 *
 * <p>Two rows with the same {@code platform} and {@code eventId} are duplicates exactly when their
 * canonical events are equal, so equality covers every field of the data standard.
 *
 * @param eventId unique within the platform
 * @param platform platform enterprise code
 * @param worker the platform's pseudonymous worker id
 * @param person cross-platform person key, or null
 * @param type the event type
 * @param timeMillis event time as epoch milliseconds
 * @param order order id for ORDER_* events, else null
 * @param amountCents amount in cents (fen), or {@link #NO_AMOUNT}
 * @param region 6-digit division code on ORDER_ACCEPT, else null
 * @param insured occupational-injury cover on ORDER_COMPLETE (missing counts as false)
 * @param reason reason on INCOME and DEDUCTION, else null
 */
public record WorkEvent(
        String eventId,
        String platform,
        String worker,
        String person,
        EventType type,
        long timeMillis,
        String order,
        long amountCents,
        String region,
        boolean insured,
        Reason reason) {

    /** Marks an absent amount. */
    public static final long NO_AMOUNT = -1;

    /** Event-time order; ties broken by id so that every input order gives one sequence. */
    public static final Comparator<WorkEvent> BY_TIME =
            Comparator.comparingLong(WorkEvent::timeMillis).thenComparing(WorkEvent::eventId);

    public WorkEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(type, "type");
    }

    /** The amount in cents, treating an absent amount as zero. */
    public long amountOrZero() {
        return amountCents == NO_AMOUNT ? 0 : amountCents;
    }
}
