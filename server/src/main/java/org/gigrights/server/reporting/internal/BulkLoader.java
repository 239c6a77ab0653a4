package org.gigrights.server.reporting.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.rules.model.WorkEvent;
import org.gigrights.server.findings.Recomputation;
import org.gigrights.server.reporting.Source;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads already-parsed events of several platforms at once (the demo seed), one batch per platform. */
@Service
public class BulkLoader {
    private final EventStore events;
    private final BatchRepository batches;
    private final Recomputation recomputation;
    private final TransactionTemplate tx;
    private final Clock clock;

    public BulkLoader(
            EventStore events,
            BatchRepository batches,
            Recomputation recomputation,
            TransactionTemplate tx,
            Clock clock) {
        this.events = events;
        this.batches = batches;
        this.recomputation = recomputation;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Stores each platform's events as one SEED batch and computes its findings.
     *
     * @param byPlatform events by platform, then worker
     * @param rejects the rows rejected while reading, stored with the first platform's batch
     * @param progress receives one line per step
     */
    public void load(
            Map<String, Map<String, List<WorkEvent>>> byPlatform, List<Rejection> rejects, Consumer<String> progress) {
        boolean first = true;
        for (Map.Entry<String, Map<String, List<WorkEvent>>> p : byPlatform.entrySet()) {
            String platform = p.getKey();
            List<WorkEvent> all = new ArrayList<>();
            p.getValue().values().forEach(all::addAll);
            UUID id = UUID.randomUUID();
            List<Rejection> mine = first ? rejects : List.of();
            first = false;
            EventStore.Merge m = tx.execute(s -> {
                try {
                    Path empty = Files.createTempFile("seed", ".gz");
                    try {
                        batches.insert(
                                id, platform, Source.SEED, Input.Format.CSV, "seed-" + id, clock.instant(), empty);
                    } finally {
                        Files.deleteIfExists(empty);
                    }
                    EventStore.Merge merge = events.merge(platform, id, all, clock.instant());
                    batches.rejects(id, mine);
                    batches.counts(
                            id,
                            all.size() + mine.size(),
                            merge.inserted(),
                            merge.corrected(),
                            merge.duplicates(),
                            mine.size());
                    return merge;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            progress.accept(platform + ": " + m.inserted() + " events stored; computing findings of "
                    + p.getValue().size() + " workers ...");
            long n = recomputation.recompute(platform, m.affectedWorkers(), id);
            batches.recomputed(id, n);
        }
    }
}
