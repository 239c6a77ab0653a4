package org.gigrights.server.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a table as CSV (UTF-8 with BOM, so that Excel reads Chinese text) or as an Excel workbook
 * (.xlsx), streamed. Text cells starting with {@code = + - @} (or a tab / carriage return) get a
 * leading apostrophe, so that a spreadsheet never runs a value as a formula (CSV/formula injection).
 * Numbers ({@link Number}) are written as numbers.
 */
public final class TableExport {
    /** The two formats. */
    public enum Format {
        CSV("text/csv; charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }

        /** {@code csv} or {@code xlsx}; anything else is a bad request. */
        public static Format of(String extension) {
            return switch (extension == null ? "" : extension.toLowerCase()) {
                case "csv" -> CSV;
                case "xlsx" -> XLSX;
                default -> throw new GigrightsException(ErrorCode.BAD_REQUEST, "export as csv or xlsx");
            };
        }
    }

    /** Receives the rows of a table, one call per row. */
    @FunctionalInterface
    public interface Rows {
        void row(Object... cells);
    }

    private TableExport() {}

    /** A text cell made safe for spreadsheets: a leading apostrophe before {@code = + - @ \t \r}. */
    public static String safe(String s) {
        if (s == null || s.isEmpty()) {
            return s == null ? "" : s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    /** Streams a table to the response as a download named {@code name.csv} or {@code name.xlsx}. */
    public static void write(
            Format format, String name, List<String> header, Consumer<Rows> body, HttpServletResponse response)
            throws IOException {
        response.setContentType(format.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension() + "\"");
        response.setHeader("Cache-Control", "no-store");
        write(format, name, header, body, response.getOutputStream());
    }

    /** Writes a table to a stream (not closed). */
    public static void write(Format format, String sheet, List<String> header, Consumer<Rows> body, OutputStream out)
            throws IOException {
        if (format == Format.CSV) {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.print('\uFEFF');
            w.print(csvLine(header.toArray()));
            body.accept(cells -> w.print(csvLine(cells)));
            w.flush();
            return;
        }
        Workbook wb = new Workbook(out, "gigrights", "1.0");
        Worksheet ws = wb.newWorksheet(sheet);
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, safe(header.get(c)));
            ws.style(0, c).bold().set();
        }
        int[] r = {1};
        body.accept(cells -> {
            int row = r[0]++;
            for (int c = 0; c < cells.length; c++) {
                Object v = cells[c];
                if (v instanceof BigDecimal d) {
                    ws.value(row, c, d);
                } else if (v instanceof Number n) {
                    ws.value(row, c, n);
                } else if (v != null) {
                    ws.value(row, c, safe(v.toString()));
                }
            }
            if (row % 1000 == 0) {
                try {
                    ws.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        wb.finish();
    }

    static String csvLine(Object[] cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = cells[i];
            if (v instanceof BigDecimal d) {
                sb.append(d.toPlainString());
            } else if (v instanceof Number n) {
                sb.append(n);
            } else if (v != null) {
                String s = safe(v.toString());
                if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                    sb.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(s);
                }
            }
        }
        return sb.append("\r\n").toString();
    }
}
