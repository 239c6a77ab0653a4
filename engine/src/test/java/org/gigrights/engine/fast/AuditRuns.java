package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.gigrights.engine.audit.Audit;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.ingest.Input;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.params.RulePack;

/** One input audited by the reference engine or the columns engine, its rejects kept as text. */
final class AuditRuns {
    private AuditRuns() {}

    record Run(AuditResult result, List<String> rejects) {}

    static Run reference(Input in) throws IOException {
        List<String> rejects = new ArrayList<>();
        AuditResult r = new Audit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC())
                .run(List.of(in), x -> rejects.add(x.line() + " " + x.reason() + " " + x.raw()), w -> {}, n -> {});
        return new Run(r, rejects);
    }

    /** The columns engine on two threads; {@code partitions} as {@link FastAudit#spill}. */
    static Run fast(Input in, int partitions) throws IOException {
        List<String> rejects = new ArrayList<>();
        AuditResult r = new FastAudit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC(), 2)
                .spill(partitions)
                .run(List.of(in), x -> rejects.add(x.line() + " " + x.reason() + " " + x.raw()), w -> {}, n -> {});
        return new Run(r, rejects);
    }

    /** Rejects, findings, counts, counters and warnings, all the same. */
    static void assertSame(Run expected, Run actual) {
        assertThat(actual.rejects()).isEqualTo(expected.rejects());
        assertThat(actual.result().findings()).isEqualTo(expected.result().findings());
        assertThat(actual.result().ingest().rowsRead())
                .isEqualTo(expected.result().ingest().rowsRead());
        assertThat(actual.result().ingest().accepted())
                .isEqualTo(expected.result().ingest().accepted());
        assertThat(actual.result().ingest().duplicates())
                .isEqualTo(expected.result().ingest().duplicates());
        assertThat(actual.result().counters().asMap())
                .isEqualTo(expected.result().counters().asMap());
        assertThat(actual.result().warnings()).isEqualTo(expected.result().warnings());
    }
}
