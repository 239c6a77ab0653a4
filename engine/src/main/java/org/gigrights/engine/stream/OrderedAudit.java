package org.gigrights.engine.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.ingest.CsvRowReader;
import org.gigrights.engine.ingest.EventParser;
import org.gigrights.engine.ingest.IngestStats;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.ingest.JsonlRowReader;
import org.gigrights.engine.ingest.RawRow;
import org.gigrights.engine.ingest.RejectCode;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.rules.check.Counters;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.WorkEvent;
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
        /** The defaults: orders within 24 h, rows in order within 1 h, silent workers after 36 h. */
        public static Bounds defaults() {
            return new Bounds(Duration.ofHours(24), Duration.ofHours(1), Duration.ofHours(36));
        }
    }

    /** Rows between two sweeps of silent workers. */
    private static final long SWEEP_ROWS = 1_000_000;

    private final RulePack pack;
    private final Clock clock;
    private final Bounds bounds;
    private Instant periodEnd;

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
        IngestStats stats = new IngestStats();
        List<String> warningList = new ArrayList<>();
        Judge judge = new Judge(pack, bounds.orderWindow().toMillis());
        Run run = new Run(judge, stats, rejects, progress);
        for (Input input : inputs) {
            stats.file(input.name());
            run.fileIndex = run.files.size();
            run.files.add(input.name());
            var decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            Consumer<String> warn = w -> {
                warningList.add(w);
                warnings.accept(w);
            };
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(input.openStream(), decoder), 1 << 16)) {
                if (input.format() == Input.Format.CSV) {
                    new CsvRowReader(input.name(), reader).read(run::row, warn);
                } else {
                    new JsonlRowReader(input.name(), reader).read(run::row, warn);
                }
            }
        }
        // The end of input seals everything; the period ends are known only once every event is fed.
        for (StreamWorker w : run.workers.values()) {
            judge.advance(w, Long.MAX_VALUE);
        }
        Map<String, Long> ends = new TreeMap<>(judge.periodEnds);
        if (periodEnd != null) {
            ends.replaceAll((p, t) -> periodEnd.toEpochMilli());
        }
        for (StreamWorker w : run.workers.values()) {
            if (w.evaluated) {
                judge.finish(w, ends.get(w.platform));
            }
        }
        stats.accepted(run.accepted);
        stats.duplicates(run.duplicates);
        List<Finding> findings = new ArrayList<>(judge.findings);
        findings.sort(Finding.ORDER);
        Counters counters = judge.counters;
        return new AuditResult(
                pack.name(), started, clock.instant(), findings, stats, counters, ends, List.copyOf(warningList));
    }

    /** One run's reading state: the workers, the counts and where rows go. */
    private final class Run {
        final Map<String, StreamWorker> workers = new HashMap<>();
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

        Run(Judge judge, IngestStats stats, Consumer<Rejection> rejects, Consumer<Long> progress) {
            this.judge = judge;
            this.stats = stats;
            this.rejects = rejects;
            this.progress = progress;
        }

        void row(RawRow row) {
            stats.row(row.file());
            if (stats.rowsRead() % SWEEP_ROWS == 0) {
                progress.accept(stats.rowsRead());
                sweep();
            }
            EventParser.Result result = EventParser.parse(row);
            if (result.rejection() != null) {
                reject(result.rejection());
                return;
            }
            WorkEvent e = result.event();
            StreamWorker w = workers.computeIfAbsent(
                    e.platform() + '\u0000' + e.worker(), k -> new StreamWorker(e.platform(), e.worker()));
            long hash = Hashes.content(e);
            int same = w.find(e.eventId());
            if (same >= 0) {
                if (w.content[same] == hash) {
                    duplicates++;
                    w.copy(e.eventId(), fileIndex, row.line());
                    return;
                }
                conflict(w, same, row);
                return;
            }
            if (w.isConflicted(e.eventId())) {
                reject(
                        row,
                        RejectCode.CONFLICT,
                        "event_id " + e.eventId() + " of platform " + e.platform()
                                + " appears in rows with different content");
                return;
            }
            if (e.timeMillis() < w.sealed) {
                reject(
                        row,
                        RejectCode.LATE,
                        "event time " + Instant.ofEpochMilli(e.timeMillis())
                                + " is before this worker's events judged so far (up to "
                                + Instant.ofEpochMilli(w.sealed) + ")");
                return;
            }
            long orderKey = 0;
            if (e.order() != null) {
                orderKey = Hashes.text(e.order());
                long firstOfOrder = Math.min(w.orderFirst(orderKey), e.timeMillis());
                long lastOfOrder = Math.max(w.orderLast(orderKey), e.timeMillis());
                if (lastOfOrder - firstOfOrder > window) {
                    reject(
                            row,
                            RejectCode.LATE,
                            "order " + e.order() + " has events more than " + bounds.orderWindow()
                                    + " apart (the order window)");
                    return;
                }
            }
            int region = e.region() == null ? -1 : Integer.parseInt(e.region());
            w.insert(e, orderKey, region, hash, fileIndex, row.line());
            accepted++;
            latest = Math.max(latest, e.timeMillis());
            judge.advance(w, w.latest - lateness);
        }

        /** Rows with one id and different content: every one is rejected, if the first is not yet judged. */
        private void conflict(StreamWorker w, int same, RawRow row) {
            String id = w.id[same];
            String why = "event_id " + id + " of platform " + w.platform + " appears in rows with different content";
            if (same >= w.fed) {
                reject(new Rejection(
                        files.get(w.file[same]),
                        w.line[same],
                        RejectCode.CONFLICT,
                        why + " (first row; its text is not kept by the streaming audit)",
                        ""));
                long[] copies = w.copies == null ? null : w.copies.remove(id);
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
                w.markConflicted(id);
                reject(row, RejectCode.CONFLICT, why);
                return;
            }
            judge.counters.increment(LATE_CONFLICTS);
            reject(row, RejectCode.CONFLICT, why + " (the first row was already judged and stands)");
        }

        /** Judges the dates of workers the input has left behind. */
        private void sweep() {
            if (latest == Long.MIN_VALUE) {
                return;
            }
            long cut = latest - idle;
            for (StreamWorker w : workers.values()) {
                if (w.sealed < cut && w.n > 0) {
                    judge.advance(w, cut);
                }
            }
        }

        private void reject(RawRow row, RejectCode code, String detail) {
            reject(new Rejection(row.file(), row.line(), code, detail, row.raw()));
        }

        private void reject(Rejection r) {
            stats.rejected(r);
            rejects.accept(r);
        }
    }

    /** Counted when a conflicting row comes after the first row of its id was judged. */
    public static final String LATE_CONFLICTS = "stream_late_conflicts";
}
