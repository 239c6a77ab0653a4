package org.gigrights.server.selfservice.web;

import org.gigrights.server.cases.internal.CaseQueries;
import org.gigrights.server.findings.FindingFilter;
import org.gigrights.server.findings.FindingQueries;
import org.gigrights.server.identity.Accounts;
import org.gigrights.server.identity.GigrightsUser;
import org.gigrights.server.selfservice.internal.WorkerDayQueries;
import org.gigrights.server.shared.AuditLog;
import org.gigrights.server.shared.Masking;
import org.gigrights.server.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 我的权益: a worker's own days and findings, and their cases and the complaint button. */
@Controller
public class WorkerPage {
    private final WorkerDayQueries days;
    private final FindingQueries findings;
    private final Accounts accounts;
    private final AuditLog audit;
    private final CaseQueries cases;

    public WorkerPage(
            WorkerDayQueries days, FindingQueries findings, Accounts accounts, AuditLog audit, CaseQueries cases) {
        this.cases = cases;
        this.days = days;
        this.findings = findings;
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/me")
    String me(@AuthenticationPrincipal GigrightsUser user, Model model) {
        Viewer v = user.viewer();
        audit.record(v, "VIEW_OWN_RECORD", v.platform() + "/" + v.worker());
        var account = accounts.find(v.username()).orElseThrow();
        model.addAttribute("user", user);
        model.addAttribute("idNumber", Masking.idNumber(account.idNumber(), v));
        model.addAttribute("phone", Masking.phone(account.phone(), v));
        model.addAttribute("days", days.days(v.platform(), v.worker()));
        FindingFilter all = new FindingFilter(null, null, null, null, null, null, "date", true, 0, 200);
        model.addAttribute("findings", findings.list(v, all).items());
        model.addAttribute("cases", cases.list(v, null, null, 50));
        model.addAttribute("notices", cases.notices(v));
        return "me";
    }
}
