package org.gigrights.rules.check;

import org.gigrights.rules.time.Orders;

/**
 * Working memory that one thread reuses for worker after worker.
 *
 * <p>Evaluating a worker needs arrays sized by its events and orders; allocating them for every
 * worker was most of what the rules allocated. A history built with a scratch, and everything it
 * hands out (its orders), stays valid only until the next history is built with the same scratch,
 * so a scratch belongs to one thread and to one history at a time. The rule instances are shared
 * between threads, which is why their working memory lives here and not in them.
 */
public final class Scratch {
    final Orders orders = new Orders();
    int[] days = new int[0];
    byte[] types = new byte[0];
    final MinWageRule.Buffers minWage = new MinWageRule.Buffers();
    final PayLedger payDelay = new PayLedger();
    final HolidayPayRule.Days holidayPay = new HolidayPayRule.Days();

    /** Days of the events, at least {@code n} long. */
    int[] days(int n) {
        if (days.length < n) {
            days = new int[Math.max(n, days.length * 2)];
        }
        return days;
    }

    /** Types of the events as ordinals, at least {@code n} long. */
    byte[] types(int n) {
        if (types.length < n) {
            types = new byte[Math.max(n, types.length * 2)];
        }
        return types;
    }
}
