package org.gigrights.server.findings;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.gigrights.rules.model.WorkEvent;
import org.gigrights.server.findings.internal.EventLoader;
import org.gigrights.server.shared.Scope;
import org.gigrights.server.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads findings within a viewer's data scope. */
@Component
public class FindingQueries {
    private static final String COLUMNS = "f.id, f.rule, f.severity, f.platform, f.worker, f.date, f.value,"
            + " f.threshold, f.citation, f.message, f.evidence, f.details, f.district, f.first_found_at,"
            + " f.changed_at, f.gone_at";

    /** One page of a list. */
    public record Page<T>(List<T> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** One change in a finding's life. */
    public record Change(Instant at, String change, java.math.BigDecimal value, List<String> evidence) {}

    private final JdbcClient jdbc;

    public FindingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<FindingView> list(Viewer viewer, FindingFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = " WHERE true" + filter.where(params) + scope(viewer, params);
        long total = jdbc.sql("SELECT count(*) FROM finding f" + where)
                .params(params)
                .query(Long.class)
                .single();
        int size = filter.safeSize();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) Math.max(0, filter.page()) * size);
        List<FindingView> items = jdbc.sql(
                        "SELECT " + COLUMNS + " FROM finding f" + where + filter.orderBy() + " LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> view(rs))
                .list();
        return new Page<>(items, total, Math.max(0, filter.page()), size);
    }

    /** Every finding of a filter, streamed (for exports). */
    public void each(Viewer viewer, FindingFilter filter, Consumer<FindingView> out) {
        List<Object> params = new ArrayList<>();
        String where = " WHERE true" + filter.where(params) + scope(viewer, params);
        jdbc.sql("SELECT " + COLUMNS + " FROM finding f" + where + filter.orderBy())
                .params(params)
                .query(rs -> {
                    out.accept(view(rs));
                });
    }

    /** One finding, if the viewer may see it. */
    public Optional<FindingView> get(Viewer viewer, long id) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        String sql = "SELECT " + COLUMNS + " FROM finding f WHERE f.id = ?" + scope(viewer, params);
        return jdbc.sql(sql).params(params).query((rs, n) -> view(rs)).optional();
    }

    /** The evidence events of a finding, current versions, in time order. */
    public List<WorkEvent> evidence(FindingView f) {
        return jdbc.sql("SELECT " + "event_id, platform, worker, person, type, time, order_id, amount_cents, region,"
                        + " insured, reason FROM event WHERE platform = ? AND event_id = ANY(?)"
                        + " AND superseded_at IS NULL ORDER BY time, event_id")
                .params(f.platform(), f.evidence().toArray(String[]::new))
                .query((rs, n) -> EventLoader.event(rs))
                .list();
    }

    public List<Change> history(long findingId) {
        return jdbc.sql("SELECT at, change, value, evidence FROM finding_history WHERE finding_id = ? ORDER BY at")
                .param(findingId)
                .query((rs, n) -> new Change(
                        rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getBigDecimal(3), strings(rs.getArray(4))))
                .list();
    }

    /** The open findings of one platform, in the rules' written order (the API's answer). */
    public List<FindingView> ofPlatform(String platform) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM finding f WHERE f.platform = ? AND f.gone_at IS NULL"
                        + " ORDER BY f.worker, f.date, f.rule, f.seq")
                .param(platform)
                .query((rs, n) -> view(rs))
                .list();
    }

    private static String scope(Viewer viewer, List<Object> params) {
        Scope s = Scope.of(viewer, "f");
        params.addAll(s.params());
        return s.sql();
    }

    private static FindingView view(ResultSet rs) throws SQLException {
        Timestamp gone = rs.getTimestamp("gone_at");
        return new FindingView(
                rs.getLong("id"),
                rs.getString("rule"),
                rs.getString("severity"),
                rs.getString("platform"),
                rs.getString("worker"),
                rs.getDate("date").toLocalDate(),
                rs.getBigDecimal("value"),
                rs.getBigDecimal("threshold"),
                rs.getString("citation"),
                rs.getString("message"),
                strings(rs.getArray("evidence")),
                FindingView.parseDetails(rs.getString("details")),
                rs.getString("district"),
                rs.getTimestamp("first_found_at").toInstant(),
                rs.getTimestamp("changed_at").toInstant(),
                gone == null ? null : gone.toInstant());
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
