package org.gigrights.server.reporting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a reported batch, sent only after it is durably stored.
 *
 * @param batchId the batch's id (the same for a re-sent batch)
 * @param platform the reporting platform
 * @param receivedAt when the batch was first stored
 * @param replay true when this body was stored before and nothing changed now
 * @param rowsRead every row read: accepted + duplicates + rejected
 * @param accepted new events and corrected events
 * @param corrected events that replaced an earlier version with the same id
 * @param duplicates rows equal to an event already stored or earlier in the batch
 * @param rejected rows rejected, listed in {@code rejects}
 * @param workersRecomputed workers whose findings were recomputed
 * @param rejects the rejected rows with their reasons
 */
public record BatchReceipt(
        UUID batchId,
        String platform,
        Instant receivedAt,
        boolean replay,
        long rowsRead,
        long accepted,
        long corrected,
        long duplicates,
        long rejected,
        long workersRecomputed,
        List<RejectedRow> rejects) {

    /** One rejected row. */
    public record RejectedRow(long line, String code, String detail, String raw) {}
}
