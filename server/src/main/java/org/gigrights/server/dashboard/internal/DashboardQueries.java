package org.gigrights.server.dashboard.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gigrights.server.findings.Districts;
import org.gigrights.server.shared.Scope;
import org.gigrights.server.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Totals and counts for the dashboard, limited to the viewer's scope. */
@Component
public class DashboardQueries {
    /** What the data covers. */
    public record Totals(long workers, long workerDays, long hours, long payYuan, long findings) {}

    /** A label, the value it filters by, and a count. */
    public record Bar(String label, String key, long count) {}

    private final JdbcClient jdbc;

    public DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Totals totals(Viewer v) {
        Scope s = Scope.of(v, "");
        Object[] t = jdbc.sql(
                        "SELECT count(DISTINCT (platform, worker)), count(*), coalesce(sum(work_minutes), 0) / 60,"
                                + " coalesce(sum(pay_cents), 0) / 100 FROM worker_day WHERE true" + s.sql())
                .params(s.params())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .single();
        long findings = jdbc.sql("SELECT count(*) FROM finding WHERE gone_at IS NULL" + s.sql())
                .params(s.params())
                .query(Long.class)
                .single();
        return new Totals((long) t[0], (long) t[1], (long) t[2], (long) t[3], findings);
    }

    /** Open findings counted by a column: {@code rule}, {@code platform}, {@code district} or {@code date}. */
    public List<Bar> by(Viewer v, String column) {
        if (!List.of("rule", "platform", "district", "date").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        Scope s = Scope.of(v, "");
        String order = column.equals("date") ? "1" : "2 DESC, 1";
        List<Bar> out = new ArrayList<>();
        jdbc.sql("SELECT " + column + "::text, count(*) FROM finding WHERE gone_at IS NULL" + s.sql()
                        + " GROUP BY 1 ORDER BY " + order)
                .params(s.params())
                .query(rs -> {
                    String key = rs.getString(1);
                    String label = column.equals("district") ? Districts.name(key) : key;
                    out.add(new Bar(label, key == null ? "" : key, rs.getLong(2)));
                });
        return out;
    }

    /** Open findings by day and rule, for the trend chart. */
    public Map<String, Map<String, Long>> trend(Viewer v) {
        Scope s = Scope.of(v, "");
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        jdbc.sql("SELECT rule, date::text, count(*) FROM finding WHERE gone_at IS NULL" + s.sql()
                        + " GROUP BY 1, 2 ORDER BY 2, 1")
                .params(s.params())
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                });
        return out;
    }
}
