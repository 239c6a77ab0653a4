package org.gigrights.engine.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gigrights.engine.ingest.IngestStats;
import org.gigrights.rules.check.Counters;
import org.gigrights.rules.model.Finding;

/**
 * What an audit found and how it read its inputs.
 *
 * @param pack the rule pack's name
 * @param startedAt when the run started (wall clock)
 * @param finishedAt when it finished
 * @param findings every finding, in {@link Finding#ORDER}
 * @param ingest counts of rows read, accepted, duplicated and rejected
 * @param counters what the rules counted without judging
 * @param periodEnd the end of each platform's reporting period, epoch millis
 * @param warnings warnings about whole inputs
 */
public record AuditResult(
        String pack,
        Instant startedAt,
        Instant finishedAt,
        List<Finding> findings,
        IngestStats ingest,
        Counters counters,
        Map<String, Long> periodEnd,
        List<String> warnings) {}
