package org.gigrights.engine.fast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.rules.check.Counters;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.check.Scratch;
import org.gigrights.rules.check.WorkerHistory;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.params.RulePack;

/**
 * The columns audit for inputs larger than memory. Parsed rows go to spill files partitioned by
 * event id (deduplicated one partition at a time) and by worker (evaluated one partition at a
 * time), so memory holds one partition, not the input.
 */
final class SpilledRun {
    final KeyDictionary workers = new KeyDictionary();
    final KeyDictionary platforms = new KeyDictionary();
    final List<SideRow> side = new ArrayList<>();
    /** The task of each side row: its line is made absolute once every task has parsed. */
    private int[] sideTask = new int[16];

    final List<Rejection> conflicts = Collections.synchronizedList(new ArrayList<>());
    final LongSet dropped = new LongSet();
    long accepted;
    long duplicates;
    long[] periodEnds = new long[0];
    int[] lineBase;

    private final Reading reading;
    private final SpillFiles spill;
    private final RowText text;

    SpilledRun(Reading reading, Path dir, int partitions) throws IOException {
        this.reading = reading;
        this.spill = new SpillFiles(dir, partitions);
        this.text = new RowText(reading.segments, reading.fileOfSegment, side);
    }

    RowText text() {
        return text;
    }

    SpillFiles files() {
        return spill;
    }

    /** After a task has parsed: number its keys globally and spill its rows. */
    void flush(ParseTask t, int taskIndex) {
        int[] keyMap;
        int[] platformMap;
        int sideBase;
        synchronized (this) {
            keyMap = t.workers.idsIn(workers);
            platformMap = t.platforms.idsIn(platforms);
            sideBase = side.size();
            side.addAll(t.side);
            if (side.size() > sideTask.length) {
                sideTask = java.util.Arrays.copyOf(sideTask, Math.max(side.size(), 2 * sideTask.length));
            }
            java.util.Arrays.fill(sideTask, sideBase, side.size(), taskIndex);
        }
        Columns c = t.columns;
        for (int r = 0; r < c.size; r++) {
            c.key[r] = keyMap[c.key[r]];
            c.platform[r] = platformMap[c.platform[r]];
            if (c.ref[r] < 0) {
                c.ref[r] -= sideBase;
            }
        }
        spill.write(c, taskIndex);
        // A task of shuffled input knows most workers: keep only its counts, not its dictionaries.
        t.columns = null;
        t.workers = null;
        t.platforms = null;
        t.side = null;
    }

    /** Makes line numbers absolute, once every task has parsed; returns the rejects in file order. */
    List<Rejection> lines(long[] rowsPerFile) throws IOException {
        spill.finishWriting();
        List<ParseTask> tasks = reading.tasks;
        lineBase = new int[tasks.size()];
        int[] next = new int[reading.names.size()];
        for (int f = 0; f < next.length; f++) {
            next[f] = reading.headerLine.get(f);
        }
        List<Rejection> rejects = new ArrayList<>();
        for (int k = 0; k < tasks.size(); k++) {
            ParseTask t = tasks.get(k);
            int f = t.file.index();
            lineBase[k] = next[f];
            next[f] += t.lines;
            rowsPerFile[f] += t.rows;
            for (Rejection r : t.rejects) {
                rejects.add(new Rejection(r.file(), r.line() + lineBase[k], r.code(), r.detail(), r.raw()));
            }
        }
        for (int i = 0; i < side.size(); i++) {
            SideRow s = side.get(i);
            side.set(i, s.movedBy(lineBase[sideTask[i]]));
        }
        return rejects;
    }

