package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The word-at-a-time helpers read eight bytes where they can and single bytes at the end of an
 * array: both ways must give the same answer, or one id would hash two ways and its copies would
 * not be found.
 */
class BytesTests {
    private static final Random RANDOM = new Random(2026);

    /** The same bytes in the middle of a larger array, and as the last bytes of an exact-size one. */
    private static byte[][] placements(byte[] text) {
        byte[] middle = new byte[text.length + 20];
        RANDOM.nextBytes(middle);
        System.arraycopy(text, 0, middle, 5, text.length);
        return new byte[][] {middle, text.clone()};
    }

    @Test
    void countsABytesOccurrencesLikeAByteLoop() {
        // Bytes near the one sought (0x0a): 0x0b and 0x8a differ from it in one bit, 0x00 and 0x80
        // test the carries; every length and start, so that each position of a word is covered.
        byte[] alphabet = {'\n', 0x0b, (byte) 0x8a, 0x00, (byte) 0x80, (byte) 0xff, 'a'};
        byte[] text = new byte[64];
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[RANDOM.nextInt(alphabet.length)];
            }
            for (int from = 0; from < 9; from++) {
                for (int to = from; to <= text.length; to++) {
                    int expected = 0;
                    for (int i = from; i < to; i++) {
                        expected += text[i] == '\n' ? 1 : 0;
                    }
                    assertThat(Bytes.count(text, from, to, (byte) '\n')).isEqualTo(expected);
                }
            }
        }
        byte[] lines = new byte[] {'\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n'};
        assertThat(Bytes.count(lines, 0, 9, (byte) '\n')).isEqualTo(9);
    }

    @Test
    void aRangeHashesTheSameWhereverItLies() {
        for (int len = 0; len <= 40; len++) {
            byte[] text = new byte[len];
            RANDOM.nextBytes(text);
            byte[][] p = placements(text);
            long inMiddle = Bytes.hash(p[0], 5, 5 + len);
            long atEnd = Bytes.hash(p[1], 0, len);
            assertThat(atEnd).as("length %d", len).isEqualTo(inMiddle);
        }
        String id = "骑手-W12-3-17";
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        assertThat(Bytes.hash(id)).isEqualTo(Bytes.hash(placements(utf8)[0], 5, 5 + utf8.length));
    }

    @Test
    void rangesThatDifferHashDifferently() {
        // Lengths and trailing zero bytes are part of the hash: "a" and "a\0" are two ids.
        byte[] b = {'a', 0, 'a', 'b'};
        assertThat(Bytes.hash(b, 0, 1)).isNotEqualTo(Bytes.hash(b, 0, 2));
        assertThat(Bytes.hash(b, 2, 3)).isNotEqualTo(Bytes.hash(b, 2, 4));
        assertThat(Bytes.hash(b, 0, 0)).isNotEqualTo(Bytes.hash(b, 1, 2));
    }

    @Test
    void prefixIsTheFirstEightBytesBigEndianZeroPadded() {
        for (int len = 0; len <= 12; len++) {
            byte[] text = new byte[len];
            for (int i = 0; i < len; i++) {
                text[i] = (byte) ('A' + RANDOM.nextInt(26));
            }
            long expected = 0;
            for (int i = 0; i < 8; i++) {
                expected = (expected << 8) | (i < len ? text[i] & 0xff : 0);
            }
            byte[][] p = placements(text);
            assertThat(Bytes.prefix(p[0], 5, 5 + len)).as("length %d", len).isEqualTo(expected);
            assertThat(Bytes.prefix(p[1], 0, len))
                    .as("length %d at the end", len)
                    .isEqualTo(expected);
        }
    }

    @Test
    void aShortIdComesBackFromItsTwoPrefixWords() {
        String printable = "!#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~";
        for (int len = 0; len <= 16; len++) {
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < len; i++) {
                id.append(printable.charAt(RANDOM.nextInt(printable.length())));
            }
            for (byte[] b : placements(id.toString().getBytes(StandardCharsets.US_ASCII))) {
                int from = b.length == len ? 0 : 5;
                long first = Bytes.prefix(b, from, from + len);
                long second = len <= 8 ? 0 : Bytes.prefix(b, from + 8, from + len);
                assertThat(Bytes.ascii(first, second, len)).as("length %d", len).isEqualTo(id.toString());
            }
        }
    }

    @Test
    void equalComparesEveryByte() {
        for (int len = 0; len <= 30; len++) {
            byte[] a = new byte[len + 3];
            RANDOM.nextBytes(a);
            byte[] b = new byte[len + 7];
            System.arraycopy(a, 3, b, 7, len);
            assertThat(Bytes.equal(a, 3, b, 7, len)).isTrue();
            for (int k = 0; k < len; k++) {
                byte[] c = b.clone();
                c[7 + k] ^= 0x40;
                assertThat(Bytes.equal(a, 3, c, 7, len))
                        .as("length %d, byte %d", len, k)
                        .isFalse();
            }
        }
    }
}
