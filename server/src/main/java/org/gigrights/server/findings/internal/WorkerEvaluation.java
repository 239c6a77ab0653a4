package org.gigrights.server.findings.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gigrights.rules.check.Counters;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.check.WorkerHistory;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.WorkEvent;
import org.gigrights.rules.params.RulePack;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Runs the rules over some workers of one platform and stores their findings and day facts. */
@Component
public class WorkerEvaluation {
    private final EventLoader loader;
    private final Packs packs;
    private final RuleSet rules;
    private final FindingWriter writer;
    private final JdbcTemplate template;

    WorkerEvaluation(EventLoader loader, Packs packs, RuleSet rules, FindingWriter writer, JdbcTemplate template) {
        this.loader = loader;
        this.packs = packs;
        this.rules = rules;
        this.writer = writer;
        this.template = template;
    }

    /** Evaluates the workers; call inside a transaction. */
    public void evaluate(
            String platform, List<String> workers, long periodEndMillis, Instant now, UUID batch, Counters counters) {
        RulePack pack = packs.forPlatform(platform);
        Map<String, List<WorkEvent>> events = loader.byWorker(platform, workers);
        List<FindingWriter.Computed> computed = new ArrayList<>();
        List<Object[]> days = new ArrayList<>();
        for (Map.Entry<String, List<WorkEvent>> w : events.entrySet()) {
            WorkerHistory history =
                    new WorkerHistory(pack, platform, w.getKey(), w.getValue(), periodEndMillis, counters);
            List<Finding> found = rules.evaluate(history);
            Map<LocalDate, String> districts = new HashMap<>();
            for (WorkerDays.Day d : WorkerDays.of(history)) {
                districts.put(d.date(), d.district());
                days.add(new Object[] {
                    platform,
                    w.getKey(),
                    Date.valueOf(d.date()),
                    d.district(),
                    BigDecimal.valueOf(d.workMinutes()).setScale(2, RoundingMode.HALF_UP),
                    d.payCents(),
                    d.orders(),
                    d.insuredOrders(),
                    BigDecimal.valueOf(d.longestStretchMinutes()).setScale(2, RoundingMode.HALF_UP)
                });
            }
            Map<String, Integer> seq = new HashMap<>();
            for (Finding f : found) {
                int n = seq.merge(f.rule() + "|" + f.date(), 1, Integer::sum);
                computed.add(new FindingWriter.Computed(f, n, districts.get(f.date())));
            }
        }
        String[] ids = workers.toArray(String[]::new);
        writer.write(platform, ids, computed, now, batch);
        template.update("DELETE FROM worker_day WHERE platform = ? AND worker = ANY(?)", platform, ids);
        template.batchUpdate(
                "INSERT INTO worker_day (platform, worker, date, district, work_minutes, pay_cents, orders,"
                        + " insured_orders, longest_stretch_minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                days);
    }
}
