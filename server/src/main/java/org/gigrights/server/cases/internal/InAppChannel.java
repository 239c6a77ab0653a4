package org.gigrights.server.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.gigrights.server.cases.NotificationChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** In-app notifications: a row per recipient, shown on the case list until read. */
@Component
class InAppChannel implements NotificationChannel {
    private final JdbcClient jdbc;
    private final Clock clock;

    InAppChannel(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void send(Long caseId, String recipient, String message) {
        jdbc.sql("INSERT INTO notification (case_id, recipient, message, created_at) VALUES (?, ?, ?, ?)")
                .params(caseId, recipient, message, Timestamp.from(clock.instant()))
                .update();
    }
}
