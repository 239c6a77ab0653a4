package org.gigrights.server.findings;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.gigrights.rules.check.Counters;
import org.gigrights.server.findings.internal.WorkerEvaluation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the findings of a platform's workers from their stored events, with the rules core
 * unchanged. When the platform's period end moved (a later event arrived), every worker of the
 * platform is recomputed, since PAY_DELAY judges open earnings against it (docs/adr/0007). Then
 * {@link FindingsRecomputed} is published.
 */
@Service
public class Recomputation {
    private static final int CHUNK = 400;

    private final JdbcClient jdbc;
    private final WorkerEvaluation evaluation;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Recomputation(
            JdbcClient jdbc,
            WorkerEvaluation evaluation,
            TransactionTemplate tx,
            Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.evaluation = evaluation;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Recomputes some workers of a platform (all of them if its period end moved).
     *
     * @return the number of workers recomputed
     */
    public long recompute(String platform, Set<String> workers, UUID batch) {
        return recompute(platform, workers, batch, (done, total) -> {});
    }

    /**
     * Recomputes as above, telling {@code progress} the workers done and the total after each chunk.
     *
     * @return the number of workers recomputed
     */
    public long recompute(String platform, Set<String> workers, UUID batch, BiConsumer<Integer, Integer> progress) {
        Instant end = periodEnd(platform);
        if (end == null) {
            return 0;
        }
        Timestamp computed = jdbc.sql("SELECT computed_period_end FROM platform WHERE code = ?")
                .param(platform)
                .query(Timestamp.class)
                .optional()
                .orElse(null);
        Collection<String> targets = workers;
        if (computed == null || !computed.toInstant().equals(end)) {
            targets = jdbc.sql("SELECT DISTINCT worker FROM event WHERE platform = ? AND superseded_at IS NULL")
                    .param(platform)
                    .query(String.class)
                    .list();
        }
        List<String> all = new ArrayList<>(targets);
        all.addAll(workers);
        List<String> list = all.stream().distinct().sorted().toList();
        Counters counters = new Counters();
        for (int i = 0; i < list.size(); i += CHUNK) {
            List<String> chunk = list.subList(i, Math.min(list.size(), i + CHUNK));
            tx.executeWithoutResult(s -> {
                jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('findings:' || ?))")
                        .param(platform)
                        .query()
                        .singleRow();
                evaluation.evaluate(platform, chunk, end.toEpochMilli(), clock.instant(), batch, counters);
            });
            progress.accept(Math.min(list.size(), i + CHUNK), list.size());
        }
        jdbc.sql("UPDATE platform SET computed_period_end = ? WHERE code = ?")
                .params(Timestamp.from(end), platform)
                .update();
        events.publishEvent(new FindingsRecomputed(platform, list, batch));
        return list.size();
    }

    /** The platform's period end: set explicitly, else the latest event time it reported. */
    public Instant periodEnd(String platform) {
        Timestamp set = jdbc.sql("SELECT period_end FROM platform WHERE code = ?")
                .param(platform)
                .query(Timestamp.class)
                .optional()
                .orElse(null);
        if (set != null) {
            return set.toInstant();
        }
        Timestamp latest = jdbc.sql("SELECT max(time) FROM event WHERE platform = ? AND superseded_at IS NULL")
                .param(platform)
                .query(Timestamp.class)
                .optional()
                .orElse(null);
        return latest == null ? null : latest.toInstant();
    }
}
