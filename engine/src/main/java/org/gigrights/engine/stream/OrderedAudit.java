package org.gigrights.engine.stream;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.fast.CsvBatches;
import org.gigrights.engine.fast.RowBatch;
import org.gigrights.engine.ingest.IngestStats;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.ingest.RejectCode;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.params.RulePack;

/**
 * The streaming audit: reads time-ordered input once, judges each worker's dates as soon as they
 * are final, and keeps only what later dates need.
 *
 * <p>Exact (equal to the file audit) for input within two written bounds, both settings: each
 * worker's rows come in event-time order give or take {@code lateness}, and each order's events
 * lie within {@code orderWindow} of its first event. A row outside them is rejected as {@link
 * RejectCode#LATE} and counted, never silently absorbed. Workers that fall silent are judged once
 * the whole input has moved {@code idle} past them. See ADR 14.
 */
public final class OrderedAudit {
    /** The bounds of the streaming audit. */
    public record Bounds(Duration orderWindow, Duration lateness, Duration idle) {
        /** The defaults: orders within 12 h, rows in order within 1 h, silent workers after 36 h. */
        public static Bounds defaults() {
            return new Bounds(Duration.ofHours(12), Duration.ofHours(1), Duration.ofHours(36));
        }
    }

    /** Whether to print what the workers hold at each progress line (GIGRIGHTS_STREAM_STATS=1). */
    private static final boolean STATE_STATS = System.getenv("GIGRIGHTS_STREAM_STATS") != null;

    /**
     * Rows between two sweeps of silent workers (small in tests). A sweep falls after an exact
     * number of rows, not at the end of a batch: batches end wherever reads of a pipe happened to
     * end, and the findings must come in one order for one input.
     */
    static long sweepRows = 1_000_000;

    /** Bytes of CSV per batch (small in tests). */
    static int batchBytes = 4 << 20;

    private final RulePack pack;
    private final Clock clock;
    private final Bounds bounds;
    private Instant periodEnd;
    private Consumer<Finding> sink;

    public OrderedAudit(RulePack pack, Clock clock, Bounds bounds) {
        this.pack = pack;
        this.clock = clock;
        this.bounds = bounds;
        if (bounds.orderWindow().isNegative()
                || bounds.lateness().isNegative()
                || bounds.idle().isNegative()) {
            throw new IllegalArgumentException("the streaming bounds must not be negative");
        }
    }

    /** Fixes the end of the reporting period for every platform (default: each one's latest event). */
    public OrderedAudit periodEnd(Instant end) {
        this.periodEnd = end;
        return this;
    }

    /**
     * Hands each finding to a consumer as it is made, in the order made, instead of keeping them:
     * the result then holds no findings. For inputs whose findings do not fit in memory.
     */
    public OrderedAudit findings(Consumer<Finding> consumer) {
        this.sink = consumer;
        return this;
    }

    private long declinedRows;
    private long rowsRead;

    /** Of the last run's rows, those the standard reader read, as {@code FastAudit.declinedRows}. */
    public long declinedRows() {
        return declinedRows;
    }

    /** The last run's rows read. */
    public long rowsRead() {
        return rowsRead;
    }

