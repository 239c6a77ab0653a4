package org.gigrights.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parse floor must read every byte of its input, or the ratio to it would mean nothing. */
class ChildTests {
    @TempDir
    Path dir;

    @Test
    void theFloorCountsEveryRowOfAFileReadInManyPieces() throws Exception {
        Path csv = dir.resolve("rows.csv");
        int rows = 40_000;
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("event_id,platform,worker,person,type,time,order,amount,region,insured,reason\n");
            for (int i = 0; i < rows; i++) {
                // Rows of varied length, so that no 1 MiB piece ends on a line break by design.
                w.write("E" + i + ",P1,W" + (i % 97) + ",,ORDER_COMPLETE,2026-05-01T08:00:00+08:00,O" + i + ","
                        + (i % 1000) + ",500103,true," + "x".repeat(i % 37) + "\n");
            }
        }
        assertThat(Files.size(csv)).isGreaterThan(3L << 20);
        assertThat(Child.floor(csv)).isEqualTo(rows);
    }
}
