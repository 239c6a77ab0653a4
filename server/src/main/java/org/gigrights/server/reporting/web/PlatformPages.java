package org.gigrights.server.reporting.web;

import java.io.IOException;
import java.io.InputStream;
import org.gigrights.engine.ingest.Input;
import org.gigrights.server.identity.GigrightsUser;
import org.gigrights.server.reporting.BatchReceipt;
import org.gigrights.server.reporting.Source;
import org.gigrights.server.reporting.internal.ReportingService;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The platform's own view: its batches and rejects, and file upload for platforms without an integration. */
@Controller
public class PlatformPages {
    private final ReportingService reporting;
    private final JdbcClient jdbc;

    public PlatformPages(ReportingService reporting, JdbcClient jdbc) {
        this.reporting = reporting;
        this.jdbc = jdbc;
    }

    /** One row of the batch list. */
    public record BatchRow(
            String id,
            String platform,
            String source,
            String receivedAt,
            long rows,
            long accepted,
            long duplicates,
            long rejected) {}

    @GetMapping("/platform")
    String home(@AuthenticationPrincipal GigrightsUser user, Model model) {
        String platform = user.viewer().platform();
        model.addAttribute("user", user);
        model.addAttribute(
                "batches",
                jdbc.sql("SELECT id::text, platform, source, to_char(received_at AT TIME ZONE 'Asia/Shanghai',"
                                + " 'YYYY-MM-DD HH24:MI:SS'), rows_read, accepted, duplicates, rejected FROM batch"
                                + " WHERE (?::text IS NULL OR platform = ?) ORDER BY received_at DESC LIMIT 100")
                        .params(platform, platform)
                        .query((rs, n) -> new BatchRow(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getLong(7),
                                rs.getLong(8)))
                        .list());
        return "platform";
    }

    @PostMapping("/platform/upload")
    String upload(@AuthenticationPrincipal GigrightsUser user, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        String platform = user.viewer().platform();
        if (platform == null) {
            throw new GigrightsException(ErrorCode.FORBIDDEN, "only a platform account uploads its own data");
        }
        String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        Input.Format format = EventsApi.format(null, name.toLowerCase().contains(".csv") ? "csv" : "jsonl");
        BatchReceipt receipt;
        try (InputStream in = file.getInputStream()) {
            receipt = reporting.receive(platform, Source.UPLOAD, format, in, null);
        }
        model.addAttribute("user", user);
        model.addAttribute("receipt", receipt);
        return "receipt";
    }
}
