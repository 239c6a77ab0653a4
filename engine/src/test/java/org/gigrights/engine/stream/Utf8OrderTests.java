package org.gigrights.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Held ids, kept as UTF-8, compare exactly as their strings do. */
class Utf8OrderTests {
    /** ASCII, two- and three-byte characters, U+E000 and above, and a pair beyond U+FFFF. */
    private static final String[] PARTS = {"a", "B", "-", "9", "é", "ÿ", "中", "\uE000", "\uFFFD", "😀", "\uD83D\uDE01"};

    @Test
    void bytesCompareAsTheStringsDo() {
        Random random = new Random(14);
        for (int k = 0; k < 50_000; k++) {
            String a = text(random);
            String b = random.nextInt(4) == 0 ? a + text(random) : text(random);
            byte[] x = ("xx" + a).getBytes(StandardCharsets.UTF_8);
            byte[] y = b.getBytes(StandardCharsets.UTF_8);
            int got = Utf8Order.compare(x, 2, x.length - 2, y, 0, y.length);
            assertThat(Integer.signum(got)).as(a + " vs " + b).isEqualTo(Integer.signum(a.compareTo(b)));
        }
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = random.nextInt(5); i < n; i++) {
            s.append(PARTS[random.nextInt(PARTS.length)]);
        }
        return s.toString();
    }
}
