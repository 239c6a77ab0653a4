package org.gigrights.engine.stream;

/** What the workers of a streaming audit hold, printed to size the heap for a feed. */
final class StateStats {
    private StateStats() {}

    /** One line on standard error: workers, held events and pay lots, and the MiB of their arrays. */
    static void print(StreamWorker[] workers) {
        long count = 0;
        long held = 0;
        long room = 0;
        long lots = 0;
        long heldBytes = 0;
        long orderBytes = 0;
        long lotBytes = 0;
        long dayBytes = 0;
        for (StreamWorker w : workers) {
            if (w != null) {
                count++;
                held += w.n;
                room += w.capacity();
                heldBytes += w.heldFootprint();
                orderBytes += w.orders.footprint();
                dayBytes += w.completed.footprint();
                if (w.ledger != null) {
                    lots += w.ledger.lots();
                    lotBytes += w.ledger.footprint();
                }
            }
        }
        System.err.printf(
                "stream state: %,d workers, %,d events held (room for %,d), %,d pay lots; "
                        + "arrays MiB: held events %,d, orders %,d, pay lots %,d, completed days %,d%n",
                count, held, room, lots, heldBytes >> 20, orderBytes >> 20, lotBytes >> 20, dayBytes >> 20);
    }
}
