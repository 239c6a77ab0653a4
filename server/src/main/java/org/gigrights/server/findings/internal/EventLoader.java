package org.gigrights.server.findings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Reason;
import org.gigrights.rules.model.WorkEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the current version of stored events back into canonical events. */
@Component
public class EventLoader {
    static final String COLUMNS =
            "event_id, platform, worker, person, type, time, order_id, amount_cents, region, insured, reason";

    private final JdbcClient jdbc;

    public EventLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current events of some workers of a platform, by worker. */
    public Map<String, List<WorkEvent>> byWorker(String platform, Collection<String> workers) {
        Map<String, List<WorkEvent>> out = new TreeMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM event WHERE platform = ? AND worker = ANY(?) AND superseded_at IS NULL")
                .params(platform, workers.toArray(String[]::new))
                .query(rs -> {
                    WorkEvent e = event(rs);
                    out.computeIfAbsent(e.worker(), w -> new ArrayList<>()).add(e);
                });
        return out;
    }

    /** Maps a row selected with {@link #COLUMNS}. */
    public static WorkEvent event(ResultSet rs) throws SQLException {
        long amount = rs.getLong("amount_cents");
        if (rs.wasNull()) {
            amount = WorkEvent.NO_AMOUNT;
        }
        String reason = rs.getString("reason");
        return new WorkEvent(
                rs.getString("event_id"),
                rs.getString("platform"),
                rs.getString("worker"),
                rs.getString("person"),
                EventType.valueOf(rs.getString("type")),
                rs.getTimestamp("time").getTime(),
                rs.getString("order_id"),
                amount,
                rs.getString("region"),
                rs.getBoolean("insured"),
                reason == null ? null : Reason.valueOf(reason));
    }
}
