package org.gigrights.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed findings files are written a chunk at a time as findings come: they must hold every
 * finding once, in the order made, exactly as the whole-list writer renders them.
 */
class FindingsStreamTests {
    @TempDir
    Path dir;

    private static Finding finding(int i) {
        return new Finding(
                i % 3 == 0 ? "REST_BREAK" : "MIN_WAGE",
                Severity.values()[i % Severity.values().length],
                "P" + (i % 2),
                "W" + i,
                LocalDate.of(2026, 5, 1).plusDays(i % 30),
                BigDecimal.valueOf(i, 2),
                BigDecimal.valueOf(21),
                "渝人社发〔2021〕38号 (五)",
                "第 " + i + " 条, \"quoted\"",
                List.of("E" + i + "-1", "E" + i + "-2"),
                Map.of("n", Integer.toString(i)));
    }

    @Test
    void manyChunksComeOutInOrderAsTheListWriterWritesThem() throws Exception {
        List<Finding> made = new ArrayList<>();
        // Ten thousand and one: two full chunks and a partial one.
        for (int i = 0; i < 10_001; i++) {
            made.add(finding(i));
        }
        FindingSummary summary;
        try (FindingsStream stream = new FindingsStream(dir)) {
            made.forEach(stream);
            summary = stream.summary();
        }
        Path expected = Files.createDirectory(dir.resolve("expected"));
        FindingsWriter.csv(expected.resolve("findings.csv"), made);
        FindingsWriter.jsonl(expected.resolve("findings.jsonl"), made);
        assertThat(Files.readAllBytes(dir.resolve(AuditOutputs.FINDINGS_CSV)))
                .isEqualTo(Files.readAllBytes(expected.resolve("findings.csv")));
        assertThat(Files.readAllBytes(dir.resolve(AuditOutputs.FINDINGS_JSONL)))
                .isEqualTo(Files.readAllBytes(expected.resolve("findings.jsonl")));
        assertThat(summary.total()).isEqualTo(10_001);
        assertThat(summary.byRule()).containsEntry("REST_BREAK", 3_334L).containsEntry("MIN_WAGE", 6_667L);
    }

    @Test
    void noFindingsGiveAHeaderAndAnEmptyJsonLinesFile() throws Exception {
        try (FindingsStream stream = new FindingsStream(dir)) {
            assertThat(stream.summary().total()).isZero();
        }
        assertThat(Files.readString(dir.resolve(AuditOutputs.FINDINGS_CSV)))
                .isEqualTo(FindingsWriter.CSV_HEADER + "\n");
        assertThat(Files.size(dir.resolve(AuditOutputs.FINDINGS_JSONL))).isZero();
    }
}
