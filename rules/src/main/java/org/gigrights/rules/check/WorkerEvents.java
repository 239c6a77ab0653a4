package org.gigrights.rules.check;

import org.gigrights.rules.model.EventIds;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Reason;

/**
 * One worker's accepted events as columns, in event-time order (ties by event id).
 *
 * <p>This is the per-worker state every runtime hands to the rules: a list of objects in the
 * service, byte offsets into a mapped file in the fast engine, keyed state in a stream job.
 */
public interface WorkerEvents {
    /** Number of events. */
    int size();

    EventType type(int i);

    /** Event time, epoch milliseconds. */
    long time(int i);

    /** Amount in cents, or {@link org.gigrights.rules.model.WorkEvent#NO_AMOUNT}. */
    long amount(int i);

    /** The 6-digit region code as a number, or -1. */
    int region(int i);

    boolean insured(int i);

    /** The reason, or null. */
    Reason reason(int i);

    /**
     * The order's identity within this worker: equal for the events of one order and different
     * for different orders. Meaningless for events that are not ORDER_*.
     */
    long order(int i);

    /** The event id (used for evidence and ties). */
    String eventId(int i);

    /** Compares two events' ids as {@link String#compareTo} does; runtimes may skip the strings. */
    default int compareIds(int a, int b) {
        return eventId(a).compareTo(eventId(b));
    }

    /** Adds event i's id to a builder; runtimes may skip the string. */
    default void eventIdTo(int i, EventIds.Builder out) {
        out.add(eventId(i));
    }

    /**
     * Copies event i's id, as UTF-8, into {@code out} from {@code at}; runtimes may skip the string.
     *
     * @return where the id ends in {@code out}, or -1 when it does not fit (nothing is copied)
     */
    default int eventIdUtf8(int i, byte[] out, int at) {
        byte[] id = eventId(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (id.length > out.length - at) {
            return -1;
        }
        System.arraycopy(id, 0, out, at, id.length);
        return at + id.length;
    }

    /** The amount in cents, treating an absent amount as zero. */
    default long amountOrZero(int i) {
        long a = amount(i);
        return a < 0 ? 0 : a;
    }
}
