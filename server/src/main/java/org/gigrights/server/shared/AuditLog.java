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
