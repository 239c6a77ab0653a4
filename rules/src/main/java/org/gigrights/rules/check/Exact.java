package org.gigrights.rules.check;

/** Exact comparisons in long arithmetic, for the rules' hot paths. */
final class Exact {
    private Exact() {}

    /** Compares a·b with c·d exactly: the products are taken in 128 bits, so none overflows. */
    static int compareProducts(long a, long b, long c, long d) {
        long high = Math.multiplyHigh(a, b);
        long otherHigh = Math.multiplyHigh(c, d);
        if (high != otherHigh) {
            return Long.compare(high, otherHigh);
        }
        // Equal high halves: the low halves compare as unsigned numbers.
        return Long.compareUnsigned(a * b, c * d);
    }
}
