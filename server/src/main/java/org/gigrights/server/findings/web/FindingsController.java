package org.gigrights.server.findings.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.gigrights.server.findings.Districts;
import org.gigrights.server.findings.FindingFilter;
import org.gigrights.server.findings.FindingQueries;
import org.gigrights.server.findings.FindingView;
import org.gigrights.server.identity.GigrightsUser;
import org.gigrights.server.shared.AuditLog;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.gigrights.server.shared.Masking;
import org.gigrights.server.shared.TableExport;
import org.gigrights.server.shared.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The finding list (filter, sort, page, export) and one finding with its evidence and history. */
@Controller
public class FindingsController {
    private final FindingQueries queries;
    private final AuditLog audit;

    public FindingsController(FindingQueries queries, AuditLog audit) {
        this.queries = queries;
        this.audit = audit;
    }

    static FindingFilter filter(
            String rule,
            String platform,
            String district,
            String worker,
            LocalDate from,
            LocalDate to,
            String sort,
            String dir,
            int page) {
        return new FindingFilter(
                rule, platform, district, worker, from, to, sort == null ? "date" : sort, !"asc".equals(dir), page, 50);
    }

    @GetMapping("/findings")
    String list(
            @AuthenticationPrincipal GigrightsUser user,
            @RequestParam(required = false) String rule,
            @RequestParam(required = false) String platform,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String worker,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        FindingFilter f = filter(rule, platform, district, worker, from, to, sort, dir, page);
        model.addAttribute("user", user);
        model.addAttribute("filter", f);
        model.addAttribute("page", queries.list(user.viewer(), f));
        model.addAttribute("districts", Districts.all());
        // htmx asks for the results only: filtering, sorting and paging swap them in place.
        return htmx != null ? "findings :: results" : "findings";
    }

    @GetMapping("/findings/{id}")
    String one(@AuthenticationPrincipal GigrightsUser user, @PathVariable long id, Model model) {
        FindingView f = queries.get(user.viewer(), id)
                .orElseThrow(() -> new GigrightsException(ErrorCode.NOT_FOUND, "no finding " + id));
        audit.record(user.viewer(), "VIEW_FINDING", f.platform() + "/" + f.worker() + "/finding " + id);
        model.addAttribute("user", user);
        model.addAttribute("f", f);
        model.addAttribute("evidence", queries.evidence(f));
        model.addAttribute("history", queries.history(id));
        return "finding";
    }

    /**
     * The filtered list as CSV (UTF-8 with BOM) or Excel; formula-like text is escaped, and the
     * export is written to the audit log (it names workers).
     */
    @GetMapping("/findings/export.{ext}")
    void export(
            @AuthenticationPrincipal GigrightsUser user,
            @PathVariable String ext,
            @RequestParam(required = false) String rule,
            @RequestParam(required = false) String platform,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String worker,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        TableExport.Format format = TableExport.Format.of(ext);
        FindingFilter f = filter(rule, platform, district, worker, from, to, "date", "asc", 0);
        Viewer v = user.viewer();
        audit.record(
                v,
                "EXPORT_FINDINGS_" + format.name(),
                "rule=" + rule + " platform=" + platform + " district=" + district + " worker=" + worker + " from="
                        + from + " to=" + to);
        TableExport.write(
                format,
                "findings",
                HEADER,
                rows -> queries.each(
                        v,
                        f,
                        x -> rows.row(
                                x.id(),
                                x.rule(),
                                x.severity(),
                                x.platform(),
                                x.worker(),
                                x.date().toString(),
                                x.districtName(),
                                x.value(),
                                x.threshold(),
                                x.citation(),
                                Masking.text(x.message(), v),
                                String.join(";", x.evidence()))),
                response);
    }

    static final List<String> HEADER = List.of(
            "id",
            "rule",
            "severity",
            "platform",
            "worker",
            "date",
            "district",
            "value",
            "threshold",
            "citation",
            "message",
            "evidence");
}
