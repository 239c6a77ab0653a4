package org.gigrights.server.shared;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records who viewed or changed what, and when: every view of a person's record goes here. */
@Component
public class AuditLog {
    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One entry. */
    public record Entry(java.time.Instant at, String username, String role, String action, String subject) {}

    /**
     * Entries newest first, filtered by user name and by day (inclusive, in China time); any filter
     * may be null.
     */
    public java.util.List<Entry> find(
            String username, java.time.LocalDate from, java.time.LocalDate to, int limit, long offset) {
        java.util.List<Object> p = new java.util.ArrayList<>();
        String where = where(username, from, to, p);
        p.add(limit);
        p.add(offset);
        return jdbc.sql("SELECT at, username, role, action, subject FROM audit_log" + where
                        + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")
                .params(p)
                .query((rs, n) -> new Entry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    /** How many entries a filter matches. */
    public long count(String username, java.time.LocalDate from, java.time.LocalDate to) {
        java.util.List<Object> p = new java.util.ArrayList<>();
        return jdbc.sql("SELECT count(*) FROM audit_log" + where(username, from, to, p))
                .params(p)
                .query(Long.class)
                .single();
    }

    private static String where(
            String username, java.time.LocalDate from, java.time.LocalDate to, java.util.List<Object> p) {
        StringBuilder sb = new StringBuilder(" WHERE true");
        if (username != null && !username.isBlank()) {
            sb.append(" AND username = ?");
            p.add(username.strip());
        }
        java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
        if (from != null) {
            sb.append(" AND at >= ?");
            p.add(Timestamp.from(from.atStartOfDay(china).toInstant()));
        }
        if (to != null) {
            sb.append(" AND at < ?");
            p.add(Timestamp.from(to.plusDays(1).atStartOfDay(china).toInstant()));
        }
        return sb.toString();
    }

    public void record(Viewer viewer, String action, String subject) {
        jdbc.sql("INSERT INTO audit_log (at, username, role, action, subject) VALUES (?, ?, ?, ?, ?)")
                .params(
                        Timestamp.from(clock.instant()),
                        viewer.username(),
                        viewer.role().name(),
                        action,
                        subject)
                .update();
    }
}
