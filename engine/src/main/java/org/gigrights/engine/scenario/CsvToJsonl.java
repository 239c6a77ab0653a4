package org.gigrights.engine.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Turns a simple scenario CSV (no quoted fields) into JSON Lines with the same fields, blanks left out. */
public final class CsvToJsonl {
    private CsvToJsonl() {}

    public static String convert(String csv) {
        String[] lines = csv.split("\n");
        String[] header = null;
        StringWriter out = new StringWriter();
        try {
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (header == null) {
                    header = f;
                    continue;
                }
                StringWriter s = new StringWriter();
                try (JsonGenerator g = new JsonFactory().createGenerator(s)) {
                    g.writeStartObject();
                    for (int i = 0; i < header.length && i < f.length; i++) {
                        if (!f[i].isEmpty()) {
                            g.writeStringField(header[i].strip(), f[i]);
                        }
                    }
                    g.writeEndObject();
                }
                out.write(s.toString());
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
