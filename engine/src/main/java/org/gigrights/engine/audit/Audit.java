package org.gigrights.engine.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.gigrights.engine.ingest.Ingest;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.rules.check.Counters;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.check.WorkerHistory;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.WorkEvent;
import org.gigrights.rules.params.RulePack;

/** Runs the rules over a set of inputs. */
public final class Audit {
    private final RulePack pack;
    private final RuleSet rules;
    private final Clock clock;
    private Instant periodEnd;

    public Audit(RulePack pack, RuleSet rules, Clock clock) {
        this.pack = pack;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Fixes the end of the reporting period for every platform; by default it is the latest event
     * time each platform reported.
     */
    public Audit periodEnd(Instant end) {
        this.periodEnd = end;
        return this;
    }

    /**
     * Reads every input and evaluates every worker.
     *
     * @param inputs the inputs, read in order
     * @param rejects receives each rejected row
     * @param warnings receives warnings about whole inputs
     * @param progress receives the count of rows read, every million rows
     */
    public AuditResult run(
            List<Input> inputs, Consumer<Rejection> rejects, Consumer<String> warnings, Consumer<Long> progress)
            throws IOException {
        Instant started = clock.instant();
        Ingest ingest = new Ingest(rejects, warnings, progress);
        for (Input input : inputs) {
            ingest.read(input);
        }
        Map<String, Map<String, List<WorkEvent>>> byWorker = ingest.finish();
        Map<String, Long> ends = new TreeMap<>();
        List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
        Counters counters = new Counters();
        for (Map.Entry<String, Map<String, List<WorkEvent>>> platform : byWorker.entrySet()) {
            long end = periodEnd != null ? periodEnd.toEpochMilli() : latest(platform.getValue());
            ends.put(platform.getKey(), end);
            List<Map.Entry<String, List<WorkEvent>>> workers =
                    new ArrayList<>(platform.getValue().entrySet());
            List<Counters> partial = Collections.synchronizedList(new ArrayList<>());
            workers.parallelStream().forEach(w -> {
                Counters local = new Counters();
                List<Finding> found = new ArrayList<>();
                rules.evaluate(
                        new WorkerHistory(pack, platform.getKey(), w.getKey(), w.getValue(), end, local), found::add);
                findings.addAll(found);
                partial.add(local);
            });
            partial.forEach(counters::addAll);
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.ORDER);
        return new AuditResult(
                pack.name(), started, clock.instant(), sorted, ingest.stats(), counters, ends, ingest.warnings());
    }

    private static long latest(Map<String, List<WorkEvent>> workers) {
        long max = Long.MIN_VALUE;
        for (List<WorkEvent> events : workers.values()) {
            for (WorkEvent e : events) {
                max = Math.max(max, e.timeMillis());
            }
        }
        return max;
    }
}
