package org.gigrights.engine.fast;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.ingest.IngestStats;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.ingest.RejectCode;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.rules.check.Counters;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.check.Scratch;
import org.gigrights.rules.check.WorkerHistory;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.params.RulePack;

/**
 * The audit on columns: the same results as {@link org.gigrights.engine.audit.Audit}, with rows
 * parsed from bytes on every core, deduplicated in cache-sized hash buckets, grouped by a
 * counting sort and evaluated per worker without per-event objects.
 */
public final class FastAudit {
    private final RulePack pack;
    private final RuleSet rules;
    private final Clock clock;
    private final int threads;
    private Instant periodEnd;
    private int spillPartitions;
    private long declinedRows;
    private long rowsRead;

    public FastAudit(RulePack pack, RuleSet rules, Clock clock, int threads) {
        this.pack = pack;
        this.rules = rules;
        this.clock = clock;
        this.threads = Math.max(1, threads);
    }

    /**
     * Spill to disk in this many partitions (0: decide from the input size and the heap; -1: never).
     */
    public FastAudit spill(int partitions) {
        this.spillPartitions = partitions;
        return this;
    }

    /**
     * Of the last run's rows, those the standard reader read, one at a time: rows in forms the
     * fast parsers do not take (docs/data-standard.md, "Forms read fastest") and rejected rows.
     * Such rows give the same results, more slowly.
     */
    public long declinedRows() {
        return declinedRows;
    }

    /** The last run's rows read, blank lines and headers not counted. */
    public long rowsRead() {
        return rowsRead;
    }

    private void count(Reading reading) {
        declinedRows = 0;
        rowsRead = 0;
        for (ParseTask t : reading.tasks) {
            declinedRows += t.declined;
            rowsRead += t.rows;
        }
    }

    /** Told how far a long step has come: its name, the parts done and the parts in all. */
    public interface Steps {
        void step(String name, long done, long total);
    }

    private Steps steps = (name, done, total) -> {};

    /** Reports the progress of deduplication (when spilling) and of the rules, part by part. */
    public FastAudit steps(Steps steps) {
        this.steps = steps;
        return this;
    }

    /** Fixes the end of the reporting period for every platform. */
    public FastAudit periodEnd(Instant end) {
        this.periodEnd = end;
        return this;
    }

