package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON Lines fast path takes the data standard's plain rows, as the generator and most
 * exporters write them, and leaves everything else to the standard reader.
 */
class JsonRowTests {
    private static final String PLAIN =
            "{\"event_id\":\"W1-0-3\",\"platform\":\"91500000MA60DLV02Y\",\"worker\":\"W1\","
                    + "\"type\":\"ORDER_COMPLETE\",\"time\":\"2026-04-20T08:10:09+08:00\",\"order\":\"W1o0-0\","
                    + "\"amount\":\"13.39\",\"insured\":\"true\"}";

    private static FastRow scan(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        JsonRow json = new JsonRow();
        json.scan(b, 0, b.length);
        return json.row();
    }

    private static String field(String line, FastRow row, int f) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return new String(b, row.start[f], row.end[f] - row.start[f], StandardCharsets.US_ASCII);
    }

    @Test
    void aPlainRowIsTakenWithItsValues() {
        for (String line : List.of(
                PLAIN,
                PLAIN.replace("\"insured\":\"true\"", "\"insured\":true"),
                PLAIN.replace("{", "{\"person\":null,"),
                PLAIN.replace("{", "{\"reason\":\"\","),
                PLAIN.replace("\":", "\": ").replace(",\"", ", \""),
                PLAIN.replace("\":", "\"\t:\t").replace(",", "\t,\t"),
                PLAIN.replace("{", "  { ").replace("}", " }  "),
                PLAIN.replace("\"W1\"", "\" W1 \"").replace("\"13.39\"", "\"13.39  \""),
                PLAIN + " ")) {
            FastRow row = scan(line);
            assertThat(row.parsed).as(line).isTrue();
            assertThat(field(line, row, FastRow.EVENT_ID)).isEqualTo("W1-0-3");
            assertThat(field(line, row, FastRow.WORKER)).isEqualTo("W1");
            assertThat(field(line, row, FastRow.ORDER)).isEqualTo("W1o0-0");
            assertThat(row.amount).isEqualTo(1339);
            assertThat(row.insured).isTrue();
            assertThat(row.empty(FastRow.PERSON)).isTrue();
            assertThat(row.empty(FastRow.REGION)).isTrue();
            assertThat(row.lineEnd).isEqualTo(line.length());
        }
    }

    @Test
    void otherFieldsAreSkippedAsTheStandardReaderSkipsThemAndNamedOnce() {
        JsonRow json = new JsonRow();
        for (String extra : List.of(
                "\"note\":\"x\"",
                "\"Note\":\"a \\\"quoted\\\" \\u96e8\\n\\/ \\\\ 雨天, {not an object}\"",
                "\"shift\":-12.5e+3",
                "\"seq\":0",
                "\"ok\":true,\"bad\":false",
                "\"gone\":null",
                "\"where\":{\"lat\":29.56, \"lng\":106.55,\"tags\":[\"a\",{\"b\":[]}, {}],\"n\":null}",
                "\"deep\":" + "[".repeat(JsonExtras.MAX_DEPTH) + "]".repeat(JsonExtras.MAX_DEPTH),
                "\"n1\":1, \"n2\" : 2")) {
            String line = "{" + extra + "," + PLAIN.substring(1, PLAIN.length() - 1) + ","
                    + extra.replace("\":", "_2\":").replace("\" :", "_2\" :") + "}";
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            json.scan(b, 0, b.length);
            FastRow row = json.row();
            assertThat(row.parsed).as(line).isTrue();
            assertThat(row.amount).isEqualTo(1339);
            assertThat(field(line, row, FastRow.WORKER)).isEqualTo("W1");
        }
        assertThat(json.extras.names)
                .containsExactly(
                        "bad", "bad_2", "deep", "deep_2", "gone", "gone_2", "n1", "n1_2", "n2", "n2_2", "note",
                        "note_2", "ok", "ok_2", "seq", "seq_2", "shift", "shift_2", "where", "where_2");
    }

    @Test
    void everNewOtherFieldsAreLeftToTheStandardReaderOnceManyAreKnownAndAllAreNamed() {
        JsonRow json = new JsonRow();
        java.util.Set<String> all = new java.util.TreeSet<>();
        int fast = 0;
        for (int line = 0; line < JsonExtras.MAX_KNOWN + 10; line++) {
            // Three new fields a line: the line that fills the list of known ones still names all three.
            String extra = "\"a" + line + "\":1,\"b" + line + "\":2,\"c" + line + "\":3,";
            byte[] b = PLAIN.replace("{", "{" + extra).getBytes(StandardCharsets.UTF_8);
            json.scan(b, 0, b.length);
            if (json.row().parsed) {
                fast++;
                all.addAll(List.of("a" + line, "b" + line, "c" + line));
            }
        }
        assertThat(fast).isEqualTo((JsonExtras.MAX_KNOWN + 2) / 3);
        assertThat(json.extras.names).isEqualTo(all);
    }

    @Test
    void otherFieldsTheStandardReaderWouldRefuseOrReadAsAStandardOneAreLeftToIt() {
        for (String extra : List.of(
                "\"note\":{\"a\":1,\"a\":2}",
                "\"note\":{\"a\":{\"b\":1,\"b\":2}}",
                "\"note\":" + "[".repeat(JsonExtras.MAX_DEPTH + 1) + "]".repeat(JsonExtras.MAX_DEPTH + 1),
                "\"note\":[1,]",
                "\"note\":{\"a\":1,}",
                "\"note\":{\"\\u0061\":1}",
                "\"note\":{\"a\" 1}",
                "\"note\":{\"a b\":1}",
                "\"note\":[1",
                "\"note\":[01]",
                "\"Type\":\"ONLINE\"",
                "\"WORKER\":\"W2\"",
                "\"note\":1,\"note\":2",
                "\"note\":\"tab\there\"",
                "\"note\":\"\\x\"",
                "\"note\":\"\\u12g4\"",
                "\"note\":01",
                "\"note\":1.",
                "\"note\":-",
                "\"note\":.5",
                "\"note\":1e",
                "\"note\":NaN",
                "\"note\":nul",
                "\"note\":\"unclosed",
                "\"\":1")) {
            String line = PLAIN.replace("{", "{" + extra + ",");
            assertThat(scan(line).parsed).as(line).isFalse();
        }
    }

    @Test
    void numbersAndWordsMayBeFollowedByWhiteSpace() {
        String spaced = PLAIN.replace("\"13.39\"", "13.39 ")
                .replace("\"true\"", "true\t")
                .replace("{", "{\"person\":null ,");
        FastRow row = scan(spaced);
        assertThat(row.parsed).isTrue();
        assertThat(row.amount).isEqualTo(1339);
        assertThat(row.insured).isTrue();
        assertThat(field(spaced, row, FastRow.WORKER)).isEqualTo("W1");
    }

    @Test
    void anythingElseIsLeftToTheStandardReader() {
        List<String> slow = List.of(
                PLAIN.replace("\":\"", "\":\r\""),
                PLAIN.replace("\":\"", "\":\u000b\""),
                PLAIN.replace("\":\"", "\":\u00a0\""),
                PLAIN.replace("\"W1\"", "\"\\u00571\""),
                PLAIN.replace("\"type\"", "\"Type\""),
                PLAIN.replace("}", ",\"type\":\"ONLINE\"}"),
                PLAIN.replace("{", "{\"type\":null,"),
                PLAIN.replace("{", "{\"person\":{\"a\":1},"),
                PLAIN + " x",
                PLAIN + "{}",
                "[" + PLAIN + "]",
                "\uFEFF" + PLAIN,
                PLAIN.substring(0, PLAIN.length() - 1),
                PLAIN.replace("\"W1\"", "\"W 1\""),
                PLAIN.replace("\"W1\"", "\"W,1\""));
        for (String line : slow) {
            assertThat(scan(line).parsed).as(line).isFalse();
        }
    }

    @Test
    void linesEndAtALineFeedOrCrLfAndACarriageReturnElsewhereStaysInTheLine() {
        for (String end : List.of("\n", "\r\n")) {
            for (String line : List.of(PLAIN, PLAIN + " x", "")) {
                byte[] b = (line + end + PLAIN + "\n").getBytes(StandardCharsets.UTF_8);
                JsonRow json = new JsonRow();
                int eol = json.scan(b, 0, b.length);
                assertThat(json.row().lineEnd).as(line + end).isEqualTo(line.length());
                assertThat(eol).isEqualTo(line.length() + end.length() - 1);
                int next = json.scan(b, eol + 1, b.length);
                assertThat(json.row().parsed).isTrue();
                assertThat(next).isEqualTo(b.length - 1);
            }
        }
        byte[] b = (PLAIN + "\r" + PLAIN + "\r\n").getBytes(StandardCharsets.UTF_8);
        JsonRow json = new JsonRow();
        assertThat(json.scan(b, 0, b.length)).isEqualTo(b.length - 1);
        assertThat(json.row().parsed).isFalse();
        assertThat(json.row().lineEnd).isEqualTo(b.length - 2);
    }

    @Test
    void plainRunsStopAtTheFirstByteAPlainStringMayNotHoldInEveryLane() {
        for (int c = 0; c < 256; c++) {
            for (int at = 0; at < 12; at++) {
                byte[] b = "abcdefghijklmnop".getBytes(StandardCharsets.US_ASCII);
                b[at] = (byte) c;
                int expected = FastRow.plainInJson((byte) c) ? b.length : at;
                assertThat(JsonRow.plainRun(b, 0, b.length))
                        .as("byte %d at %d", c, at)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void keysInAnotherOrderThanThePreviousLinesAreStillRead() {
        String reordered = "{\"worker\":\"W2\",\"type\":\"ONLINE\",\"time\":\"2026-04-20T09:00:00+08:00\","
                + "\"platform\":\"P\",\"event_id\":\"E9\"}";
        byte[] b = (PLAIN + "\n" + reordered + "\n" + PLAIN + "\n").getBytes(StandardCharsets.UTF_8);
        JsonRow json = new JsonRow();
        int eol = json.scan(b, 0, b.length);
        assertThat(json.row().parsed).isTrue();
        int second = eol + 1;
        eol = json.scan(b, second, b.length);
        FastRow row = json.row();
        assertThat(row.parsed).isTrue();
        String text = new String(b, StandardCharsets.UTF_8);
        assertThat(text.substring(row.start[FastRow.WORKER], row.end[FastRow.WORKER]))
                .isEqualTo("W2");
        assertThat(text.substring(row.start[FastRow.EVENT_ID], row.end[FastRow.EVENT_ID]))
                .isEqualTo("E9");
        assertThat(text.substring(row.start[FastRow.PLATFORM], row.end[FastRow.PLATFORM]))
                .isEqualTo("P");
        assertThat(row.empty(FastRow.ORDER)).isTrue();
        json.scan(b, eol + 1, b.length);
        assertThat(json.row().parsed).isTrue();
        assertThat(text.substring(json.row().start[FastRow.WORKER], json.row().end[FastRow.WORKER]))
                .isEqualTo("W1");
    }

    @Test
    void oneSpaceInPlaceOfTheTimesTIsTakenAndAnyOtherSpaceIsNot() {
        FastRow row = scan(PLAIN.replace("20T08:10:09", "20 08:10:09"));
        assertThat(row.parsed).isTrue();
        assertThat(row.time).isEqualTo(scan(PLAIN).time);
        assertThat(scan(PLAIN.replace("20T08:10:09", "20 08:10:09").replace("\"W1\"", "\"W 1\"")).parsed)
                .isFalse();
        assertThat(scan(PLAIN.replace("+08:00", " +08:00")).parsed).isFalse();
    }

    @Test
    void plainNumbersAreTakenAsTheirTextAndOtherNumbersAreNot() {
        String numbers = PLAIN.replace("\"13.39\"", "13.39").replace("{", "{\"region\":500115,");
        FastRow row = scan(numbers);
        assertThat(row.parsed).isTrue();
        assertThat(row.amount).isEqualTo(1339);
        assertThat(field(numbers, row, FastRow.REGION)).isEqualTo("500115");
        assertThat(scan(PLAIN.replace("\"13.39\"", "0")).amount).isZero();
        for (String amount : List.of("013.39", "-13.39", "13.39e0", "13.", ".5", "1.2.3", "13.39x", "13 .39")) {
            assertThat(scan(PLAIN.replace("\"13.39\"", amount)).parsed)
                    .as(amount)
                    .isFalse();
        }
    }
}
