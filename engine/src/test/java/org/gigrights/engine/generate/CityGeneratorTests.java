package org.gigrights.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gigrights.engine.audit.Audit;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.engine.output.SummaryWriter;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.params.RulePack;
import org.junit.jupiter.api.Test;

class CityGeneratorTests {
    private static byte[] generate(int workers, int days, long seed, boolean jsonl) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CityGenerator(new CityGenerator.Options(workers, days, seed, LocalDate.parse("2026-04-20"), jsonl))
                .write(out, n -> {});
        return out.toByteArray();
    }

    private static AuditResult audit(byte[] data, Input.Format format, List<Rejection> rejects) throws IOException {
        Input in = new Input("city", () -> new ByteArrayInputStream(data), format, false);
        return new Audit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC())
                .run(List.of(in), rejects::add, w -> {}, n -> {});
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        assertThat(generate(50, 5, 9, false)).isEqualTo(generate(50, 5, 9, false));
        assertThat(generate(50, 5, 9, false)).isNotEqualTo(generate(50, 5, 10, false));
    }

    @Test
    void aMonthOfACityShowsEveryRuleAndAFewBadRows() throws IOException {
        List<Rejection> rejects = new ArrayList<>();
        AuditResult r = audit(generate(400, 45, 1, false), Input.Format.CSV, rejects);
        assertThat(SummaryWriter.byRule(r.findings()).keySet())
                .containsExactlyInAnyOrder(
                        "REST_BREAK", "MIN_WAGE", "HOLIDAY_PAY", "INJURY_COVER", "DEPOSIT", "PAY_DELAY", "DAILY_HOURS");
        assertThat(r.ingest().rowsRead()).isGreaterThan(400L * 45 * 10);
        assertThat(r.ingest().rejected()).isEqualTo(rejects.size()).isPositive();
        assertThat(r.ingest().duplicates()).isPositive();
        assertThat(r.ingest().rejected() + r.ingest().duplicates())
                .isLessThan(r.ingest().rowsRead() / 1000);
        // Most worker-days are lawful: violations are a known minority, not noise.
        assertThat((long) r.findings().size()).isLessThan(r.counters().get("worker_days_evaluated") / 2);
    }

    @Test
    void jsonLinesCarriesTheSameEvents() throws IOException {
        AuditResult csv = audit(generate(60, 10, 4, false), Input.Format.CSV, new ArrayList<>());
        AuditResult jsonl = audit(generate(60, 10, 4, true), Input.Format.JSONL, new ArrayList<>());
        assertThat(jsonl.ingest().accepted()).isEqualTo(csv.ingest().accepted());
        assertThat(jsonl.findings()).isEqualTo(csv.findings());
    }
}
