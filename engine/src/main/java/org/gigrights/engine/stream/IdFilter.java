package org.gigrights.engine.stream;

/**
 * A 256-bit filter of a worker's held event-id hashes (one bit each, from the hash's top byte): a
 * row whose bit is clear is not held, so most new rows skip the scan of the held events. 32 bytes
 * where an index of the ids would cost more memory than it saves time.
 */
final class IdFilter {
    private long w0;
    private long w1;
    private long w2;
    private long w3;

    void add(long hash) {
        int bit = (int) (hash >>> 56);
        switch (bit >>> 6) {
            case 0 -> w0 |= 1L << bit;
            case 1 -> w1 |= 1L << bit;
            case 2 -> w2 |= 1L << bit;
            default -> w3 |= 1L << bit;
        }
    }

    /** False when no held id has this hash; true when one may. */
    boolean mayHold(long hash) {
        int bit = (int) (hash >>> 56);
        long word =
                switch (bit >>> 6) {
                    case 0 -> w0;
                    case 1 -> w1;
                    case 2 -> w2;
                    default -> w3;
                };
        return (word & (1L << bit)) != 0;
    }

    /** Forgets every hash: before the held events' hashes are added again, after some left. */
    void clear() {
        w0 = 0;
        w1 = 0;
        w2 = 0;
        w3 = 0;
    }
}
