package org.gigrights.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.gigrights.engine.fast.CsvBatches;
import org.gigrights.engine.fast.RowBatch;
import org.junit.jupiter.api.Test;

/**
 * A worker's held ids stay its events' ids through inserts out of order, drops and compactions,
 * against a plain sorted list of the same events.
 */
class HeldIdsTests {
    private record Held(long time, String id) {}

    @Test
    void idsSurviveInsertsOutOfOrderDropsAndCompaction() throws IOException {
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            int rows = 3000;
            // Times rising in blocks that arrive newest first, some of a few and some of up to 200
            // events, so that dropping the oldest leaves holes above the ids still held.
            List<Long> times = new ArrayList<>();
            long t = Instant.parse("2026-05-01T00:00:00Z").toEpochMilli();
            while (times.size() < rows) {
                int block = 1 + random.nextInt(random.nextInt(4) == 0 ? 200 : 12);
                List<Long> b = new ArrayList<>();
                for (int k = 0; k < block; k++) {
                    t += 1000 + random.nextInt(60_000);
                    b.add(t);
                }
                java.util.Collections.reverse(b);
                times.addAll(b);
            }
            StringBuilder csv =
                    new StringBuilder("event_id,platform,worker,person,type,time,order,amount,region,insured,reason\n");
            List<Held> events = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                String id = "e" + r + "x".repeat(random.nextInt(random.nextInt(8) == 0 ? 40 : 6))
                        + (random.nextInt(10) == 0 ? "中" : "");
                events.add(new Held(times.get(r), id));
                csv.append(id)
                        .append(",P1,W1,,ONLINE,")
                        .append(Instant.ofEpochMilli(times.get(r)))
                        .append(",,,,,\n");
            }
            RowBatch batch = batch(csv.toString());
            assertThat(batch.size).isEqualTo(rows);

            StreamWorker w = new StreamWorker(0, "P1", "W1");
            List<Held> model = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                w.insert(batch, r, 0);
                model.add(events.get(r));
                model.sort(Comparator.comparingLong(Held::time));
                if (random.nextInt(25) == 0 && w.n > 4) {
                    int k = 1 + random.nextInt(w.n - 2);
                    w.dropFirst(k);
                    model.subList(0, k).clear();
                }
                if (r % 97 == 0 || r == rows - 1) {
                    assertThat(w.n).isEqualTo(model.size());
                    for (int i = 0; i < w.n; i++) {
                        assertThat(w.eventId(i))
                                .as("seed %d, row %d, event %d", seed, r, i)
                                .isEqualTo(model.get(i).id());
                        assertThat(w.time(i)).isEqualTo(model.get(i).time());
                    }
                }
            }
        }
    }

    /** Days of {@code perDay} events each, one minute apart; every day is dropped when the next begins. */
    private static StreamWorker days(int... perDay) throws IOException {
        StringBuilder csv =
                new StringBuilder("event_id,platform,worker,person,type,time,order,amount,region,insured,reason\n");
        long t = Instant.parse("2026-05-01T00:00:00Z").toEpochMilli();
        int rows = 0;
        for (int d = 0; d < perDay.length; d++) {
            for (int k = 0; k < perDay[d]; k++, rows++) {
                csv.append("d")
                        .append(d)
                        .append('-')
                        .append(k)
                        .append(",P1,W1,,ONLINE,")
                        .append(Instant.ofEpochMilli(t + d * 86_400_000L + k * 60_000L))
                        .append(",,,,,\n");
            }
        }
        RowBatch batch = batch(csv.toString());
        StreamWorker w = new StreamWorker(0, "P1", "W1");
        int r = 0;
        for (int count : perDay) {
            w.dropFirst(w.n);
            for (int k = 0; k < count; k++) {
                w.insert(batch, r++, 0);
            }
        }
        return w;
    }

    @Test
    void aDayAsBusyAsTheLastFindsItsRoomAndAQuietSpellGivesRoomBack() throws IOException {
        // The busy day's room stays through the night, when nothing is held, for the next day.
        assertThat(days(400, 0).capacity()).isGreaterThanOrEqualTo(400);
        assertThat(days(400, 400).capacity()).isEqualTo(days(400).capacity());
        // Days far quieter than the room: it is given back, down to about twice their size.
        assertThat(days(400, 10, 10).capacity()).isLessThan(60);
    }

    private static RowBatch batch(String csv) throws IOException {
        CsvBatches batches = new CsvBatches(
                "held", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), new CsvBatches.Numbering());
        assertThat(batches.header(w -> {})).isTrue();
        RowBatch b = batches.next();
        assertThat(batches.next()).isNull();
        return b;
    }
}
