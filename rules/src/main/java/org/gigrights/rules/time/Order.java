package org.gigrights.rules.time;

import java.util.List;
import org.gigrights.rules.model.WorkEvent;

/**
 * One order of one worker: its accept and its end (complete or cancel), when each is unique.
 *
 * <p>An order has working time only when it has exactly one accept and one end, and the end does
 * not precede the accept; otherwise it counts no time, though its pay still counts.
 *
 * @param id the order id
 * @param accept the ORDER_ACCEPT event, or null when missing or repeated
 * @param end the ORDER_COMPLETE or ORDER_CANCEL event, or null when missing or repeated
 * @param events every event of the order, in event-time order
 * @param hasInterval true when the order counts working time
 */
public record Order(String id, WorkEvent accept, WorkEvent end, List<WorkEvent> events, boolean hasInterval) {

    /** Start of the interval (the accept time). */
    public long start() {
        return accept.timeMillis();
    }

    /** End of the interval (the complete or cancel time). */
    public long endTime() {
        return end.timeMillis();
    }

    /** Length of the interval in milliseconds; zero for orders without one. */
    public long durationMillis() {
        return hasInterval ? end.timeMillis() - accept.timeMillis() : 0;
    }

    /** The ids of the order's events, for evidence. */
    public List<String> eventIds() {
        return events.stream().map(WorkEvent::eventId).toList();
    }
}
