package org.gigrights.engine.output;

import java.io.IOException;
import java.nio.file.Path;
import org.gigrights.engine.audit.AuditResult;

/** Writes the outputs of an audit into one directory. */
public final class AuditOutputs {
    public static final String FINDINGS_CSV = "findings.csv";
    public static final String FINDINGS_JSONL = "findings.jsonl";
    public static final String SUMMARY = "summary.json";
    public static final String REJECTS = "rejects.csv";
    public static final String REPORT = "report.html";

    private AuditOutputs() {}

    /**
     * Writes findings, summary and report; the rejects file is written while reading. The JSON
     * Lines file, the largest, is written on a second thread while the others are written here.
     */
    public static void write(Path dir, AuditResult result) throws IOException {
        java.util.concurrent.CompletableFuture<Void> jsonl = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                FindingsWriter.jsonl(dir.resolve(FINDINGS_JSONL), result.findings());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            FindingsWriter.csv(dir.resolve(FINDINGS_CSV), result.findings());
            SummaryWriter.write(dir.resolve(SUMMARY), result);
            HtmlReport.write(dir.resolve(REPORT), result);
        } finally {
            try {
                jsonl.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof java.io.UncheckedIOException u) {
                    throw u.getCause();
                }
                throw e;
            }
        }
    }
}
