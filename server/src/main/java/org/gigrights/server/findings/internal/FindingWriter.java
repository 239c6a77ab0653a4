package org.gigrights.server.findings.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.gigrights.rules.model.Finding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the findings of some workers against the stored ones: new ones are inserted (FOUND),
 * changed ones updated (CHANGED), ones no longer found kept with {@code gone_at} (GONE), ones that
 * come back reopened (FOUND_AGAIN). A finding's identity is (platform, worker, rule, date, seq),
 * seq numbering the findings of one rule and date in their written order.
 */
@Component
class FindingWriter {
    /** A finding to store, with its identity and district. */
    record Computed(Finding finding, int seq, String district) {}

    private record Key(String worker, String rule, LocalDate date, int seq) {}

    private record Stored(long id, BigDecimal value, BigDecimal threshold, List<String> evidence, boolean gone) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    FindingWriter(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void write(String platform, String[] workers, List<Computed> computed, Instant now, UUID batch) {
        Map<Key, Stored> stored = new HashMap<>();
        jdbc.sql("SELECT id, worker, rule, date, seq, value, threshold, evidence, gone_at FROM finding"
                        + " WHERE platform = ? AND worker = ANY(?)")
                .params(platform, workers)
                .query(rs -> {
                    stored.put(
                            new Key(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getDate(4).toLocalDate(),
                                    rs.getInt(5)),
                            new Stored(
                                    rs.getLong(1),
                                    rs.getBigDecimal(6),
                                    rs.getBigDecimal(7),
                                    Arrays.asList((String[]) rs.getArray(8).getArray()),
                                    rs.getTimestamp(9) != null));
                });
        List<Computed> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        for (Computed c : computed) {
            Finding f = c.finding();
            Stored s = stored.remove(new Key(f.worker(), f.rule(), f.date(), c.seq()));
            if (s == null) {
                inserts.add(c);
                continue;
            }
            boolean same = s.value().compareTo(f.value()) == 0
                    && s.threshold().compareTo(f.threshold()) == 0
                    && s.evidence().equals(f.evidence());
            if (same && !s.gone()) {
                continue;
            }
            updates.add(new Object[] {
                f.severity().name(),
                f.value(),
                f.threshold(),
                f.citation(),
                f.message(),
                f.evidence().toArray(String[]::new),
                details(f),
                c.district(),
                at,
                s.id()
            });
            history.add(new Object[] {
                s.id(),
                at,
                s.gone() ? "FOUND_AGAIN" : "CHANGED",
                f.value(),
                f.evidence().toArray(String[]::new),
                batch
            });
        }
        List<Object[]> gone = new ArrayList<>();
        for (Stored s : stored.values()) {
            if (!s.gone()) {
                gone.add(new Object[] {at, at, s.id()});
                history.add(new Object[] {s.id(), at, "GONE", null, null, batch});
            }
        }
        List<Long> ids = inserts.isEmpty()
                ? List.of()
                : jdbc.sql("SELECT nextval('finding_id_seq') FROM generate_series(1, ?)")
                        .param(inserts.size())
                        .query(Long.class)
                        .list();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < inserts.size(); i++) {
            Computed c = inserts.get(i);
            Finding f = c.finding();
            rows.add(new Object[] {
                ids.get(i),
                platform,
                f.worker(),
                f.rule(),
                Date.valueOf(f.date()),
                c.seq(),
                f.severity().name(),
                f.value(),
                f.threshold(),
                f.citation(),
                f.message(),
                f.evidence().toArray(String[]::new),
                details(f),
                c.district(),
                at,
                at
            });
            history.add(new Object[] {
                ids.get(i), at, "FOUND", f.value(), f.evidence().toArray(String[]::new), batch
            });
        }
        template.batchUpdate(
                "INSERT INTO finding (id, platform, worker, rule, date, seq, severity, value, threshold, citation,"
                        + " message, evidence, details, district, first_found_at, changed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        template.batchUpdate(
                "UPDATE finding SET severity = ?, value = ?, threshold = ?, citation = ?, message = ?, evidence = ?,"
                        + " details = ?, district = ?, changed_at = ?, gone_at = NULL WHERE id = ?",
                updates);
        template.batchUpdate("UPDATE finding SET gone_at = ?, changed_at = ? WHERE id = ?", gone);
        template.batchUpdate(
                "INSERT INTO finding_history (finding_id, at, change, value, evidence, batch_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                history);
    }

    /** The details of a finding as {@code name=value} lines. */
    static String details(Finding f) {
        StringBuilder sb = new StringBuilder();
        f.details()
                .forEach((k, v) ->
                        sb.append(k).append('=').append(Objects.toString(v, "")).append('\n'));
        return sb.toString();
    }
}
