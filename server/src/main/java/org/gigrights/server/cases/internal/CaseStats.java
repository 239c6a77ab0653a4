package org.gigrights.server.cases.internal;

import java.util.ArrayList;
import java.util.List;
import org.gigrights.server.shared.Scope;
import org.gigrights.server.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Case statistics in the viewer's scope: counts by dimension, median time per stage, deadlines kept, satisfaction. */
@Component
public class CaseStats {
    /** A label and a count. */
    public record Count(String key, long count) {}

    /** The median hours a case spent in a stage, over the cases that left it. */
    public record StageTime(String stage, double medianHours, long cases) {}

    /**
     * Totals.
     *
     * @param finished cases disposed, evaluated or closed
     * @param withinDeadline share of the finished cases that kept every deadline (0–1), or null
     * @param meanRating the workers' mean rating, or null
     */
    public record Totals(
            long cases, long open, long overdue, long finished, Double withinDeadline, Double meanRating, long rated) {}

    private final JdbcClient jdbc;

    public CaseStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Totals totals(Viewer v) {
        Scope s = Scope.of(v, "c");
        return jdbc.sql("SELECT count(*),"
                        + " count(*) FILTER (WHERE stage NOT IN ('REJECTED','DISPOSED','EVALUATED','CLOSED','WITHDRAWN')),"
                        + " count(*) FILTER (WHERE due_date < current_date),"
                        + " count(*) FILTER (WHERE stage IN ('DISPOSED','EVALUATED','CLOSED')),"
                        + " avg(CASE WHEN missed_deadline THEN 0.0 ELSE 1.0 END)"
                        + "   FILTER (WHERE stage IN ('DISPOSED','EVALUATED','CLOSED')),"
                        + " avg(rating), count(rating) FROM case_file c WHERE true" + s.sql())
                .params(s.params())
                .query((rs, n) -> new Totals(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        (Double) nullable(rs.getObject(5)),
                        (Double) nullable(rs.getObject(6)),
                        rs.getLong(7)))
                .single();
    }

    private static Object nullable(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    /** Cases counted by {@code origin}, {@code matter}, {@code platform}, {@code stage} or {@code outcome}. */
    public List<Count> by(Viewer v, String column) {
        if (!List.of("origin", "matter", "platform", "stage", "outcome").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        Scope s = Scope.of(v, "c");
        List<Count> out = new ArrayList<>();
        jdbc.sql("SELECT coalesce(" + column + ", '-'), count(*) FROM case_file c WHERE true" + s.sql()
                        + " GROUP BY 1 ORDER BY 2 DESC, 1")
                .params(s.params())
                .query(rs -> {
                    out.add(new Count(rs.getString(1), rs.getLong(2)));
                });
        return out;
    }

    /** Median hours in each stage, from the steps that moved cases. */
    public List<StageTime> stageTimes(Viewer v) {
        Scope s = Scope.of(v, "c");
        return jdbc.sql("SELECT to_stage, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM next_at - at))"
                        + " / 3600, count(*) FROM (SELECT st.to_stage, st.at, lead(st.at) OVER"
                        + " (PARTITION BY st.case_id ORDER BY st.at, st.id) AS next_at FROM case_step st"
                        + " JOIN case_file c ON c.id = st.case_id WHERE st.from_stage IS DISTINCT FROM st.to_stage"
                        + s.sql() + ") x WHERE next_at IS NOT NULL GROUP BY 1 ORDER BY 1")
                .params(s.params())
                .query((rs, n) -> new StageTime(rs.getString(1), rs.getDouble(2), rs.getLong(3)))
                .list();
    }
}
