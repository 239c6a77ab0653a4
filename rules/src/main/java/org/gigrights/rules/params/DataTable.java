package org.gigrights.rules.params;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the small CSV data files that hold parameters: a header row, {@code #} comment lines, and
 * fields that may be double-quoted.
 */
public final class DataTable {
    private DataTable() {}

    /** One data row by column name, with its line number for error messages. */
    public record Row(String source, int line, Map<String, String> values) {
        /** The value of a column that must be present and non-blank. */
        public String require(String column) {
            String v = values.get(column);
            if (v == null || v.isBlank()) {
                throw new ParameterException(source + ":" + line + ": missing " + column);
            }
            return v.trim();
        }

        /** The value of an optional column, or the fallback when it is absent or blank. */
        public String optional(String column, String fallback) {
            String v = values.get(column);
            return v == null || v.isBlank() ? fallback : v.trim();
        }
    }

    /** Reads every data row of a stream, closing it. */
    public static List<Row> read(String source, InputStream in) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = null;
            String text;
            int line = 0;
            while ((text = r.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                List<String> fields = split(text);
                if (header == null) {
                    header = fields;
                    continue;
                }
                if (fields.size() > header.size()) {
                    throw new ParameterException(source + ":" + line + ": more fields than the header has");
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < fields.size(); i++) {
                    values.put(header.get(i).trim(), fields.get(i));
                }
                rows.add(new Row(source, line, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return rows;
    }

    /** Splits one line on commas, honouring double quotes ({@code ""} inside quotes is a quote). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
