package org.gigrights.engine.stream;

import java.util.Arrays;

/**
 * A worker's completed orders of judged dates (date, sum in cents, count; oldest first): the
 * baseline HOLIDAY_PAY compares a holiday's pay with, kept while the rule may look back at it.
 */
final class CompletedDays {
    long[] day = new long[0];
    long[] sum = new long[0];
    long[] count = new long[0];
    int n;

    /** Bytes of the arrays, with a 16-byte header each. */
    long footprint() {
        return 16L * 3 + 8L * (day.length + sum.length + count.length);
    }

    /** Remembers a judged date's completed orders, forgetting dates more than keepDays before it. */
    void remember(int date, long total, long orders, int keepDays) {
        int drop = 0;
        while (drop < n && day[drop] < date - (long) keepDays) {
            drop++;
        }
        if (drop > 0) {
            System.arraycopy(day, drop, day, 0, n - drop);
            System.arraycopy(sum, drop, sum, 0, n - drop);
            System.arraycopy(count, drop, count, 0, n - drop);
            n -= drop;
        }
        if (orders == 0) {
            return;
        }
        if (n == day.length) {
            int c = Math.max(4, n * 2);
            day = Arrays.copyOf(day, c);
            sum = Arrays.copyOf(sum, c);
            count = Arrays.copyOf(count, c);
        }
        day[n] = date;
        sum[n] = total;
        count[n] = orders;
        n++;
    }
}
