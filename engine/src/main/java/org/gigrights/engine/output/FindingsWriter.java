package org.gigrights.engine.output;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gigrights.rules.model.EventIds;
import org.gigrights.rules.model.Finding;

/** Writes findings to {@code findings.csv} and {@code findings.jsonl}. */
public final class FindingsWriter {
    /** The header of the findings CSV. */
    public static final String CSV_HEADER = "rule,severity,platform,worker,date,value,threshold,citation,message";

    private static final byte[] RULE = ascii("{\"rule\":");
    private static final byte[] SEVERITY = ascii(",\"severity\":");
    private static final byte[] PLATFORM = ascii(",\"platform\":");
    private static final byte[] WORKER = ascii(",\"worker\":");
    private static final byte[] DATE = ascii(",\"date\":");
    private static final byte[] VALUE = ascii(",\"value\":");
    private static final byte[] THRESHOLD = ascii(",\"threshold\":");
    private static final byte[] CITATION = ascii(",\"citation\":");
    private static final byte[] MESSAGE = ascii(",\"message\":");
    private static final byte[] EVIDENCE = ascii(",\"evidence\":[");
    private static final byte[] DETAILS = ascii("],\"details\":{");

    private FindingsWriter() {}

    public static void csv(Path file, List<Finding> findings) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((CSV_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            csvRows(findings).writeTo(out);
        }
    }

    public static void jsonl(Path file, List<Finding> findings) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            jsonLines(findings).writeTo(out);
        }
    }

    /** Findings as CSV rows (no header), UTF-8. */
    static Utf8Out csvRows(List<Finding> findings) {
        return csvRows(findings, new Utf8Out(findings.size() * 450));
    }

    /** Findings as CSV rows (no header), UTF-8, appended to {@code o}. */
    static Utf8Out csvRows(List<Finding> findings, Utf8Out o) {
        for (Finding f : findings) {
            o.csvFieldOften(f.rule()).ascii(',');
            o.csvFieldOften(f.severity().name()).ascii(',');
            o.csvFieldOften(f.platform()).ascii(',');
            o.csvFieldOften(f.worker()).ascii(',');
            o.csvField(f.date().toString()).ascii(',');
            o.csvField(f.value().toPlainString()).ascii(',');
            o.csvField(f.threshold().toPlainString()).ascii(',');
            o.csvFieldOften(f.citation()).ascii(',');
            o.csvField(f.message()).ascii('\n');
        }
        return o;
    }

    /** Findings as JSON Lines, UTF-8, as Jackson's generator writes them. */
    static Utf8Out jsonLines(List<Finding> findings) {
        return jsonLines(findings, new Utf8Out(findings.size() * 900));
    }

    /** Findings as JSON Lines, appended to {@code o}. */
    static Utf8Out jsonLines(List<Finding> findings, Utf8Out o) {
        for (Finding f : findings) {
            o.bytes(RULE).jsonStringOften(f.rule());
            o.bytes(SEVERITY).jsonStringOften(f.severity().name());
            o.bytes(PLATFORM).jsonStringOften(f.platform());
            o.bytes(WORKER).jsonStringOften(f.worker());
            o.bytes(DATE).jsonString(f.date().toString());
            o.bytes(VALUE);
            number(o, f.value());
            o.bytes(THRESHOLD);
            number(o, f.threshold());
            o.bytes(CITATION).jsonStringOften(f.citation());
            o.bytes(MESSAGE).jsonString(f.message());
            o.bytes(EVIDENCE);
            List<String> evidence = f.evidence();
            for (int i = 0; i < evidence.size(); i++) {
                if (i > 0) {
                    o.ascii(',');
                }
                if (evidence instanceof EventIds ids) {
                    o.jsonId(ids, i);
                } else {
                    o.jsonString(evidence.get(i));
                }
            }
            o.bytes(DETAILS);
            boolean first = true;
            for (Map.Entry<String, String> d : f.details().entrySet()) {
                if (!first) {
                    o.ascii(',');
                }
                first = false;
                o.jsonString(d.getKey()).ascii(':').jsonString(d.getValue());
            }
            o.ascii('}').ascii('}').ascii('\n');
        }
        return o;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A number as Jackson writes a {@link BigDecimal} by default: its {@code toString()}. */
    private static void number(Utf8Out o, BigDecimal v) {
        o.bytes(ascii(v == null ? "null" : v.toString()));
    }
}
