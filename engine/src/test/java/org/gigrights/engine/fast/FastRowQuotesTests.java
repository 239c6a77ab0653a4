package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quoted fields on the fast path: a field wholly quoted, with only plain bytes inside, is its
 * inner bytes (as the standard reader reads it); every other use of quotes is left to the slow
 * path, which decides it.
 */
class FastRowQuotesTests {
    private static final int[] STANDARD = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final String PLAIN =
            "W1-0-3,91500000MA60DLV02Y,W1,,ORDER_COMPLETE,2026-04-20T08:10:09+08:00,W1o0-0,13.39,,true,";

    /** The row with each field quoted as {@code quote} says: 'q' quoted, '-' as it is. */
    private static String quoted(String quote) {
        String[] f = PLAIN.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            if (quote.charAt(i) == 'q') {
                f[i] = "\"" + f[i] + "\"";
            }
        }
        return String.join(",", f);
    }

    private static FastRow scan(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        FastRow row = new FastRow(STANDARD);
        row.scan(b, 0, b.length);
        return row;
    }

    private static String field(String line, FastRow row, int f) {
        return new String(
                line.getBytes(StandardCharsets.UTF_8),
                row.start[f],
                row.end[f] - row.start[f],
                StandardCharsets.US_ASCII);
    }

    @Test
    void everyFieldQuotedParsesToTheSameValuesAsThePlainRow() {
        FastRow plain = scan(PLAIN);
        for (String quote : List.of("qqqqqqqqqqq", "q----------", "----------q", "-q-q-q-q-q-", "qq--qq--qqq")) {
            for (String end : List.of("", "\n", "\r\n")) {
                String line = quoted(quote) + end;
                FastRow row = scan(line);
                assertThat(row.parsed).as(line).isTrue();
                assertThat(row.time).isEqualTo(plain.time);
                assertThat(row.amount).isEqualTo(1339);
                assertThat(row.insured).isTrue();
                assertThat(row.type).isEqualTo(plain.type);
                assertThat(field(line, row, FastRow.EVENT_ID)).isEqualTo("W1-0-3");
                assertThat(field(line, row, FastRow.PLATFORM)).isEqualTo("91500000MA60DLV02Y");
                assertThat(field(line, row, FastRow.WORKER)).isEqualTo("W1");
                assertThat(field(line, row, FastRow.ORDER)).isEqualTo("W1o0-0");
                assertThat(row.empty(FastRow.PERSON)).isTrue();
                assertThat(row.empty(FastRow.REASON)).isTrue();
                assertThat(row.lineEnd).isEqualTo(quoted(quote).length());
            }
        }
    }

    @Test
    void oneSpaceInPlaceOfTheTimesTIsTakenQuotedOrNotAndAnyOtherSpaceInsideAValueIsNot() {
        FastRow plain = scan(PLAIN);
        for (String line :
                List.of(PLAIN.replace("20T08", "20 08"), quoted("qqqqqqqqqqq").replace("20T08", "20 08"))) {
            FastRow row = scan(line);
            assertThat(row.parsed).as(line).isTrue();
            assertThat(row.time).isEqualTo(plain.time);
        }
        for (String line : List.of(
                PLAIN.replace("20T08", "20  08"),
                PLAIN.replace("20T08", "20 08").replace(",W1,", ",W 1,"),
                PLAIN.replace("+08:00", " +08:00"),
                PLAIN.replace("W1-0-3", "W1 -0-3 "),
                quoted("qqqqqqqqqqq").replace("W1-0-3", "W1 0-3"))) {
            assertThat(scan(line).parsed).as(line).isFalse();
        }
    }

    @Test
    void spacesAroundValuesAreTrimmedAsTheStandardReaderTrimsThem() {
        FastRow plain = scan(PLAIN);
        String quotedPadded = quoted("qqqqqqqqqqq").replace("\"W1\"", "\" W1  \"");
        for (String line : List.of(
                PLAIN.replace(",", ", "),
                PLAIN.replace(",", " , ") + " ",
                PLAIN.replace(",W1,", ",W1 ,").replace(",,", ",   ,"),
                PLAIN.replace("20T08", "20 08").replace(",", ", "),
                quotedPadded,
                quoted("qqqqqqqqqqq").replace(",", ", "),
                quoted("qqqqqqqqqqq").replace(",", "  ,   ") + "  ",
                quoted("qqqqqqqqqqq").replace("20T08", "20 08").replace(",", " , "))) {
            FastRow row = scan(line);
            assertThat(row.parsed).as(line).isTrue();
            assertThat(field(line, row, FastRow.EVENT_ID)).isEqualTo("W1-0-3");
            assertThat(field(line, row, FastRow.WORKER)).isEqualTo("W1");
            assertThat(field(line, row, FastRow.ORDER)).isEqualTo("W1o0-0");
            assertThat(row.empty(FastRow.PERSON)).as(line).isTrue();
            assertThat(row.time).isEqualTo(plain.time);
            assertThat(row.amount).isEqualTo(plain.amount);
            assertThat(row.insured).isTrue();
        }
        // A value of spaces only is missing, as a blank value is: a missing event id is for the
        // standard reader to reject.
        assertThat(scan(PLAIN.replace("W1-0-3,", "   ,")).parsed).isFalse();
    }

    @Test
    void insuredIsReadInAnyCaseAsTheStandardReaderReadsIt() {
        for (String word : List.of("true", "True", "TRUE", "tRuE")) {
            FastRow row = scan(PLAIN.replace(",true,", "," + word + ","));
            assertThat(row.parsed).as(word).isTrue();
            assertThat(row.insured).as(word).isTrue();
        }
        for (String word : List.of("false", "False", "FALSE")) {
            FastRow row = scan(PLAIN.replace(",true,", "," + word + ","));
            assertThat(row.parsed).as(word).isTrue();
            assertThat(row.insured).as(word).isFalse();
        }
        for (String word : List.of("trux", "tru", "truee", "T", "1", "yes", "TRU\u0005")) {
            assertThat(scan(PLAIN.replace(",true,", "," + word + ",")).parsed)
                    .as(word)
                    .isFalse();
        }
    }

    @Test
    void aBackslashInsideQuotesIsAPlainByteAsOutsideThem() {
        String line = PLAIN.replace("W1o0-0", "\"W1\\o0\\\\-0\\\"");
        FastRow row = scan(line);
        assertThat(row.parsed).as(line).isTrue();
        assertThat(field(line, row, FastRow.ORDER)).isEqualTo("W1\\o0\\\\-0\\");
    }

    @Test
    void theLineEndsWhereTheLastQuoteClosesAndTheNextLineIsItsOwn() {
        String two = quoted("qqqqqqqqqqq") + "\r\n" + PLAIN + "\n";
        byte[] b = two.getBytes(StandardCharsets.UTF_8);
        FastRow row = new FastRow(STANDARD);
        int eol = row.scan(b, 0, b.length);
        assertThat(row.parsed).isTrue();
        assertThat(b[eol]).isEqualTo((byte) '\n');
        assertThat(row.lineEnd).isEqualTo(eol - 1);
        eol = row.scan(b, eol + 1, b.length);
        assertThat(row.parsed).isTrue();
        assertThat(eol).isEqualTo(b.length - 1);
    }

    @Test
    void anyOtherQuoteIsLeftToTheSlowPath() {
        List<String> slow = List.of(
                // a doubled quote inside, a comma inside, a line break inside
                PLAIN.replace("W1o0-0", "\"W1\"\"o0\""),
                PLAIN.replace("W1o0-0", "\"W1,o0\""),
                PLAIN.replace("W1o0-0", "\"W1\no0\""),
                // text after the closing quote, a quote inside a field, an unclosed quote
                PLAIN.replace(",W1,", ",\"W1\"x,"),
                PLAIN.replace(",W1,", ",W\"1,"),
                PLAIN + "\"",
                // a letter before the opening quote or after the closing one, a space inside
                PLAIN.replace(",W1,", ", x\"W1\","),
                PLAIN.replace(",W1,", ", \"W1\" x,"),
                PLAIN.replace(",W1,", ",\"W 1\","),
                // one or two fields too many after a quoted last field
                quoted("qqqqqqqqqqq") + ",\"x\"",
                quoted("qqqqqqqqqqq") + ",\"x\",\"y\"");
        for (String line : slow) {
            assertThat(scan(line).parsed).as(line).isFalse();
        }
    }

    @Test
    void aHeaderWithEveryNameQuotedIsPlainAndOneWithQuotesInsideIsNot() {
        assertThat(Reading.plainHeader("\"event_id\",platform,\"worker\""))
                .containsExactly("event_id", "platform", "worker");
        assertThat(Reading.plainHeader("\"\",x")).containsExactly("", "x");
        assertThat(Reading.plainHeader("\"event_id\", \"platform\" ,\t\"worker\"\t"))
                .containsExactly("event_id", "platform", "worker");
        assertThat(Reading.plainHeader("event_id , platform")).containsExactly("event_id", "platform");
        assertThat(Reading.plainHeader("\"event_id\" x,platform")).isNull();
        assertThat(Reading.plainHeader("\"event\"\"id\",x")).isNull();
        assertThat(Reading.plainHeader("\"event_id,x")).isNull();
    }
}
