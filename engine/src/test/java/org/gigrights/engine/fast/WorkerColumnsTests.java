package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gigrights.engine.ingest.Input;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker's rows are put in event-time order, ties broken by event id as strings compare. */
class WorkerColumnsTests {
    @TempDir
    Path tmp;

    @Test
    void rowsAtOneInstantOrderByTheirEventIdsAsText() throws IOException {
        List<String> ids = new ArrayList<>(List.of(
                "e10",
                "e2",
                "e",
                "EVENTID-b",
                "EVENTID-a",
                "EVENTID-",
                "EVENTID",
                "EVENTIDX",
                "EVENTID-ab",
                "Z",
                "a",
                "e1",
                "EVENTID-aa",
                "EVENTID-ABCDEFGH-1",
                "EVENTID-ABCDEFGH-0",
                "EVENTID-ABCDEFGH",
                "EVENTID-ABCDEFG"));
        List<String> rows = new ArrayList<>();
        for (String id : ids) {
            rows.add(id + ",P1,W1,,ONLINE,2026-05-01T08:00:00+08:00,,,,,");
        }
        // A quoted id takes the slow path: it has no fast-path prefix to compare.
        rows.add("\"EVENTID-a1\",P1,W1,,ONLINE,2026-05-01T08:00:00+08:00,,,,,");
        ids.add("EVENTID-a1");
        rows.add("late,P1,W1,,OFFLINE,2026-05-01T09:00:00+08:00,,,,,");
        Collections.shuffle(rows, new Random(7));
        Path file = Files.writeString(
                tmp.resolve("ties.csv"),
                "event_id,platform,worker,person,type,time,order,amount,region,insured,reason\n"
                        + String.join("\n", rows) + "\n");
        Collections.sort(ids);
        ids.add("late");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Reading reading = new Reading();
            reading.add(Input.file(file), w -> {});
            reading.tasks.forEach(ParseTask::run);
            Merged m = Merged.of(reading, pool);
            Dedup d = Dedup.of(m.rows, m.text, pool);
            Grouping g = Grouping.of(m.rows, d, m.workers.size(), pool);
            WorkerColumns w = new WorkerColumns(m.rows, m.text).load(g.perm, g.offsets[0], g.offsets[1]);
            List<String> loaded = new ArrayList<>();
            for (int i = 0; i < w.size(); i++) {
                loaded.add(w.eventId(i));
            }
            assertThat(loaded).containsExactlyElementsOf(ids);
        } finally {
            pool.shutdownNow();
        }
    }
}