    /** Reads every input and evaluates every worker; rejects are handed over in file and line order. */
    public AuditResult run(
            List<Input> inputs, Consumer<Rejection> rejects, Consumer<String> warnings, Consumer<Long> progress)
            throws IOException {
        Instant started = clock.instant();
        List<String> warningList = new ArrayList<>();
        Consumer<String> warn = w -> {
            warningList.add(w);
            warnings.accept(w);
        };
        Reading reading = new Reading();
        for (Input input : inputs) {
            reading.add(input, warn);
        }
        Phases phases = new Phases(started);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gigrights-audit");
            t.setDaemon(true);
            return t;
        });
        try {
            phases.mark("setup");
            int partitions = partitions(reading);
            if (partitions > 0) {
                return spilled(reading, pool, partitions, rejects, warn, warningList, progress, started, phases);
            }
            java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();
            run(pool, reading.tasks, t -> {
                t.run();
                progress.accept(read.addAndGet(t.rows));
            });
            java.util.Set<Integer> crossed = new java.util.TreeSet<>();
            reading.tasks.stream().filter(t -> t.crossed).forEach(t -> crossed.add(t.file.index()));
            for (int f : crossed) {
                run(pool, reading.whole(f), ParseTask::run);
            }
            reading.warnUnknownFields(warn);
            count(reading);
            phases.mark("parse");
            Merged m = Merged.of(reading, pool);
            phases.mark("merge");
            IngestStats stats = new IngestStats();
            reading.names.forEach(stats::file);
            for (int f = 0; f < reading.names.size(); f++) {
                stats.rows(reading.names.get(f), m.rowsPerFile[f]);
            }
            for (Rejection r : m.rejects) {
                stats.rejected(r);
                rejects.accept(r);
            }
            Dedup dedup = Dedup.of(m.rows, m.text, pool);
            for (Rejection r : dedup.conflicts(m.text, reading.names, m.platforms)) {
                stats.rejected(r);
                rejects.accept(r);
            }
            phases.mark("dedup");
            stats.accepted(dedup.accepted);
            stats.duplicates(dedup.duplicates);
            Grouping g = Grouping.of(m.rows, dedup, m.workers.size(), pool);
            long[] ends = periodEnds(m, g);
            phases.mark("group");
            Counters counters = new Counters();
            List<Finding> findings = evaluate(pool, m, g, ends, counters);
            phases.mark("evaluate");
            Map<String, Long> periodEnds = new TreeMap<>();
            for (int p = 0; p < ends.length; p++) {
                if (ends[p] != Long.MIN_VALUE) {
                    periodEnds.put(m.platformName(p), ends[p]);
                }
            }
            return new AuditResult(
                    pack.name(), started, clock.instant(), findings, stats, counters, periodEnds, warningList);
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many spill partitions this input needs: 0 when it fits in memory. */
    private int partitions(Reading reading) {
        if (spillPartitions != 0) {
            return Math.max(0, spillPartitions);
        }
        return HeapBudget.partitions(reading.segments, Runtime.getRuntime().maxMemory());
    }

    private AuditResult spilled(
            Reading reading,
            ExecutorService pool,
            int partitions,
            Consumer<Rejection> rejects,
            Consumer<String> warn,
            List<String> warnings,
            Consumer<Long> progress,
            Instant started,
            Phases phases)
            throws IOException {
        java.nio.file.Path dir = SpilledRun.tempDir();
        SpilledRun s = new SpilledRun(reading, dir, partitions);
        try (SpillFiles files = s.files()) {
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < reading.tasks.size(); k++) {
                order.add(k);
            }
            long[] done = {0};
            run(pool, order, k -> {
                ParseTask t = reading.tasks.get(k);
                t.run();
                if (t.crossed) {
                    throw new IllegalArgumentException(
                            t.file.name() + ": a quoted field spans lines across parse ranges; "
                                    + "audit this file without spilling or remove the line breaks");
                }
                s.flush(t, k);
                synchronized (done) {
                    done[0] += t.rows;
                    progress.accept(done[0]);
                }
            });
            reading.warnUnknownFields(warn);
            count(reading);
            phases.mark("parse");
            long[] rowsPerFile = new long[reading.names.size()];
            List<Rejection> malformed = s.lines(rowsPerFile);
            IngestStats stats = new IngestStats();
            for (int f = 0; f < reading.names.size(); f++) {
                stats.file(reading.names.get(f));
                stats.rows(reading.names.get(f), rowsPerFile[f]);
            }
            for (Rejection r : malformed) {
                stats.rejected(r);
                rejects.accept(r);
            }
            java.util.concurrent.atomic.AtomicLong deduplicated = new java.util.concurrent.atomic.AtomicLong();
            SpilledRun.each(pool, partitions, p -> {
                s.dedup(p);
                steps.step("deduplicated partitions", deduplicated.incrementAndGet(), partitions);
            });
            List<Rejection> conflicts = new ArrayList<>(s.conflicts);
            conflicts.sort((a, b) -> a.file().equals(b.file())
                    ? Long.compare(a.line(), b.line())
                    : a.file().compareTo(b.file()));
            for (Rejection r : conflicts) {
                stats.rejected(r);
                rejects.accept(r);
            }
            stats.accepted(s.accepted);
            stats.duplicates(s.duplicates);
            phases.mark("dedup");
            long fixed = periodEnd == null ? Long.MIN_VALUE : periodEnd.toEpochMilli();
            List<Finding> findings = new ArrayList<>();
            Counters counters = new Counters();
            java.util.concurrent.atomic.AtomicLong evaluated = new java.util.concurrent.atomic.AtomicLong();
            SpilledRun.each(pool, partitions, p -> {
                s.evaluate(p, pack, rules, fixed, findings, counters);
                steps.step("evaluated partitions", evaluated.incrementAndGet(), partitions);
            });
            findings.sort(Finding.ORDER);
            phases.mark("evaluate");
            Map<String, Long> ends = new TreeMap<>();
            for (int p = 0; p < s.periodEnds.length; p++) {
                if (s.periodEnds[p] != Long.MIN_VALUE) {
                    ends.put(s.platformName(p), fixed != Long.MIN_VALUE ? fixed : s.periodEnds[p]);
                }
            }
            return new AuditResult(pack.name(), started, clock.instant(), findings, stats, counters, ends, warnings);
        }
    }

    /** Each platform's latest accepted event (or the fixed period end), from its workers' latest. */
    private long[] periodEnds(Merged m, Grouping g) {
        long[] ends = new long[m.platforms.size()];
        java.util.Arrays.fill(ends, Long.MIN_VALUE);
        for (int w = 0; w + 1 < g.offsets.length; w++) {
            if (g.offsets[w] < g.offsets[w + 1]) {
                int p = m.rows.platform(g.perm[g.offsets[w]]);
                ends[p] = Math.max(ends[p], periodEnd != null ? periodEnd.toEpochMilli() : g.latest[w]);
            }
        }
        return ends;
    }

    private List<Finding> evaluate(ExecutorService pool, Merged m, Grouping g, long[] ends, Counters counters)
            throws IOException {
        int workers = g.offsets.length - 1;
        int chunk = Math.max(64, workers / (threads * 16) + 1);
        List<Integer> starts = new ArrayList<>();
        for (int w = 0; w < workers; w += chunk) {
            starts.add(w);
        }
        List<Counters> partCounters = Collections.synchronizedList(new ArrayList<>());
        // Findings are put in Finding.ORDER without one big sort: each worker's own findings are
        // sorted where they are made, and workers are listed by platform, then worker id.
        @SuppressWarnings("unchecked")
        List<Finding>[] byWorker = new List[workers];
        String[][] names = new String[workers][];
        java.util.concurrent.atomic.AtomicLong evaluated = new java.util.concurrent.atomic.AtomicLong();
        run(pool, starts, from -> {
            Counters local = new Counters();
            WorkerColumns events = new WorkerColumns(m.rows, m.text);
            Scratch scratch = new Scratch();
            for (int w = from; w < Math.min(workers, from + chunk); w++) {
                names[w] = m.workerName(w);
                int a = g.offsets[w];
                int b = g.offsets[w + 1];
                if (a == b) {
                    continue;
                }
                int platform = m.rows.platform(g.perm[a]);
                events.load(g.perm, a, b);
                List<Finding> found = new ArrayList<>();
                rules.evaluate(
                        new WorkerHistory(pack, names[w][0], names[w][1], events, ends[platform], local, scratch),
                        found::add);
                if (!found.isEmpty()) {
                    found.sort(Finding.ORDER);
                    byWorker[w] = found;
                }
            }
            partCounters.add(local);
            steps.step("evaluated workers", evaluated.addAndGet(Math.min(workers, from + chunk) - from), workers);
        });
        Integer[] order = new Integer[workers];
        for (int w = 0; w < workers; w++) {
            order[w] = w;
        }
        java.util.Arrays.sort(order, (x, y) -> {
            int c = names[x][0].compareTo(names[y][0]);
            return c != 0 ? c : names[x][1].compareTo(names[y][1]);
        });
        List<Finding> all = new ArrayList<>();
        for (int w : order) {
            if (byWorker[w] != null) {
                all.addAll(byWorker[w]);
            }
        }
        partCounters.forEach(counters::addAll);
        return all;
    }

    /** Runs a task for each item on the pool and waits; the first failure is rethrown. */
    static <T> void run(ExecutorService pool, List<T> items, Consumer<T> task) throws IOException {
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> task.accept(item)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof java.io.UncheckedIOException u) {
                    throw u.getCause();
                }
                if (c instanceof RuntimeException r) {
                    throw r;
                }
                throw new IOException(c);
            }
        }
    }

    /** Prints how long each phase took when {@code GIGRIGHTS_TIMING} is set. */
    private static final class Phases {
        private final boolean on = System.getenv("GIGRIGHTS_TIMING") != null;
        private long last;
        private long lastCpu = cpu();

        Phases(Instant started) {
            last = System.nanoTime() - Duration.between(started, Instant.now()).toNanos();
        }

        /** CPU time of the whole process (all threads, the collector and the compiler too). */
        private static long cpu() {
            var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
        }

        void mark(String phase) {
            long now = System.nanoTime();
            long cpu = cpu();
            if (on) {
                System.err.printf(
                        "phase %-9s %8.3f s wall %8.3f s cpu%n", phase, (now - last) / 1e9, (cpu - lastCpu) / 1e9);
            }
            last = now;
            lastCpu = cpu;
        }
    }

    static Rejection conflict(String file, long line, String eventId, String platform, int rows, String raw) {
        String why = "event_id " + eventId + " of platform " + platform + " appears in " + rows
                + " rows with different content";
        return new Rejection(file, line, RejectCode.CONFLICT, why, raw);
    }
}
