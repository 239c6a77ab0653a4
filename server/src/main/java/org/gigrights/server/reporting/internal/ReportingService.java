package org.gigrights.server.reporting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.gigrights.engine.ingest.Ingest;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.rules.model.WorkEvent;
import org.gigrights.server.GigrightsProperties;
import org.gigrights.server.findings.Recomputation;
import org.gigrights.server.reporting.ApiSignature;
import org.gigrights.server.reporting.BatchReceipt;
import org.gigrights.server.reporting.Progress;
import org.gigrights.server.reporting.Source;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives one batch: streams and validates it, stores the raw body, the events and the rejects in
 * one transaction, answers only after commit, then recomputes the findings of the workers touched.
 */
@Service
public class ReportingService {
    private static final Logger log = LoggerFactory.getLogger(ReportingService.class);

    private final EventStore events;
    private final BatchRepository batches;
    private final Recomputation recomputation;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final long maxBodyBytes;

    public ReportingService(
            EventStore events,
            BatchRepository batches,
            Recomputation recomputation,
            TransactionTemplate tx,
            Clock clock,
            GigrightsProperties props) {
        this.events = events;
        this.batches = batches;
        this.recomputation = recomputation;
        this.tx = tx;
        this.clock = clock;
        this.maxBodyBytes = props.api().maxBodyBytes();
    }

    /**
     * Receives a batch of one platform.
     *
     * @param declaredSha256 the body hash the request was signed with, or null (uploads)
     */
    public BatchReceipt receive(
            String platform, Source source, Input.Format format, InputStream body, String declaredSha256)
            throws IOException {
        return receive(platform, source, format, body, declaredSha256, Progress.NONE);
    }

    /** Receives a batch as above, telling {@code progress} when it stores and while it recomputes. */
    public BatchReceipt receive(
            String platform,
            Source source,
            Input.Format format,
            InputStream body,
            String declaredSha256,
            Progress progress)
            throws IOException {
        Path raw = Files.createTempFile("gigrights-batch", ".gz");
        try {
            MessageDigest sha = ApiSignature.sha256();
            List<Rejection> rejects = new ArrayList<>();
            Ingest ingest = new Ingest(rejects::add, w -> {}, n -> {}).onlyPlatform(platform);
            try (OutputStream copy = new GZIPOutputStream(Files.newOutputStream(raw), 1 << 16);
                    InputStream in = new TeeInputStream(
                            new DigestInputStream(new LimitedInputStream(body, maxBodyBytes), sha), copy)) {
                ingest.read(new Input("batch", () -> in, format, false));
                in.transferTo(OutputStream.nullOutputStream());
            }
            Map<String, Map<String, List<WorkEvent>>> accepted = ingest.finish();
            String hash = HexFormat.of().formatHex(sha.digest());
            if (declaredSha256 != null && !declaredSha256.equalsIgnoreCase(hash)) {
                throw new GigrightsException(
                        ErrorCode.BODY_HASH_MISMATCH,
                        "the body's SHA-256 is " + hash + ", the request declared " + declaredSha256);
            }
            Optional<BatchReceipt> earlier = batches.find(platform, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            List<WorkEvent> mine = new ArrayList<>();
            accepted.getOrDefault(platform, Map.of()).values().forEach(mine::addAll);
            Instant now = clock.instant();
            UUID id = UUID.randomUUID();
            var stats = ingest.stats();
            progress.storing();
            EventStore.Merge merge = tx.execute(s -> {
                batches.lock(platform);
                if (batches.find(platform, hash).isPresent()) {
                    return null;
                }
                batches.insert(id, platform, source, format, hash, now, raw);
                EventStore.Merge m;
                try {
                    m = events.merge(platform, id, mine, now);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                batches.rejects(id, rejects);
                long dup = stats.duplicates() + m.duplicates();
                batches.counts(
                        id, stats.rowsRead(), stats.accepted() - m.duplicates(), m.corrected(), dup, stats.rejected());
                return m;
            });
            if (merge == null) {
                return batches.find(platform, hash).orElseThrow();
            }
            long recomputed = recomputation.recompute(platform, merge.affectedWorkers(), id, progress::recomputing);
            batches.recomputed(id, recomputed);
            log.info(
                    "batch {} of {}: {} rows, {} new, {} corrected, {} duplicates, {} rejected, {} workers recomputed",
                    id,
                    platform,
                    stats.rowsRead(),
                    merge.inserted() - merge.corrected(),
                    merge.corrected(),
                    stats.duplicates() + merge.duplicates(),
                    stats.rejected(),
                    recomputed);
            return batches.get(id).orElseThrow();
        } finally {
            Files.deleteIfExists(raw);
        }
    }
}