    /** Deduplicates one id partition: duplicates and conflicting rows are dropped from the rules. */
    void dedup(int p) throws IOException {
        SpillFiles.IdRows rows = spill.readIds(p);
        int n = rows.n;
        int slots = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
        int mask = slots - 1;
        int[] table = new int[slots];
        int[] slotOf = new int[n];
        boolean[] later = new boolean[n];
        boolean[] conflict = new boolean[slots];
        int[] count = new int[slots];
        for (int r = 0; r < n; r++) {
            int slot = (int) Bytes.mix(rows.idHash[r] * 31 + rows.platform[r]) & mask;
            while (true) {
                int e = table[slot];
                if (e == 0) {
                    table[slot] = r + 1;
                    break;
                }
                int f = e - 1;
                if (rows.platform[f] == rows.platform[r]
                        && rows.idHash[f] == rows.idHash[r]
                        && text.compareIds(rows.ref[f], rows.idPos[f], rows.ref[r], rows.idPos[r]) == 0) {
                    later[r] = true;
                    if (!text.event(rows.ref[f]).equals(text.event(rows.ref[r]))) {
                        conflict[slot] = true;
                    }
                    break;
                }
                slot = (slot + 1) & mask;
            }
            slotOf[r] = slot;
            count[slot]++;
        }
        long acc = 0;
        long dup = 0;
        long[] ends = new long[platforms.size()];
        Arrays.fill(ends, Long.MIN_VALUE);
        for (int r = 0; r < n; r++) {
            int slot = slotOf[r];
            if (conflict[slot]) {
                dropped.add(rows.ref[r]);
                conflicts.add(FastAudit.conflict(
                        text.file(rows.ref[r], reading.names),
                        rows.line[r] + lineBase[rows.task[r]],
                        text.eventId(rows.ref[r], rows.idPos[r]),
                        platformName(rows.platform[r]),
                        count[slot],
                        text.raw(rows.ref[r])));
            } else if (later[r]) {
                dup++;
                dropped.add(rows.ref[r]);
            } else {
                acc++;
                ends[rows.platform[r]] = Math.max(ends[rows.platform[r]], rows.time[r]);
            }
        }
        synchronized (this) {
            accepted += acc;
            duplicates += dup;
            if (periodEnds.length < ends.length) {
                long[] grown = Arrays.copyOf(periodEnds, ends.length);
                Arrays.fill(grown, periodEnds.length, ends.length, Long.MIN_VALUE);
                periodEnds = grown;
            }
            for (int k = 0; k < ends.length; k++) {
                periodEnds[k] = Math.max(periodEnds[k], ends[k]);
            }
        }
    }

    /** Runs the rules over one worker partition. */
    void evaluate(int p, RulePack pack, RuleSet rules, long fixedEnd, List<Finding> findings, Counters counters)
            throws IOException {
        int[][] tasks = new int[1][];
        Columns c = spill.readWorkers(p, tasks);
        long[] order = new long[c.size];
        int n = 0;
        for (int r = 0; r < c.size; r++) {
            if (!dropped.contains(c.ref[r])) {
                order[n++] = ((long) c.key[r] << 32) | r;
            }
        }
        Arrays.sort(order, 0, n);
        int[] perm = new int[n];
        for (int k = 0; k < n; k++) {
            perm[k] = (int) order[k];
        }
        WorkerColumns events = new WorkerColumns(Rows.of(c), text);
        Scratch scratch = new Scratch();
        Counters local = new Counters();
        List<Finding> found = new ArrayList<>();
        int a = 0;
        while (a < n) {
            int key = (int) (order[a] >>> 32);
            int b = a + 1;
            while (b < n && (int) (order[b] >>> 32) == key) {
                b++;
            }
            String[] pw = workerName(key);
            long end = fixedEnd != Long.MIN_VALUE ? fixedEnd : periodEnds[c.platform[perm[a]]];
            events.load(perm, a, b);
            rules.evaluate(new WorkerHistory(pack, pw[0], pw[1], events, end, local, scratch), found::add);
            a = b;
        }
        synchronized (findings) {
            findings.addAll(found);
            counters.addAll(local);
        }
    }

    String[] workerName(int key) {
        return workers.parts(key);
    }

    String platformName(int p) {
        return platforms.parts(p)[0];
    }

    /** Runs a job per partition on the pool. */
    static void each(ExecutorService pool, int partitions, IoJob job) throws IOException {
        List<Integer> ps = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            ps.add(p);
        }
        FastAudit.run(pool, ps, p -> {
            try {
                job.run(p);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** A job on one partition. */
    interface IoJob {
        void run(int partition) throws IOException;
    }

    static Path tempDir() throws IOException {
        return Files.createTempDirectory("gigrights-spill");
    }
}
