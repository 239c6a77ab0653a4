package org.gigrights.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON Lines lines end as the data standard says: a line feed, or CR LF; a lone CR is in the line. */
class JsonlRowReaderTests {
    private static List<RawRow> read(String text) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        new JsonlRowReader("f.jsonl", new BufferedReader(new StringReader(text))).read(rows::add, w -> {});
        return rows;
    }

    @Test
    void lineFeedsAndCrLfEndLinesAndNumberThem() throws IOException {
        List<RawRow> rows = read("{\"a\":\"1\"}\r\n\n{\"a\":\"2\"}\n{\"a\":\"3\"}\r");
        assertThat(rows).extracting(RawRow::line).containsExactly(1L, 3L, 4L);
        assertThat(rows).extracting(RawRow::raw).containsExactly("{\"a\":\"1\"}", "{\"a\":\"2\"}", "{\"a\":\"3\"}");
        assertThat(rows).allSatisfy(r -> assertThat(r.error()).isNull());
    }

    @Test
    void aCarriageReturnAloneIsWhiteSpaceInTheLineNotALineBreak() throws IOException {
        List<RawRow> rows = read("{\"a\":\r\"1\"}\n{\"a\":\"2\"}\r{\"a\":\"3\"}\n{\"a\":\"4\"}\n");
        assertThat(rows).extracting(RawRow::line).containsExactly(1L, 2L, 3L);
        assertThat(rows.get(0).error()).isNull();
        assertThat(rows.get(1).error().code()).isEqualTo(RejectCode.BAD_JSON);
        assertThat(rows.get(2).raw()).isEqualTo("{\"a\":\"4\"}");
    }

    @Test
    void longLinesAcrossTheReadersBufferStayWhole() throws IOException {
        String value = "x".repeat(20_000);
        List<RawRow> rows = read("{\"a\":\"" + value + "\"}\r\n{\"a\":\"y\"}");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).raw()).hasSize(value.length() + 8);
        assertThat(rows.get(1).line()).isEqualTo(2);
    }
}
