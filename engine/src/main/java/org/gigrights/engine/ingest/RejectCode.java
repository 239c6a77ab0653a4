package org.gigrights.engine.ingest;

/** Why a row was rejected; the code is stable and stands first in every reject reason. */
public enum RejectCode {
    /** A field the row's type requires is absent or blank. */
    MISSING_FIELD,
    /** {@code type} is not one of the eight event types. */
    UNKNOWN_TYPE,
    /** {@code time} is not an ISO-8601 date-time. */
    BAD_TIME,
    /** {@code time} has no UTC offset. */
    NO_OFFSET,
    /** {@code amount} is not a non-negative decimal with at most 2 places. */
    BAD_AMOUNT,
    /** {@code region} is not a 6-digit division code. */
    BAD_REGION,
    /** {@code insured} is neither true nor false. */
    BAD_INSURED,
    /** {@code reason} is not allowed for the event type. */
    BAD_REASON,
    /** A CSV row has more or fewer fields than its header, or an unclosed quote. */
    BAD_ROW,
    /** A JSON Lines row is not one JSON object of scalar fields. */
    BAD_JSON,
    /** Rows share a platform and event id but differ in content: all of them are rejected. */
    CONFLICT,
    /** The service only: a platform reported a row for another platform. */
    FOREIGN_PLATFORM,
    /**
     * Streaming audit of ordered input only: the row came after its worker's events of that time
     * were judged, or an order's event came more than the order window after its first event.
     */
    LATE
}
