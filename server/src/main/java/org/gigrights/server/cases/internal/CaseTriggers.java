package org.gigrights.server.cases.internal;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gigrights.server.GigrightsProperties;
import org.gigrights.server.cases.Matter;
import org.gigrights.server.findings.FindingsRecomputed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Automatic cases from findings by the configured triggers ({@code RULE:N}: N open findings of a
 * rule for one worker in one month not yet in a case), and the deadline escalation; both run every
 * {@code gigrights.cases.scan-every}. The triggers also run for the workers of a batch right after its
 * findings were recomputed ({@link FindingsRecomputed}).
 */
@Component
public class CaseTriggers implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(CaseTriggers.class);

    /** One trigger. */
    public record Trigger(String rule, int count) {
        static Trigger parse(String s) {
            String[] p = s.strip().split(":");
            return new Trigger(p[0], p.length > 1 ? Integer.parseInt(p[1]) : 1);
        }

        @Override
        public String toString() {
            return rule + ":" + count;
        }
    }

    private final JdbcClient jdbc;
    private final CaseIntake intake;
    private final CaseDeadlines deadlines;
    private final GigrightsProperties.Cases props;
    private final List<Trigger> triggers;
    private ScheduledExecutorService timer;

    public CaseTriggers(JdbcClient jdbc, CaseIntake intake, CaseDeadlines deadlines, GigrightsProperties props) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.deadlines = deadlines;
        this.props = props.cases();
        this.triggers = this.props.triggers().stream().map(Trigger::parse).toList();
    }

    /** Opens (or links) the cases the triggers call for; returns how many intakes were made. */
    public int scan() {
        return scan(null, null);
    }

    /**
     * The triggers for some workers of a platform only.
     *
     * @param platform the platform, or null for all
     * @param workers its workers, or null for all
     */
    public int scan(String platform, List<String> workers) {
        int made = 0;
        for (Trigger t : triggers) {
            List<Object[]> groups = new ArrayList<>();
            List<Object> p = new ArrayList<>(List.of(t.rule()));
            String only = "";
            if (platform != null) {
                only += " AND f.platform = ?";
                p.add(platform);
            }
            if (workers != null) {
                only += " AND f.worker = ANY(?)";
                p.add(workers.toArray(String[]::new));
            }
            p.add(t.count());
            jdbc.sql("SELECT f.platform, f.worker, array_agg(f.id ORDER BY f.id) FROM finding f"
                            + " WHERE f.gone_at IS NULL AND f.rule = ?" + only
                            + " AND NOT EXISTS (SELECT 1 FROM case_finding cf WHERE cf.finding_id = f.id)"
                            + " GROUP BY f.platform, f.worker, date_trunc('month', f.date) HAVING count(*) >= ?"
                            + " ORDER BY 1, 2")
                    .params(p)
                    .query(rs -> {
                        Array a = rs.getArray(3);
                        groups.add(new Object[] {rs.getString(1), rs.getString(2), a.getArray()});
                    });
            for (Object[] g : groups) {
                List<Long> ids = Arrays.stream((Long[]) g[2]).toList();
                intake.openAuto((String) g[0], (String) g[1], Matter.ofRule(t.rule()), t.toString(), ids);
                made++;
            }
        }
        return made;
    }

    /** Right after a batch's findings were recomputed: the triggers for its workers. Never fails the batch. */
    @EventListener
    public void recomputed(FindingsRecomputed e) {
        if (triggers.isEmpty() || e.workers().isEmpty()) {
            return;
        }
        try {
            int made = scan(e.platform(), e.workers());
            if (made > 0) {
                log.info("cases: {} automatic intakes after batch {} of {}", made, e.batch(), e.platform());
            }
        } catch (RuntimeException x) {
            log.warn("case triggers after batch {} failed", e.batch(), x);
        }
    }

    /** One round: triggers, then escalation of overdue cases. */
    public void round() {
        try {
            int made = scan();
            int escalated = deadlines.escalate();
            if (made + escalated > 0) {
                log.info("cases: {} automatic intakes, {} escalated", made, escalated);
            }
        } catch (RuntimeException e) {
            log.warn("case scan failed", e);
        }
    }

    @Override
    public void start() {
        long every = props.scanEvery().toMillis();
        if (every > 0) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread th = new Thread(r, "case-scan");
                th.setDaemon(true);
                return th;
            });
            timer.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
