package org.gigrights.server.reporting.internal;

import jakarta.annotation.PreDestroy;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.gigrights.engine.ingest.Input;
import org.gigrights.server.reporting.BatchReceipt;
import org.gigrights.server.reporting.Progress;
import org.gigrights.server.reporting.Source;
import org.gigrights.server.shared.GigrightsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Uploaded files are received in the background, one at a time, so that the page can show progress
 * (bytes read, then workers recomputed) while a large file is stored. Jobs live in memory for an hour;
 * the batch itself is durable as soon as it is stored, whatever happens to its job.
 */
@Service
public class UploadJobs {
    private static final Logger log = LoggerFactory.getLogger(UploadJobs.class);
    private static final Duration KEEP = Duration.ofHours(1);

    /** Where a job is. */
    public enum Phase {
        QUEUED,
        READING,
        STORING,
        RECOMPUTING,
        DONE,
        FAILED
    }

    /** A job as the page shows it. */
    public record Status(
            UUID id,
            String owner,
            String fileName,
            Phase phase,
            long bytesRead,
            long bytes,
            int workersDone,
            int workersTotal,
            BatchReceipt receipt,
            String error) {
        /** 0..100, over reading (first half) and recomputing (second half). */
        public int percent() {
            return switch (phase) {
                case QUEUED -> 0;
                case READING -> (int) (bytes == 0 ? 0 : 45 * Math.min(bytesRead, bytes) / bytes);
                case STORING -> 50;
                case RECOMPUTING -> 50 + (workersTotal == 0 ? 0 : 50 * workersDone / workersTotal);
                case DONE, FAILED -> 100;
            };
        }

        public boolean finished() {
            return phase == Phase.DONE || phase == Phase.FAILED;
        }
    }

    private static final class Job implements Progress {
        final UUID id = UUID.randomUUID();
        final String owner;
        final String fileName;
        final long bytes;
        final Instant created;
        final AtomicLong bytesRead = new AtomicLong();
        volatile Phase phase = Phase.QUEUED;
        volatile int workersDone;
        volatile int workersTotal;
        volatile BatchReceipt receipt;
        volatile String error;

        Job(String owner, String fileName, long bytes, Instant created) {
            this.owner = owner;
            this.fileName = fileName;
            this.bytes = bytes;
            this.created = created;
        }

        @Override
        public void storing() {
            phase = Phase.STORING;
        }

        @Override
        public void recomputing(int done, int total) {
            phase = Phase.RECOMPUTING;
            workersDone = done;
            workersTotal = total;
        }

        Status status() {
            return new Status(
                    id, owner, fileName, phase, bytesRead.get(), bytes, workersDone, workersTotal, receipt, error);
        }
    }

    private final ReportingService reporting;
    private final Clock clock;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "upload-jobs");
        t.setDaemon(true);
        return t;
    });

    public UploadJobs(ReportingService reporting, Clock clock) {
        this.reporting = reporting;
        this.clock = clock;
    }

    /** Starts receiving a stored upload (the file is deleted when done); returns the job's id. */
    public UUID submit(String owner, String platform, String fileName, Input.Format format, Path file)
            throws IOException {
        Instant now = clock.instant();
        jobs.values()
                .removeIf(j -> j.created.plus(KEEP).isBefore(now) && j.status().finished());
        Job job = new Job(owner, fileName, Files.size(file), now);
        jobs.put(job.id, job);
        executor.execute(() -> run(job, platform, format, file));
        return job.id;
    }

    /** A job's status, only for the account that started it. */
    public Optional<Status> status(UUID id, String owner) {
        Job j = jobs.get(id);
        return j == null || !j.owner.equals(owner) ? Optional.empty() : Optional.of(j.status());
    }

    private void run(Job job, String platform, Input.Format format, Path file) {
        job.phase = Phase.READING;
        try (InputStream in = new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    job.bytesRead.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    job.bytesRead.addAndGet(n);
                }
                return n;
            }
        }) {
            job.receipt = reporting.receive(platform, Source.UPLOAD, format, in, null, job);
            job.phase = Phase.DONE;
        } catch (GigrightsException e) {
            job.error = e.code().name() + ": " + e.getMessage();
            job.phase = Phase.FAILED;
        } catch (Exception e) {
            log.warn("upload {} failed", job.id, e);
            job.error = e.getClass().getSimpleName() + ": " + e.getMessage();
            job.phase = Phase.FAILED;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("could not delete {}", file, e);
            }
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
