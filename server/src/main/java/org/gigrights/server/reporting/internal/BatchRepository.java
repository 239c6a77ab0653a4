package org.gigrights.server.reporting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.server.reporting.BatchReceipt;
import org.gigrights.server.reporting.Source;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Batches, their raw bodies and their rejects. */
@Repository
public class BatchRepository {
    private static final String COLUMNS =
            "id, platform, received_at, rows_read, accepted, corrected, duplicates," + " rejected, workers_recomputed";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public BatchRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Serialises the batches of one platform until the transaction ends. */
    void lock(String platform) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
                .param(platform)
                .query()
                .singleRow();
    }

    /** The receipt of a batch stored earlier with the same body, marked as a replay. */
    public Optional<BatchReceipt> find(String platform, String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM batch WHERE platform = ? AND content_sha256 = ?")
                .params(platform, sha256)
                .query((rs, n) -> receipt(rs, true))
                .optional();
    }

    public Optional<BatchReceipt> get(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM batch WHERE id = ?")
                .param(id)
                .query((rs, n) -> receipt(rs, false))
                .optional();
    }

    private BatchReceipt receipt(ResultSet rs, boolean replay) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new BatchReceipt(
                id,
                rs.getString("platform"),
                rs.getTimestamp("received_at").toInstant(),
                replay,
                rs.getLong("rows_read"),
                rs.getLong("accepted"),
                rs.getLong("corrected"),
                rs.getLong("duplicates"),
                rs.getLong("rejected"),
                rs.getLong("workers_recomputed"),
                rejects(id));
    }

    /** The rejected rows of a batch, by line. */
    public List<BatchReceipt.RejectedRow> rejects(UUID id) {
        return jdbc.sql("SELECT line, code, detail, raw FROM batch_reject WHERE batch_id = ? ORDER BY line, code")
                .param(id)
                .query((rs, n) ->
                        new BatchReceipt.RejectedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    void insert(UUID id, String platform, Source source, Input.Format format, String sha, Instant now, Path body) {
        try (InputStream in = Files.newInputStream(body)) {
            long size = Files.size(body);
            template.update(
                    "INSERT INTO batch (id, platform, source, format, content_sha256, received_at, rows_read, accepted,"
                            + " corrected, duplicates, rejected, body_gzip) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?)",
                    ps -> {
                        ps.setObject(1, id);
                        ps.setString(2, platform);
                        ps.setString(3, source.name());
                        ps.setString(4, format.name());
                        ps.setString(5, sha);
                        ps.setTimestamp(6, Timestamp.from(now));
                        ps.setBinaryStream(7, in, size);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void rejects(UUID id, List<Rejection> rejects) {
        template.batchUpdate(
                "INSERT INTO batch_reject (batch_id, line, code, detail, raw) VALUES (?, ?, ?, ?, ?)",
                rejects,
                1000,
                (ps, r) -> {
                    ps.setObject(1, id);
                    ps.setLong(2, r.line());
                    ps.setString(3, r.code().name());
                    ps.setString(4, r.detail());
                    ps.setString(5, r.raw().replace("\u0000", ""));
                });
    }

    void counts(UUID id, long rows, long accepted, long corrected, long duplicates, long rejected) {
        jdbc.sql(
                        "UPDATE batch SET rows_read = ?, accepted = ?, corrected = ?, duplicates = ?, rejected = ? WHERE id = ?")
                .params(rows, accepted, corrected, duplicates, rejected, id)
                .update();
    }

    void recomputed(UUID id, long workers) {
        jdbc.sql("UPDATE batch SET workers_recomputed = ? WHERE id = ?")
                .params(workers, id)
                .update();
    }

    /** The raw body of a batch, gzip-compressed, when the viewer's platform owns it. */
    public Optional<byte[]> body(UUID id, String platform) {
        return jdbc.sql("SELECT body_gzip FROM batch WHERE id = ? AND platform = ?")
                .params(id, platform)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }
}
