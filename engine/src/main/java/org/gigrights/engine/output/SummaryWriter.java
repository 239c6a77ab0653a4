package org.gigrights.engine.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.ingest.IngestStats;
import org.gigrights.rules.check.Counters;
import org.gigrights.rules.model.Finding;

/** Writes {@code summary.json}: what was read, what was found, what was counted. */
public final class SummaryWriter {
    private SummaryWriter() {}

    /** Findings counted by rule. */
    public static Map<String, Long> byRule(Iterable<Finding> findings) {
        return FindingSummary.of(findings).byRule();
    }

    /** Findings counted by platform, then rule. */
    public static Map<String, Map<String, Long>> byPlatform(Iterable<Finding> findings) {
        return FindingSummary.of(findings).byPlatform();
    }

    public static void write(Path file, AuditResult r) throws IOException {
        write(file, r, FindingSummary.of(r.findings()));
    }

    /** Writes the summary from a summary of the findings (which the result need not hold). */
    public static void write(Path file, AuditResult r, FindingSummary s) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                JsonGenerator g = new JsonFactory().createGenerator(w).useDefaultPrettyPrinter()) {
            IngestStats in = r.ingest();
            g.writeStartObject();
            g.writeStringField("pack", r.pack());
            g.writeStringField("started_at", r.startedAt().toString());
            g.writeStringField("finished_at", r.finishedAt().toString());
            g.writeNumberField("rows_read", in.rowsRead());
            g.writeNumberField("accepted", in.accepted());
            g.writeNumberField("duplicates", in.duplicates());
            g.writeNumberField("rejected", in.rejected());
            g.writeObjectFieldStart("rejected_by_reason");
            for (var e : new TreeMap<>(in.rejectedByCode()).entrySet()) {
                g.writeNumberField(e.getKey().name(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("inputs");
            for (Map.Entry<String, IngestStats.FileStats> e : in.files().entrySet()) {
                g.writeStartObject();
                g.writeStringField("file", e.getKey());
                g.writeNumberField("rows", e.getValue().rows);
                g.writeNumberField("rejected", e.getValue().rejected);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("findings", s.total());
            g.writeObjectFieldStart("findings_by_rule");
            for (var e : s.byRule().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("findings_by_platform");
            for (var p : s.byPlatform().entrySet()) {
                g.writeObjectFieldStart(p.getKey());
                for (var e : p.getValue().entrySet()) {
                    g.writeNumberField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeNumberField("platforms_evaluated", r.periodEnd().size());
            g.writeNumberField(Counters.WORKERS, r.counters().get(Counters.WORKERS));
            g.writeNumberField(Counters.WORKER_DAYS, r.counters().get(Counters.WORKER_DAYS));
            g.writeObjectFieldStart("counts");
            for (var e : r.counters().asMap().entrySet()) {
                if (!e.getKey().equals(Counters.WORKERS) && !e.getKey().equals(Counters.WORKER_DAYS)) {
                    g.writeNumberField(e.getKey(), e.getValue());
                }
            }
            for (String name : new String[] {
                Counters.ORDERS_WITHOUT_INTERVAL, Counters.HOLIDAY_SHORT_BASELINE, Counters.HOLIDAY_ZERO_BASELINE
            }) {
                if (r.counters().get(name) == 0) {
                    g.writeNumberField(name, 0);
                }
            }
            g.writeEndObject();
            g.writeObjectFieldStart("period_end");
            for (var e : r.periodEnd().entrySet()) {
                g.writeStringField(
                        e.getKey(), Instant.ofEpochMilli(e.getValue()).toString());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("warnings");
            for (String warning : r.warnings()) {
                g.writeString(warning);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
