package org.gigrights.server.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

class TableExportTests {
    static final List<String> HEADER = List.of("id", "text", "value");

    static byte[] export(TableExport.Format f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.write(
                f,
                "t",
                HEADER,
                rows -> {
                    rows.row(1L, "=HYPERLINK(\"http://x\",\"click\")", new BigDecimal("-2.50"));
                    rows.row(2L, "+1, \"quoted\"", new BigDecimal("3"));
                    rows.row(3L, "@SUM(A1)", null);
                    rows.row(4L, "-cmd|' /C calc'!A0", BigDecimal.ONE);
                    rows.row(5L, "渝北区", BigDecimal.TEN);
                },
                out);
        return out.toByteArray();
    }

    @Test
    void formulaLikeTextGetsAnApostropheInCsv() throws Exception {
        String csv = new String(export(TableExport.Format.CSV), StandardCharsets.UTF_8);
        assertThat(csv)
                .isEqualTo("\uFEFFid,text,value\r\n"
                        + "1,\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",-2.50\r\n"
                        + "2,\"'+1, \"\"quoted\"\"\",3\r\n"
                        + "3,'@SUM(A1),\r\n"
                        + "4,'-cmd|' /C calc'!A0,1\r\n"
                        + "5,渝北区,10\r\n");
    }

    @Test
    void formulaLikeTextGetsAnApostropheInExcelAndNumbersStayNumbers() throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(export(TableExport.Format.XLSX)))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(6);
            assertThat(rows.get(0).getCellText(1)).isEqualTo("text");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("'=HYPERLINK(\"http://x\",\"click\")");
            assertThat(rows.get(1).getCellAsNumber(2).orElseThrow()).isEqualByComparingTo("-2.5");
            assertThat(rows.get(3).getCellText(1)).isEqualTo("'@SUM(A1)");
            assertThat(rows.get(4).getCellText(1)).startsWith("'-cmd");
            assertThat(rows.get(5).getCellText(1)).isEqualTo("渝北区");
        }
    }

    @Test
    void plainTextIsUnchanged() {
        assertThat(TableExport.safe("MIN_WAGE")).isEqualTo("MIN_WAGE");
        assertThat(TableExport.safe("")).isEmpty();
        assertThat(TableExport.safe(null)).isEmpty();
        assertThat(TableExport.safe("\tx")).isEqualTo("'\tx");
    }
}
