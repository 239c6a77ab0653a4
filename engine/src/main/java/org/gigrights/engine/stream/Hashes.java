package org.gigrights.engine.stream;

import org.gigrights.rules.model.WorkEvent;

/**
 * 64-bit hashes that stand for text the streaming audit does not keep: an order id within one
 * worker, and a row's canonical content for duplicates. Two different values share a hash with
 * probability about 2⁻⁶⁴ per pair compared.
 */
final class Hashes {
    private static final long PRIME = 0x100000001b3L;
    private static final long BASIS = 0xcbf29ce484222325L;

    private Hashes() {}

    static long text(String s) {
        return finish(mix(BASIS, s));
    }

    /** The canonical content: every field of the event (it has only the fields its type uses). */
    static long content(WorkEvent e) {
        long h = BASIS;
        h = mix(h, e.platform());
        h = mix(h, e.worker());
        h = mix(h, e.person());
        h = mix(h, e.type().name());
        h = mix(h, e.timeMillis());
        h = mix(h, e.order());
        h = mix(h, e.amountCents());
        h = mix(h, e.region());
        h = mix(h, e.insured() ? 1 : 0);
        h = mix(h, e.reason() == null ? -1 : e.reason().ordinal());
        return finish(h);
    }

    private static long mix(long h, String s) {
        if (s == null) {
            return mix(h, 0x9e3779b97f4a7c15L);
        }
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * PRIME;
        }
        return (h ^ 0xff) * PRIME ^ s.length();
    }

    private static long mix(long h, long v) {
        return (h ^ v) * PRIME + 0x632be59bd9b4e019L;
    }

    /** A final avalanche, so that near-equal inputs differ in every bit. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
