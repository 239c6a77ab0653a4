package org.gigrights.server.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gigrights.engine.ingest.Input;
import org.gigrights.server.identity.GigrightsUser;
import org.gigrights.server.reporting.BatchReceipt;
import org.gigrights.server.reporting.internal.BatchRepository;
import org.gigrights.server.reporting.internal.UploadJobs;
import org.gigrights.server.shared.AuditLog;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.gigrights.server.shared.Masking;
import org.gigrights.server.shared.TableExport;
import org.gigrights.server.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The platform's own view: its batches, rejects and findings with exports (CSV and Excel), and file
 * upload with progress for platforms without an integration. An admin sees every platform.
 */
@Controller
public class PlatformPages {
    static final int PAGE = 50;
    static final List<String> BATCH_HEADER = List.of(
            "batch", "platform", "source", "received", "rows", "accepted", "corrected", "duplicates", "rejected");
    static final List<String> REJECT_HEADER = List.of("batch", "platform", "line", "code", "detail", "raw");

    private final UploadJobs jobs;
    private final BatchRepository batches;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    public PlatformPages(UploadJobs jobs, BatchRepository batches, JdbcClient jdbc, AuditLog audit) {
        this.jobs = jobs;
        this.batches = batches;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** One row of the batch list. */
    public record BatchRow(
            String id,
            String platform,
            String source,
            String receivedAt,
            long rows,
            long accepted,
            long corrected,
            long duplicates,
            long rejected) {}

    private static final String BATCH_SQL = "SELECT id::text, platform, source, to_char(received_at AT TIME ZONE"
            + " 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS'), rows_read, accepted, corrected, duplicates, rejected"
            + " FROM batch WHERE (?::text IS NULL OR platform = ?) ORDER BY received_at DESC, id";

    private static BatchRow batchRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new BatchRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getLong(9));
    }

    @GetMapping("/platform")
    String home(
            @AuthenticationPrincipal GigrightsUser user,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        String platform = user.viewer().platform();
        int p = Math.max(0, page);
        long total = jdbc.sql("SELECT count(*) FROM batch WHERE (?::text IS NULL OR platform = ?)")
                .params(platform, platform)
                .query(Long.class)
                .single();
        model.addAttribute("user", user);
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
        model.addAttribute("total", total);
        model.addAttribute(
                "batches",
                jdbc.sql(BATCH_SQL + " LIMIT ? OFFSET ?")
                        .params(platform, platform, PAGE, (long) p * PAGE)
                        .query((rs, n) -> batchRow(rs))
                        .list());
        return htmx != null ? "platform :: batches" : "platform";
    }

    /** One batch with its rejected rows (as sent, numbers masked): a view of persons' data, so audited. */
    @GetMapping("/platform/batches/{id}")
    String batch(@AuthenticationPrincipal GigrightsUser user, @PathVariable UUID id, Model model) {
        Viewer v = user.viewer();
        BatchReceipt b = visible(v, id);
        audit.record(v, "VIEW_BATCH", b.platform() + "/batch " + id);
        model.addAttribute("user", user);
        model.addAttribute("receipt", b);
        model.addAttribute("rejects", masked(b, v));
        return "batch";
    }

    private static List<BatchReceipt.RejectedRow> masked(BatchReceipt b, Viewer v) {
        return b.rejects().stream()
                .map(r -> new BatchReceipt.RejectedRow(
                        r.line(), r.code(), Masking.text(r.detail(), v), Masking.text(r.raw(), v)))
                .toList();
    }

    /** The batch list as CSV or Excel. */
    @GetMapping("/platform/export/batches.{ext}")
    void exportBatches(
            @AuthenticationPrincipal GigrightsUser user, @PathVariable String ext, HttpServletResponse response)
            throws IOException {
        TableExport.Format format = TableExport.Format.of(ext);
        String platform = user.viewer().platform();
        audit.record(user.viewer(), "EXPORT_BATCHES_" + format.name(), "platform=" + platform);
        TableExport.write(
                format,
                "batches",
                BATCH_HEADER,
                rows -> jdbc.sql(BATCH_SQL).params(platform, platform).query(rs -> {
                    BatchRow b = batchRow(rs);
                    rows.row(
                            b.id(),
                            b.platform(),
                            b.source(),
                            b.receivedAt(),
                            b.rows(),
                            b.accepted(),
                            b.corrected(),
                            b.duplicates(),
                            b.rejected());
                }),
                response);
    }

    /**
     * Rejected rows (of one batch, or of all the platform's batches) as CSV or Excel: rows as sent may
     * hold persons' numbers, so they are masked and the export audited.
     */
    @GetMapping("/platform/export/rejects.{ext}")
    void exportRejects(
            @AuthenticationPrincipal GigrightsUser user,
            @PathVariable String ext,
            @RequestParam(required = false) UUID batch,
            HttpServletResponse response)
            throws IOException {
        TableExport.Format format = TableExport.Format.of(ext);
        Viewer v = user.viewer();
        if (batch != null) {
            visible(v, batch);
        }
        String platform = v.platform();
        audit.record(v, "EXPORT_REJECTS_" + format.name(), "platform=" + platform + " batch=" + batch);
        List<Object> params = new ArrayList<>(List.of());
        StringBuilder sql = new StringBuilder("SELECT b.id::text, b.platform, r.line, r.code, r.detail, r.raw"
                + " FROM batch_reject r JOIN batch b ON b.id = r.batch_id WHERE true");
        if (platform != null) {
            sql.append(" AND b.platform = ?");
            params.add(platform);
        }
        if (batch != null) {
            sql.append(" AND b.id = ?");
            params.add(batch);
        }
        sql.append(" ORDER BY b.received_at DESC, b.id, r.line, r.code");
        TableExport.write(
                format,
                "rejects",
                REJECT_HEADER,
                rows -> jdbc.sql(sql.toString()).params(params).query((java.sql.ResultSet rs) -> {
                    rows.row(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getString(4),
                            Masking.text(rs.getString(5), v),
                            Masking.text(rs.getString(6), v));
                }),
                response);
    }

    /** Stores the file, starts receiving it in the background and shows its progress. */
    @PostMapping("/platform/upload")
    String upload(@AuthenticationPrincipal GigrightsUser user, @RequestParam("file") MultipartFile file)
            throws IOException {
        String platform = user.viewer().platform();
        if (platform == null) {
            throw new GigrightsException(ErrorCode.FORBIDDEN, "only a platform account uploads its own data");
        }
        String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        Input.Format format = EventsApi.format(null, name.toLowerCase().contains(".csv") ? "csv" : "jsonl");
        Path tmp = Files.createTempFile("gigrights-upload", name.toLowerCase().endsWith(".gz") ? ".gz" : ".dat");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        UUID job = jobs.submit(user.getUsername(), platform, name, format, tmp);
        return "redirect:/platform/jobs/" + job;
    }

    /** A job's progress: the page, or (for htmx polling) just its status, which stops polling when done. */
    @GetMapping("/platform/jobs/{id}")
    String job(
            @AuthenticationPrincipal GigrightsUser user,
            @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        UploadJobs.Status s = jobs.status(id, user.getUsername())
                .orElseThrow(() -> new GigrightsException(ErrorCode.NOT_FOUND, "no upload " + id));
        model.addAttribute("user", user);
        model.addAttribute("job", s);
        model.addAttribute("receipt", s.receipt());
        model.addAttribute("rejects", s.receipt() == null ? List.of() : masked(s.receipt(), user.viewer()));
        return htmx != null ? "job :: status" : "job";
    }

    private BatchReceipt visible(Viewer v, UUID id) {
        return batches.get(id)
                .filter(b -> v.platform() == null || v.platform().equals(b.platform()))
                .orElseThrow(() -> new GigrightsException(ErrorCode.NOT_FOUND, "no batch " + id));
    }
}
