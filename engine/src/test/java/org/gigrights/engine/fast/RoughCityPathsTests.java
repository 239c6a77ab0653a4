package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.gigrights.engine.audit.Audit;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.generate.RoughCity;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.scenario.CsvToJsonl;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.params.RulePack;
import org.junit.jupiter.api.Test;

/**
 * One rough city (edges, broken orders, spoiled, re-sent and conflicting rows, shuffled) through
 * every path the engine has: objects, columns in memory, columns spilled to disk, and the same
 * rows as JSON Lines. All must accept, reject and find the same.
 */
class RoughCityPathsTests {
    private static final String CSV = new RoughCity(21).csv(120, 45);

    record Run(AuditResult result, List<String> rejects) {}

    private static Input input(String text, Input.Format format) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Input("rough", () -> new ByteArrayInputStream(bytes), format, false);
    }

    private static Run reference(Input in) throws IOException {
        List<String> rejects = new ArrayList<>();
        AuditResult r = new Audit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC())
                .run(List.of(in), x -> rejects.add(x.line() + " " + x.code()), w -> {}, n -> {});
        return new Run(r, rejects);
    }

    private static Run columns(Input in, int partitions) throws IOException {
        List<String> rejects = new ArrayList<>();
        AuditResult r = new FastAudit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC(), 2)
                .spill(partitions)
                .run(List.of(in), x -> rejects.add(x.line() + " " + x.code()), w -> {}, n -> {});
        return new Run(r, rejects);
    }

    @Test
    void everyPathGivesTheSameFindingsCountsAndRejects() throws IOException {
        Run ref = reference(input(CSV, Input.Format.CSV));
        Run inMemory = columns(input(CSV, Input.Format.CSV), -1);
        Run spilled = columns(input(CSV, Input.Format.CSV), 5);
        Run jsonl = columns(input(CsvToJsonl.convert(CSV), Input.Format.JSONL), -1);

        assertThat(ref.result().findings()).hasSizeGreaterThan(1_000);
        assertThat(ref.rejects()).hasSizeGreaterThan(100);
        for (Run other : List.of(inMemory, spilled, jsonl)) {
            assertThat(other.result().findings()).isEqualTo(ref.result().findings());
            assertThat(other.result().counters().asMap())
                    .isEqualTo(ref.result().counters().asMap());
            assertThat(other.result().ingest().accepted())
                    .isEqualTo(ref.result().ingest().accepted());
            assertThat(other.result().ingest().duplicates())
                    .isEqualTo(ref.result().ingest().duplicates());
            assertThat(other.result().ingest().rejectedByCode())
                    .isEqualTo(ref.result().ingest().rejectedByCode());
        }
        // Line numbers are the file's: the same in CSV and JSON Lines (one row per line, header
        // aside), the same on every path.
        assertThat(inMemory.rejects()).containsExactlyInAnyOrderElementsOf(ref.rejects());
        assertThat(spilled.rejects()).containsExactlyInAnyOrderElementsOf(ref.rejects());
    }
}
