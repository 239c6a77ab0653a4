package org.gigrights.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gigrights.engine.audit.Audit;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.fast.ExtraColumns;
import org.gigrights.engine.ingest.Input;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.params.RulePack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The streaming audit splits rows with any text in columns it does not use, quotes left open and
 * quoted line breaks among them, as the standard reader does, across small chunks.
 */
class StreamExtraColumnsTests {
    private final int batchBytes = OrderedAudit.batchBytes;

    @AfterEach
    void restore() {
        OrderedAudit.batchBytes = batchBytes;
    }

    @Test
    void rowsWithAnyTextInOtherColumnsGiveTheReferenceResult() throws IOException {
        OrderedAudit.batchBytes = 4 << 10;
        for (long seed = 2; seed < 5; seed++) {
            byte[] csv = ExtraColumns.csv(ExtraColumns.ALL_TEXTS, seed).getBytes(StandardCharsets.UTF_8);
            Input in = new Input("x.csv", () -> new ByteArrayInputStream(csv), Input.Format.CSV, false);
            List<String> expectedRejects = new ArrayList<>();
            AuditResult expected = new Audit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC())
                    .run(List.of(in), x -> expectedRejects.add(x.line() + " " + x.reason()), w -> {}, n -> {});
            List<String> rejects = new ArrayList<>();
            List<Finding> findings = new ArrayList<>();
            // Rows joined by a quote left open can carry any time: a lateness of a year keeps the
            // stream exact (no LATE rows), so that only how rows are split is compared.
            OrderedAudit.Bounds bounds =
                    new OrderedAudit.Bounds(Duration.ofHours(12), Duration.ofDays(365), Duration.ofDays(400));
            AuditResult actual = new OrderedAudit(RulePack.chongqing(), Clock.systemUTC(), bounds)
                    .findings(findings::add)
                    .run(List.of(in), x -> rejects.add(x.line() + " " + x.reason()), w -> {}, n -> {});
            assertThat(expectedRejects).isNotEmpty();
            assertThat(rejects).containsExactlyInAnyOrderElementsOf(expectedRejects);
            findings.sort(Finding.ORDER);
            assertThat(findings).isEqualTo(expected.findings());
            assertThat(actual.ingest().rowsRead()).isEqualTo(expected.ingest().rowsRead());
        }
    }
}
