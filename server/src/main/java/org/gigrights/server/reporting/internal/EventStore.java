package org.gigrights.server.reporting.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.gigrights.rules.model.WorkEvent;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Stores accepted events, versioned: an event equal to the current one is a duplicate, one that
 * differs supersedes it as a new version, a new id starts at version 1. Runs inside the caller's
 * transaction; loads through COPY.
 */
@Component
public class EventStore {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int COPY_CHUNK = 20_000;

    /** What a merge did. */
    public record Merge(long inserted, long corrected, long duplicates, Set<String> affectedWorkers) {}

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public EventStore(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Merges one platform's events into the store. Call inside a transaction. */
    public Merge merge(String platform, UUID batch, Collection<WorkEvent> events, Instant now) throws IOException {
        jdbc.sql("CREATE TEMP TABLE incoming (event_id text, worker text, person text, type text, time timestamptz,"
                        + " local_date date, order_id text, amount_cents bigint, region text, insured boolean,"
                        + " reason text, content_hash text) ON COMMIT DROP")
                .update();
        copy(events);
        jdbc.sql("ANALYZE incoming").update();
        long duplicates = jdbc.sql(
                        "SELECT count(*) FROM incoming i JOIN event e ON e.platform = ?"
                                + " AND e.event_id = i.event_id AND e.superseded_at IS NULL AND e.content_hash = i.content_hash")
                .param(platform)
                .query(Long.class)
                .single();
        Set<String> workers = new TreeSet<>(jdbc.sql("SELECT e.worker FROM incoming i JOIN event e ON e.platform = ?"
                        + " AND e.event_id = i.event_id AND e.superseded_at IS NULL AND e.content_hash <> i.content_hash"
                        + " UNION SELECT i.worker FROM incoming i WHERE NOT EXISTS (SELECT 1 FROM event e"
                        + " WHERE e.platform = ? AND e.event_id = i.event_id AND e.superseded_at IS NULL"
                        + " AND e.content_hash = i.content_hash)")
                .params(platform, platform)
                .query(String.class)
                .list());
        long corrected = jdbc.sql(
                        "UPDATE event e SET superseded_at = ? FROM incoming i WHERE e.platform = ?"
                                + " AND e.event_id = i.event_id AND e.superseded_at IS NULL AND e.content_hash <> i.content_hash")
                .params(Timestamp.from(now), platform)
                .update();
        long inserted = jdbc.sql("INSERT INTO event (platform, event_id, version, worker, person, type, time,"
                        + " local_date, order_id, amount_cents, region, insured, reason, content_hash, batch_id)"
                        + " SELECT ?, i.event_id, COALESCE((SELECT max(v.version) FROM event v WHERE v.platform = ?"
                        + " AND v.event_id = i.event_id), 0) + 1, i.worker, i.person, i.type, i.time, i.local_date,"
                        + " i.order_id, i.amount_cents, i.region, i.insured, i.reason, i.content_hash, ?"
                        + " FROM incoming i WHERE NOT EXISTS (SELECT 1 FROM event e WHERE e.platform = ?"
                        + " AND e.event_id = i.event_id AND e.superseded_at IS NULL)")
                .params(platform, platform, batch, platform)
                .update();
        return new Merge(inserted, corrected, duplicates, workers);
    }

    private void copy(Collection<WorkEvent> events) throws IOException {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder sb = new StringBuilder(1 << 20);
            int n = 0;
            for (WorkEvent e : events) {
                row(sb, e);
                if (++n % COPY_CHUNK == 0) {
                    copy.copyIn("COPY incoming FROM STDIN", new StringReader(sb.toString()));
                    sb.setLength(0);
                }
            }
            if (sb.length() > 0) {
                copy.copyIn("COPY incoming FROM STDIN", new StringReader(sb.toString()));
            }
        } catch (SQLException e) {
            throw new IOException("COPY of events failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private static void row(StringBuilder sb, WorkEvent e) {
        Instant t = Instant.ofEpochMilli(e.timeMillis());
        text(sb, e.eventId()).append('\t');
        text(sb, e.worker()).append('\t');
        text(sb, e.person()).append('\t');
        sb.append(e.type().name()).append('\t');
        sb.append(t).append('\t');
        sb.append(t.atZone(ZONE).toLocalDate()).append('\t');
        text(sb, e.order()).append('\t');
        sb.append(e.amountCents() == WorkEvent.NO_AMOUNT ? "\\N" : Long.toString(e.amountCents()))
                .append('\t');
        text(sb, e.region()).append('\t');
        sb.append(e.insured() ? 't' : 'f').append('\t');
        sb.append(e.reason() == null ? "\\N" : e.reason().name()).append('\t');
        sb.append(contentHash(e)).append('\n');
    }

    private static StringBuilder text(StringBuilder sb, String s) {
        if (s == null) {
            return sb.append("\\N");
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb;
    }

    /** A hash of every field of the canonical event: equal events, equal hashes. */
    static String contentHash(WorkEvent e) {
        String s = String.join(
                "\u0001",
                List.of(
                        e.worker(),
                        String.valueOf(e.person()),
                        e.type().name(),
                        Long.toString(e.timeMillis()),
                        String.valueOf(e.order()),
                        Long.toString(e.amountCents()),
                        String.valueOf(e.region()),
                        Boolean.toString(e.insured()),
                        String.valueOf(e.reason())));
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
