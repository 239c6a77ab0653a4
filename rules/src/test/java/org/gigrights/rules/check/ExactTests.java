package org.gigrights.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactTests {
    private static int expected(long a, long b, long c, long d) {
        return Integer.signum(BigInteger.valueOf(a)
                .multiply(BigInteger.valueOf(b))
                .compareTo(BigInteger.valueOf(c).multiply(BigInteger.valueOf(d))));
    }

    @Test
    void comparesProductsAsExactIntegersEvenWhenTheyOverflowALong() {
        long[][] edges = {
            {Long.MAX_VALUE, 2, Long.MAX_VALUE, 1},
            {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 1},
            {Long.MIN_VALUE, 1, Long.MIN_VALUE + 1, 1},
            {-3, 4, 2, -6},
            {1L << 40, 1L << 30, 1L << 35, 1L << 35},
            {0, Long.MAX_VALUE, -1, 1},
        };
        for (long[] e : edges) {
            assertThat(Integer.signum(Exact.compareProducts(e[0], e[1], e[2], e[3])))
                    .as("%d*%d vs %d*%d", e[0], e[1], e[2], e[3])
                    .isEqualTo(expected(e[0], e[1], e[2], e[3]));
        }
        Random r = new Random(17);
        for (int i = 0; i < 100_000; i++) {
            long a = r.nextLong() >> r.nextInt(64);
            long b = r.nextLong() >> r.nextInt(64);
            long c = r.nextLong() >> r.nextInt(64);
            long d = r.nextLong() >> r.nextInt(64);
            assertThat(Integer.signum(Exact.compareProducts(a, b, c, d))).isEqualTo(expected(a, b, c, d));
        }
    }
}
