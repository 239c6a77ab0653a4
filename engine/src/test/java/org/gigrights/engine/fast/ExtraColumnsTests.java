package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gigrights.engine.fast.AuditRuns.assertSame;
import static org.gigrights.engine.fast.AuditRuns.fast;
import static org.gigrights.engine.fast.AuditRuns.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.gigrights.engine.fast.AuditRuns.Run;
import org.gigrights.engine.ingest.Input;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.params.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Columns the audit does not use (a rider's name, a remark) may hold any text: Chinese, commas and
 * doubled quotes in quotes, a quote inside. The fast parser must split such rows exactly as the
 * standard reader does, and read them itself when only where the field ends matters.
 */
@ExtendWith(RestoreSizes.class)
class ExtraColumnsTests {
    @TempDir
    Path tmp;

    @Test
    void anyTextInColumnsTheAuditDoesNotUseIsReadFastAndSplitAsTheStandardReaderSplitsIt() throws IOException {
        String csv = ExtraColumns.csv(ExtraColumns.PLAIN_TEXTS, 1);
        Path file = Files.writeString(tmp.resolve("extra.csv"), csv);
        Input in = Input.file(file);
        Run expected = reference(in);
        assertThat(expected.rejects()).isEmpty();
        Reading.chunk = 16 << 10;
        assertSame(expected, fast(in, -1));
        assertSame(expected, fast(in, 5));
        FastAudit audit = new FastAudit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC(), 2);
        audit.run(List.of(in), r -> {}, w -> {}, n -> {});
        assertThat(audit.declinedRows()).isZero();
    }

    @Test
    void textOnlyTheStandardReaderCanSplitIsLeftToIt() throws IOException {
        for (long seed = 2; seed < 5; seed++) {
            String csv = ExtraColumns.csv(ExtraColumns.ALL_TEXTS, seed);
            Path file = Files.writeString(tmp.resolve("hard" + seed + ".csv"), csv);
            Reading.chunk = 16 << 10;
            Run expected = reference(Input.file(file));
            assertThat(expected.rejects()).isNotEmpty();
            assertSame(expected, fast(Input.file(file), -1));
        }
    }
}
