package org.gigrights.server.reporting.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.gigrights.engine.ingest.Input;
import org.gigrights.server.findings.FindingQueries;
import org.gigrights.server.findings.FindingView;
import org.gigrights.server.reporting.ApiSignature;
import org.gigrights.server.reporting.BatchReceipt;
import org.gigrights.server.reporting.Source;
import org.gigrights.server.reporting.internal.BatchRepository;
import org.gigrights.server.reporting.internal.ReportingService;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform data reporting API (数据报送). Every request is signed (AK/SK, see
 * {@link ApiSignature}); a platform reads and writes only its own data.
 */
@RestController
@RequestMapping("/api/v1")
public class EventsApi {
    private final ReportingService reporting;
    private final BatchRepository batches;
    private final FindingQueries findings;

    public EventsApi(ReportingService reporting, BatchRepository batches, FindingQueries findings) {
        this.reporting = reporting;
        this.batches = batches;
        this.findings = findings;
    }

    /**
     * Reports a batch of events as CSV ({@code text/csv}) or JSON Lines
     * ({@code application/x-ndjson}, {@code application/jsonl}); gzip by {@code Content-Encoding: gzip}
     * or by content. 201 for a new batch, 200 for a re-sent one.
     */
    @PostMapping("/events")
    public ResponseEntity<BatchReceipt> report(
            @RequestAttribute(ApiAuthFilter.PLATFORM) String platform,
            @RequestParam(name = "format", required = false) String format,
            HttpServletRequest request)
            throws IOException {
        Input.Format f = format(format, request.getContentType());
        BatchReceipt r = reporting.receive(
                platform, Source.API, f, request.getInputStream(), request.getHeader(ApiSignature.CONTENT_SHA256));
        return ResponseEntity.status(r.replay() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(r);
    }

    /** One of the platform's batches; another platform's batch is not found. */
    @GetMapping("/batches/{id}")
    public BatchReceipt batch(@RequestAttribute(ApiAuthFilter.PLATFORM) String platform, @PathVariable UUID id) {
        return batches.get(id)
                .filter(b -> b.platform().equals(platform))
                .orElseThrow(() -> new GigrightsException(ErrorCode.NOT_FOUND, "no batch " + id));
    }

    /** The platform's open findings. */
    @GetMapping("/findings")
    public List<FindingView> findings(@RequestAttribute(ApiAuthFilter.PLATFORM) String platform) {
        return findings.ofPlatform(platform);
    }

    /** The format of a body, from an explicit parameter or the content type. */
    public static Input.Format format(String explicit, String contentType) {
        String s = (explicit != null ? explicit : contentType == null ? "" : contentType).toLowerCase(Locale.ROOT);
        if (s.contains("csv")) {
            return Input.Format.CSV;
        }
        if (s.contains("jsonl") || s.contains("ndjson") || s.contains("json")) {
            return Input.Format.JSONL;
        }
        throw new GigrightsException(
                ErrorCode.UNSUPPORTED_FORMAT, "send text/csv or application/x-ndjson (or ?format=csv|jsonl)");
    }
}
