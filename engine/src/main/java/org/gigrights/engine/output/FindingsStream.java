package org.gigrights.engine.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.gigrights.rules.model.Finding;

/**
 * Writes findings.csv and findings.jsonl as findings are made, in the order they come, and keeps
 * their {@link FindingSummary}: for runs too large to hold their findings.
 */
public final class FindingsStream implements Consumer<Finding>, AutoCloseable {
    private static final int CHUNK = 4096;

    private final OutputStream csv;
    private final OutputStream jsonl;
    private final FindingSummary summary = new FindingSummary();
    private final List<Finding> pending = new ArrayList<>(CHUNK);
    /** Each chunk's bytes, in buffers kept from chunk to chunk (new ones were 6 % of a stream's garbage). */
    private final Utf8Out csvBytes = new Utf8Out(CHUNK * 450);

    private final Utf8Out jsonlBytes = new Utf8Out(CHUNK * 900);

    public FindingsStream(Path dir) throws IOException {
        csv = new BufferedOutputStream(Files.newOutputStream(dir.resolve(AuditOutputs.FINDINGS_CSV)), 1 << 16);
        jsonl = new BufferedOutputStream(Files.newOutputStream(dir.resolve(AuditOutputs.FINDINGS_JSONL)), 1 << 16);
        csv.write((FindingsWriter.CSV_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void accept(Finding f) {
        summary.add(f);
        pending.add(f);
        if (pending.size() == CHUNK) {
            flushPending();
        }
    }

    private void flushPending() {
        try {
            FindingsWriter.csvRows(pending, csvBytes.clear()).writeTo(csv);
            FindingsWriter.jsonLines(pending, jsonlBytes.clear()).writeTo(jsonl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pending.clear();
    }

    /** What the summary and the report need. */
    public FindingSummary summary() {
        return summary;
    }

    @Override
    public void close() throws IOException {
        flushPending();
        try (csv;
                jsonl) {
            csv.flush();
            jsonl.flush();
        }
    }
}
