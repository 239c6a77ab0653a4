package org.gigrights.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The generator's ids must read exactly as a StringBuilder would have written them. */
class AsciiTextTests {
    @Test
    void numbersAndPartsReadAsAStringBuilderWritesThem() {
        AsciiText text = new AsciiText();
        long[] numbers = {
            0, 7, 9, 10, 99, 100, 12_345, Integer.MAX_VALUE, 9_876_543_210L, -42, Long.MIN_VALUE, Long.MAX_VALUE
        };
        for (long n : numbers) {
            text.clear().append("W1Z").append('-').append(n).append('o').append(n);
            String expected = new StringBuilder()
                    .append("W1Z")
                    .append('-')
                    .append(n)
                    .append('o')
                    .append(n)
                    .toString();
            assertThat(text.toString()).isEqualTo(expected);
            assertThat(text.length()).isEqualTo(expected.length());
            assertThat(text.charAt(expected.length() - 1)).isEqualTo(expected.charAt(expected.length() - 1));
            byte[] out = new byte[expected.length() + 3];
            assertThat(text.copyTo(out, 2)).isEqualTo(expected.length() + 2);
            assertThat(new String(out, 2, expected.length(), StandardCharsets.US_ASCII))
                    .isEqualTo(expected);
        }
    }

    @Test
    void growsPastItsFirstCapacity() {
        AsciiText text = new AsciiText();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append(i).append(',');
            expected.append(i).append(',');
        }
        assertThat(text.toString()).isEqualTo(expected.toString());
    }
}