    /**
     * Reads every input in order and judges every worker.
     *
     * @param rejects receives each rejected row as it is found
     * @param warnings receives warnings about whole inputs
     * @param progress receives the count of rows read, every million rows
     */
    public AuditResult run(
            List<Input> inputs, Consumer<Rejection> rejects, Consumer<String> warnings, Consumer<Long> progress)
            throws IOException {
        Instant started = clock.instant();
        declinedRows = 0;
        rowsRead = 0;
        IngestStats stats = new IngestStats();
        List<String> warningList = Collections.synchronizedList(new ArrayList<>());
        Consumer<String> warn = w -> {
            warningList.add(w);
            warnings.accept(w);
        };
        List<Finding> kept = new ArrayList<>();
        Judge judge = new Judge(pack, bounds.orderWindow().toMillis(), sink != null ? sink : kept::add);
        Run run = new Run(judge, stats, rejects, progress);
        // One thread reads and parses, this one judges: the two cores each take one half of the work.
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
        // Judged batches go back to the reader to be filled again: nothing keeps a batch's arrays.
        java.util.Queue<RowBatch> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> read(inputs, queue, spare, warn), "gigrights-stream-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Object item = queue.take();
                if (item instanceof RowBatch batch) {
                    declinedRows += batch.declined;
                    rowsRead += batch.rows;
                    run.batch(batch);
                    spare.offer(batch);
                } else if (item instanceof String file) {
                    stats.file(file);
                    run.fileIndex = run.files.size();
                    run.files.add(file);
                } else if (item instanceof IOException e) {
                    throw e;
                } else if (item instanceof RuntimeException e) {
                    throw e;
                } else {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            reader.interrupt();
        }
        // The end of input seals everything; the period ends are known only once every event is fed.
        for (StreamWorker w : run.workers) {
            if (w != null) {
                judge.advance(w, Long.MAX_VALUE);
            }
        }
        Map<String, Long> ends = new TreeMap<>();
        judge.periodEnds.forEach((p, t) -> ends.put(p, t[0]));
        if (periodEnd != null) {
            ends.replaceAll((p, t) -> periodEnd.toEpochMilli());
        }
        judge.replayPaid(run.workers, ends);
        for (StreamWorker w : run.workers) {
            if (w != null && w.evaluated) {
                judge.finish(w, ends.get(w.platform));
            }
        }
        judge.close();
        stats.accepted(run.accepted);
        stats.duplicates(run.duplicates);
        kept.sort(Finding.ORDER);
        return new AuditResult(
                pack.name(), started, clock.instant(), kept, stats, judge.counters, ends, List.copyOf(warningList));
    }

