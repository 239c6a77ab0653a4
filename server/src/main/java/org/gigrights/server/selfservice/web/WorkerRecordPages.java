package org.gigrights.server.selfservice.web;

import java.util.List;
import org.gigrights.server.findings.FindingFilter;
import org.gigrights.server.findings.FindingQueries;
import org.gigrights.server.identity.GigrightsUser;
import org.gigrights.server.selfservice.internal.WorkerDayQueries;
import org.gigrights.server.shared.AuditLog;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.gigrights.server.shared.Masking;
import org.gigrights.server.shared.Scope;
import org.gigrights.server.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * For officials: the union mediator's home (workers and complaints in scope, read-only for now) and
 * one worker's record (days, findings, complaints). Every view of a worker's record is audited.
 */
@Controller
public class WorkerRecordPages {
    static final int PAGE = 50;

    private final WorkerDayQueries days;
    private final FindingQueries findings;
    private final AuditLog audit;

    public WorkerRecordPages(WorkerDayQueries days, FindingQueries findings, AuditLog audit) {
        this.days = days;
        this.findings = findings;
        this.audit = audit;
    }

    @GetMapping("/union")
    String union(
            @AuthenticationPrincipal GigrightsUser user,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Viewer v = user.viewer();
        Scope s = Scope.of(v, "d");
        int p = Math.max(0, page);
        long total = days.countWorkers(s.sql(), s.params());
        model.addAttribute("user", user);
        model.addAttribute("page", p);
        model.addAttribute("total", total);
        model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
        model.addAttribute("workers", days.workers(s.sql(), s.params(), PAGE, (long) p * PAGE));
        model.addAttribute("complaints", masked(days.complaintList(null, null, 20), v));
        return htmx != null ? "union :: workers" : "union";
    }

    @GetMapping("/workers/{platform}/{worker}")
    String worker(
            @AuthenticationPrincipal GigrightsUser user,
            @PathVariable String platform,
            @PathVariable String worker,
            Model model) {
        Viewer v = user.viewer();
        Scope s = Scope.of(v, "d");
        if (!days.inScope(platform, worker, s.sql(), s.params())) {
            throw new GigrightsException(ErrorCode.NOT_FOUND, "no worker " + platform + "/" + worker);
        }
        audit.record(v, "VIEW_WORKER", platform + "/" + worker);
        String[] numbers = days.personalNumbers(platform, worker).orElse(new String[2]);
        model.addAttribute("user", user);
        model.addAttribute("platform", platform);
        model.addAttribute("worker", worker);
        model.addAttribute("idNumber", Masking.idNumber(numbers[0], v));
        model.addAttribute("phone", Masking.phone(numbers[1], v));
        model.addAttribute("days", days.days(platform, worker));
        model.addAttribute(
                "findings",
                findings.list(v, new FindingFilter(null, platform, null, worker, null, null, "date", true, 0, 500))
                        .items());
        model.addAttribute("complaints", masked(days.complaintList(platform, worker, 100), v));
        return "worker";
    }

    /** Complaints with ID and phone numbers in their text masked for the viewer. */
    private static List<WorkerDayQueries.Complaint> masked(List<WorkerDayQueries.Complaint> list, Viewer v) {
        return list.stream()
                .map(c -> new WorkerDayQueries.Complaint(
                        c.id(),
                        c.platform(),
                        c.worker(),
                        c.findingId(),
                        Masking.text(c.text(), v),
                        c.createdAt(),
                        c.status()))
                .toList();
    }
}
