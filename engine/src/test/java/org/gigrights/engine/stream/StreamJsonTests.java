package org.gigrights.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.gigrights.engine.audit.Audit;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.fast.JsonDamage;
import org.gigrights.engine.ingest.Input;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.params.RulePack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming audit reads damaged JSON Lines in small batches exactly as the reference engine
 * reads them: the same rejects (line and code; the stream words conflicts its own way, as it keeps
 * no row text), warnings, counts and findings.
 */
class StreamJsonTests {
    private final int batchBytes = OrderedAudit.batchBytes;

    @BeforeEach
    void smallBatches() {
        OrderedAudit.batchBytes = 8 << 10;
    }

    @AfterEach
    void restore() {
        OrderedAudit.batchBytes = batchBytes;
    }

    @ParameterizedTest
    @ValueSource(longs = {2026, 7, 8})
    void damagedJsonLinesGiveTheReferenceResult(long seed) throws IOException {
        byte[] jsonl = (String.join("\n", JsonDamage.damagedCity(seed)) + "\n").getBytes(StandardCharsets.UTF_8);
        Input in = new Input("m.jsonl", () -> new ByteArrayInputStream(jsonl), Input.Format.JSONL, false);
        List<String> expectedRejects = new ArrayList<>();
        AuditResult expected = new Audit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC())
                .run(List.of(in), x -> expectedRejects.add(x.line() + " " + x.code()), w -> {}, n -> {});
        List<String> rejects = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        AuditResult actual = new OrderedAudit(RulePack.chongqing(), Clock.systemUTC(), OrderedAudit.Bounds.defaults())
                .findings(findings::add)
                .run(List.of(in), x -> rejects.add(x.line() + " " + x.code()), w -> {}, n -> {});
        assertThat(expectedRejects).hasSizeGreaterThan(20);
        assertThat(rejects).containsExactlyInAnyOrderElementsOf(expectedRejects);
        findings.sort(Finding.ORDER);
        assertThat(findings).isEqualTo(expected.findings());
        assertThat(actual.ingest().rowsRead()).isEqualTo(expected.ingest().rowsRead());
        assertThat(actual.ingest().accepted()).isEqualTo(expected.ingest().accepted());
        assertThat(actual.ingest().duplicates()).isEqualTo(expected.ingest().duplicates());
        assertThat(actual.warnings()).isEqualTo(expected.warnings());
    }
}