    /** The reader thread: each input's name, then its batches; at the end, a marker or the failure. */
    private static void read(
            List<Input> inputs, BlockingQueue<Object> queue, java.util.Queue<RowBatch> spare, Consumer<String> warn) {
        try {
            CsvBatches.Numbering numbering = new CsvBatches.Numbering();
            for (Input input : inputs) {
                queue.put(input.name());
                try (InputStream in = input.openStream()) {
                    CsvBatches batches = new CsvBatches(input.name(), in, numbering, batchBytes).reuse(spare);
                    boolean rows = input.format() == Input.Format.CSV ? batches.header(warn) : batches.json();
                    if (rows) {
                        for (RowBatch b = batches.next(); b != null; b = batches.next()) {
                            queue.put(b);
                        }
                        batches.warnUnknownFields(warn);
                    }
                }
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            try {
                queue.put(e);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final Object END = new Object();

    /** One run's judging state: the workers, the counts and where rows go. */
    private final class Run {
        StreamWorker[] workers = new StreamWorker[1024];
        final List<String> files = new ArrayList<>();
        final Judge judge;
        final IngestStats stats;
        final Consumer<Rejection> rejects;
        final Consumer<Long> progress;
        final long lateness = bounds.lateness().toMillis();
        final long idle = bounds.idle().toMillis();
        final long window = bounds.orderWindow().toMillis();
        int fileIndex;
        long accepted;
        long duplicates;
        long latest = Long.MIN_VALUE;
        /** Rows given to {@link #row}, and the count at which the next sweep falls. */
        long judged;

        long nextSweep = sweepRows;
        long nextProgress = sweepRows;

        Run(Judge judge, IngestStats stats, Consumer<Rejection> rejects, Consumer<Long> progress) {
            this.judge = judge;
            this.stats = stats;
            this.rejects = rejects;
            this.progress = progress;
        }

        void batch(RowBatch b) {
            for (Object[] nw : b.newWorkers) {
                int id = (Integer) nw[0];
                if (id >= workers.length) {
                    workers = java.util.Arrays.copyOf(workers, Math.max(id + 1, workers.length * 2));
                }
                workers[id] = new StreamWorker(id, (String) nw[1], (String) nw[2]);
            }
            String file = files.get(fileIndex);
            stats.rows(file, b.rows);
            // Rows the parser rejected go out in line order among the rows judged, whatever the batches.
            int nextReject = 0;
            for (int r = 0; r < b.size; r++) {
                while (nextReject < b.rejects.size()
                        && b.rejects.get(nextReject).line() < b.line[r]) {
                    reject(b.rejects.get(nextReject++));
                }
                row(b, r);
                if (++judged == nextSweep) {
                    nextSweep += sweepRows;
                    sweep();
                }
            }
            while (nextReject < b.rejects.size()) {
                reject(b.rejects.get(nextReject++));
            }
            if (stats.rowsRead() >= nextProgress) {
                progress.accept(stats.rowsRead());
                nextProgress = (stats.rowsRead() / sweepRows + 1) * sweepRows;
                if (STATE_STATS) {
                    StateStats.print(workers);
                }
            }
        }

        private void row(RowBatch b, int r) {
            StreamWorker w = workers[b.worker[r]];
            int same = w.find(b, r);
            if (same >= 0) {
                if (w.content(same) == b.content[r]) {
                    duplicates++;
                    w.resent.copy(w.eventId(same), fileIndex, b.line[r]);
                    return;
                }
                conflict(w, same, b, r);
                return;
            }
            if (w.resent.isConflicted(b.idHash[r])) {
                reject(
                        b,
                        r,
                        RejectCode.CONFLICT,
                        "event_id " + b.id(r) + " of platform " + w.platform
                                + " appears in rows with different content");
                return;
            }
            long t = b.time[r];
            if (t < w.sealed) {
                reject(
                        b,
                        r,
                        RejectCode.LATE,
                        "event time " + Instant.ofEpochMilli(t)
                                + " is before this worker's events judged so far (up to "
                                + Instant.ofEpochMilli(w.sealed) + ")");
                return;
            }
            if (b.type[r] < StreamWorker.FIRST_NON_ORDER) {
                if (w.orderSpanWith(b.order[r], t) > window) {
                    reject(
                            b,
                            r,
                            RejectCode.LATE,
                            "the order's events are more than " + bounds.orderWindow() + " apart (the order window)");
                    return;
                }
            }
            w.insert(b, r, fileIndex);
            accepted++;
            latest = Math.max(latest, t);
            // Sealing waits until a date can be judged: rows behind the latest by more than the
            // lateness are still taken while their time is not judged.
            if (w.latest - lateness >= w.due) {
                judge.advance(w, w.latest - lateness);
            }
        }

        /** Rows with one id and different content: every one is rejected, if the first is not yet judged. */
        private void conflict(StreamWorker w, int same, RowBatch b, int r) {
            String id = w.eventId(same);
            String why = "event_id " + id + " of platform " + w.platform + " appears in rows with different content";
            if (same >= w.fed) {
                reject(new Rejection(
                        files.get(w.file(same)),
                        w.line(same),
                        RejectCode.CONFLICT,
                        why + " (first row; its text is not kept by the streaming audit)",
                        ""));
                long[] copies = w.resent.takeCopies(id);
                for (int k = 0; copies != null && k < copies.length; k += 2) {
                    duplicates--;
                    reject(new Rejection(
                            files.get((int) copies[k]),
                            copies[k + 1],
                            RejectCode.CONFLICT,
                            why + " (a copy of the first row)",
                            ""));
                }
                w.remove(same);
                accepted--;
                w.resent.markConflicted(b.idHash[r]);
                reject(b, r, RejectCode.CONFLICT, why);
                return;
            }
            judge.counters.increment(LATE_CONFLICTS);
            reject(b, r, RejectCode.CONFLICT, why + " (the first row was already judged and stands)");
        }

        /** Judges the dates of workers the input has left behind. */
        private void sweep() {
            if (latest == Long.MIN_VALUE) {
                return;
            }
            long cut = latest - idle;
            for (StreamWorker w : workers) {
                if (w != null && w.sealed < cut && cut >= w.due && w.n > 0) {
                    judge.advance(w, cut);
                }
            }
        }

        private void reject(RowBatch b, int r, RejectCode code, String detail) {
            reject(new Rejection(files.get(fileIndex), b.line[r], code, detail, ""));
        }

        private void reject(Rejection r) {
            stats.rejected(r);
            rejects.accept(r);
        }
    }

    /** Counted when a conflicting row comes after the first row of its id was judged. */
    public static final String LATE_CONFLICTS = "stream_late_conflicts";
}
