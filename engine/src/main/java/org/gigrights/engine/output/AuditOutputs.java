package org.gigrights.engine.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.rules.model.Finding;

/** Writes the outputs of an audit into one directory. */
public final class AuditOutputs {
    public static final String FINDINGS_CSV = "findings.csv";
    public static final String FINDINGS_JSONL = "findings.jsonl";
    public static final String SUMMARY = "summary.json";
    public static final String REJECTS = "rejects.csv";
    public static final String REPORT = "report.html";

    private AuditOutputs() {}

    /** Findings rendered per task: small enough to share the work out, large enough to be cheap. */
    private static final int CHUNK = 4096;

    /**
     * Writes findings, summary and report; the rejects file is written while reading. The
     * findings are rendered in chunks on every core, then written in order.
     */
    public static void write(Path dir, AuditResult result) throws IOException {
        List<Finding> findings = result.findings();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gigrights-outputs");
            t.setDaemon(true);
            return t;
        });
        try {
            // The findings are rendered on the pool while this thread counts them and writes the
            // summary and the report, then writes the rendered chunks in order.
            List<Future<Utf8Out>> csv = new ArrayList<>();
            List<Future<Utf8Out>> jsonl = new ArrayList<>();
            for (int from = 0; from < findings.size(); from += CHUNK) {
                List<Finding> part = findings.subList(from, Math.min(findings.size(), from + CHUNK));
                csv.add(pool.submit(() -> FindingsWriter.csvRows(part)));
                jsonl.add(pool.submit(() -> FindingsWriter.jsonLines(part)));
            }
            FindingSummary counted = FindingSummary.of(findings);
            SummaryWriter.write(dir.resolve(SUMMARY), result, counted);
            HtmlReport.write(dir.resolve(REPORT), result, counted);
            // Each chunk is written as soon as it is rendered, so that few are held at once.
            try (OutputStream csvOut = Files.newOutputStream(dir.resolve(FINDINGS_CSV));
                    OutputStream jsonlOut = Files.newOutputStream(dir.resolve(FINDINGS_JSONL))) {
                csvOut.write((FindingsWriter.CSV_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
                for (int k = 0; k < csv.size(); k++) {
                    get(csv.get(k)).writeTo(csvOut);
                    csv.set(k, null);
                    get(jsonl.get(k)).writeTo(jsonlOut);
                    jsonl.set(k, null);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Writes the summary and the report of a run whose findings were written as they were made
     * (see {@link FindingsStream}).
     */
    public static void writeSummaryAndReport(Path dir, AuditResult result, FindingSummary findings) throws IOException {
        SummaryWriter.write(dir.resolve(SUMMARY), result, findings);
        HtmlReport.write(dir.resolve(REPORT), result, findings);
    }

    private static <T> T get(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }
}
