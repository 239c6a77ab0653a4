package org.gigrights.server.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.gigrights.server.cases.internal.CaseQueries.Notice;
import org.gigrights.server.shared.Scope;
import org.gigrights.server.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A viewer's notifications: those addressed to the account, its role, its platform or (a worker)
 * itself, about cases in its scope. Each account reads shared ones on its own ({@code notification_read}).
 * Pages read the unread count as {@code ${@notices.unread(user.viewer())}}.
 */
@Component("notices")
public class Notices {
    private final JdbcClient jdbc;
    private final Clock clock;

    public Notices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The viewer's notifications, newest first. */
    public List<Notice> list(Viewer v, boolean unreadOnly, int limit) {
        List<Object> p = new ArrayList<>();
        String from = from(v, p);
        p.add(limit);
        return jdbc.sql("SELECT n.id, n.case_id, n.message, n.created_at, coalesce(r.read_at, n.read_at) IS NOT NULL"
                        + from + (unreadOnly ? " AND r.read_at IS NULL AND n.read_at IS NULL" : "")
                        + " ORDER BY n.created_at DESC, n.id DESC LIMIT ?")
                .params(p)
                .query((rs, n) -> new Notice(
                        rs.getLong(1),
                        (Long) rs.getObject(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5)))
                .list();
    }

    /** How many are unread (the badge in the navigation). */
    public long unread(Viewer v) {
        List<Object> p = new ArrayList<>();
        String from = from(v, p);
        return jdbc.sql("SELECT count(*)" + from + " AND r.read_at IS NULL AND n.read_at IS NULL")
                .params(p)
                .query(Long.class)
                .single();
    }

    /** Marks one notification read; false when the viewer cannot see it. */
    public boolean markRead(Viewer v, long id) {
        List<Object> p = new ArrayList<>();
        p.add(v.username());
        p.add(Timestamp.from(clock.instant()));
        String from = from(v, p);
        p.add(id);
        jdbc.sql("INSERT INTO notification_read (notification_id, username, read_at) SELECT n.id, ?, ?" + from
                        + " AND n.id = ? ON CONFLICT DO NOTHING")
                .params(p)
                .update();
        List<Object> q = new ArrayList<>();
        String again = from(v, q);
        q.add(id);
        return jdbc.sql("SELECT count(*)" + again + " AND n.id = ?")
                        .params(q)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Marks every notification of the viewer read; returns how many were unread. */
    public int markAllRead(Viewer v) {
        List<Object> p = new ArrayList<>();
        p.add(v.username());
        p.add(Timestamp.from(clock.instant()));
        String from = from(v, p);
        return jdbc.sql("INSERT INTO notification_read (notification_id, username, read_at) SELECT n.id, ?, ?" + from
                        + " AND r.read_at IS NULL ON CONFLICT DO NOTHING")
                .params(p)
                .update();
    }

    /** FROM and WHERE for the viewer's notifications (adds its parameters to {@code p}). */
    private static String from(Viewer v, List<Object> p) {
        List<String> to = new ArrayList<>(
                List.of("user:" + v.username(), "role:" + v.role().name()));
        if (v.platform() != null) {
            to.add(v.worker() == null ? "platform:" + v.platform() : "worker:" + v.platform() + "/" + v.worker());
        } else {
            to.add(to.get(0));
        }
        Scope s = Scope.of(v, "c");
        p.add(v.username());
        p.addAll(to);
        p.addAll(s.params());
        return " FROM notification n LEFT JOIN case_file c ON c.id = n.case_id"
                + " LEFT JOIN notification_read r ON r.notification_id = n.id AND r.username = ?"
                + " WHERE n.recipient IN (?, ?, ?) AND (n.case_id IS NULL OR (true" + s.sql() + "))";
    }
}
