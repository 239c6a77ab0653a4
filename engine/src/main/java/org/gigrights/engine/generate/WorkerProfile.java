package org.gigrights.engine.generate;

import java.util.SplittableRandom;

/**
 * One generated worker: who they are and how they work, drawn once from the seed.
 *
 * @param index the worker's number in the city
 * @param platform index into {@link PlatformProfile#CITY}
 * @param id the platform's worker id
 * @param person the cross-platform person key
 * @param fullTime full-time (long shifts most days) or casual
 * @param shiftStartMinute usual start of the shift, minutes after local midnight (may run past midnight)
 * @param region home region code (6 digits)
 * @param takesBreaks whether the worker rests at least 20 minutes every few hours
 * @param payFactor the worker's pay level relative to the platform's (some are underpaid)
 */
public record WorkerProfile(
        int index,
        int platform,
        String id,
        String person,
        boolean fullTime,
        int shiftStartMinute,
        String region,
        boolean takesBreaks,
        double payFactor) {

    /** Tier-1 districts (most orders) and tier-2 counties of Chongqing. */
    static final String[] TIER1 = {
        "500103", "500104", "500105", "500106", "500107", "500108", "500109", "500112", "500113", "500101", "500102",
        "500110", "500115", "500116", "500117", "500118", "500120"
    };

    static final String[] TIER2 = {
        "500229", "500230", "500231", "500233", "500235", "500236", "500237", "500238", "500240", "500241", "500242",
        "500243"
    };

    /** Draws the profile of worker {@code index}; {@code second} gives their account on a second platform. */
    static WorkerProfile draw(long seed, int index, boolean second) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        int platform = r.nextInt(PlatformProfile.CITY.length);
        boolean multi = r.nextDouble() < 0.12;
        if (second) {
            platform = (platform + 1 + r.nextInt(PlatformProfile.CITY.length - 1)) % PlatformProfile.CITY.length;
        }
        boolean fullTime = second ? false : r.nextDouble() < 0.7;
        int start = fullTime
                ? (r.nextDouble() < 0.75 ? 6 * 60 + r.nextInt(5 * 60) : 15 * 60 + r.nextInt(5 * 60))
                : 10 * 60 + r.nextInt(10 * 60);
        String region = r.nextDouble() < 0.85 ? TIER1[r.nextInt(TIER1.length)] : TIER2[r.nextInt(TIER2.length)];
        boolean breaks = r.nextDouble() < 0.88;
        double pay = r.nextDouble() < 0.06 ? 0.55 + r.nextDouble() * 0.3 : 0.95 + r.nextDouble() * 0.5;
        String id = (second ? "M" : "W") + Integer.toString(index, 36).toUpperCase();
        String person = multi || second ? "p" + Long.toHexString(mix(seed ^ index)) : "";
        return new WorkerProfile(index, platform, id, person, fullTime, start, region, breaks, pay);
    }

    /** Whether worker {@code index} also works on a second platform. */
    static boolean hasSecondPlatform(long seed, int index) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        r.nextInt(PlatformProfile.CITY.length);
        return r.nextDouble() < 0.12;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
