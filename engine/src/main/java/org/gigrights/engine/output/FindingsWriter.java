package org.gigrights.engine.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gigrights.rules.model.Finding;

/** Writes findings to {@code findings.csv} and {@code findings.jsonl}. */
public final class FindingsWriter {
    /** The header of the findings CSV. */
    public static final String CSV_HEADER = "rule,severity,platform,worker,date,value,threshold,citation,message";

    private static final JsonFactory JSON = new JsonFactory();

    private FindingsWriter() {}

    public static void csv(Path file, List<Finding> findings) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((CSV_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(csvRows(findings));
        }
    }

    public static void jsonl(Path file, List<Finding> findings) throws IOException {
        Files.write(file, jsonLines(findings));
    }

    /** Findings as CSV rows (no header), UTF-8. */
    static byte[] csvRows(List<Finding> findings) {
        // Rows are built as text and encoded at once: cheaper than a writer's per-character encoder.
        StringBuilder b = new StringBuilder(findings.size() * 400);
        for (Finding f : findings) {
            Csv.row(
                    b,
                    f.rule(),
                    f.severity().name(),
                    f.platform(),
                    f.worker(),
                    f.date().toString(),
                    f.value().toPlainString(),
                    f.threshold().toPlainString(),
                    f.citation(),
                    f.message());
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Findings as JSON Lines, UTF-8. */
    static byte[] jsonLines(List<Finding> findings) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(findings.size() * 900);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            for (Finding f : findings) {
                write(g, f);
                g.writeRaw('\n');
            }
        }
        return out.toByteArray();
    }

    /** One finding as a single-line JSON object. */
    public static String json(Finding f) throws IOException {
        StringWriter s = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(s)) {
            write(g, f);
        }
        return s.toString();
    }

    private static void write(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", f.rule());
        g.writeStringField("severity", f.severity().name());
        g.writeStringField("platform", f.platform());
        g.writeStringField("worker", f.worker());
        g.writeStringField("date", f.date().toString());
        g.writeFieldName("value");
        g.writeNumber(f.value());
        g.writeFieldName("threshold");
        g.writeNumber(f.threshold());
        g.writeStringField("citation", f.citation());
        g.writeStringField("message", f.message());
        g.writeArrayFieldStart("evidence");
        for (String id : f.evidence()) {
            g.writeString(id);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("details");
        for (Map.Entry<String, String> d : f.details().entrySet()) {
            g.writeStringField(d.getKey(), d.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
