package org.gigrights.engine.stream;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A worker's re-sent rows: where copies of its held events were read, in case the first row turns
 * out to conflict, and the event ids rejected as conflicts. Both are rare: their map and array are
 * made only when first needed.
 */
final class Resent {
    /** Where the re-sent copies of held events were read (file, line pairs), by event id. */
    private Map<String, long[]> copies;
    /** Event ids rejected as conflicts: any later row with one of them is rejected too. */
    private long[] conflicted;

    /** Remembers where a re-sent copy of a held event was read. */
    void copy(String eventId, int fileIndex, long lineNumber) {
        if (copies == null) {
            copies = new HashMap<>();
        }
        long[] old = copies.getOrDefault(eventId, new long[0]);
        long[] now = Arrays.copyOf(old, old.length + 2);
        now[old.length] = fileIndex;
        now[old.length + 1] = lineNumber;
        copies.put(eventId, now);
    }

    /** Where the copies of an event were read, as (file, line) pairs, forgotten now; or null. */
    long[] takeCopies(String eventId) {
        return copies == null ? null : copies.remove(eventId);
    }

    boolean hasCopies() {
        return copies != null;
    }

    /** Forgets the copies of an event no longer held. */
    void forget(String eventId) {
        copies.remove(eventId);
        if (copies.isEmpty()) {
            copies = null;
        }
    }

    boolean isConflicted(long hash) {
        if (conflicted != null) {
            for (long c : conflicted) {
                if (c == hash) {
                    return true;
                }
            }
        }
        return false;
    }

    void markConflicted(long hash) {
        conflicted = conflicted == null ? new long[1] : Arrays.copyOf(conflicted, conflicted.length + 1);
        conflicted[conflicted.length - 1] = hash;
    }
}
