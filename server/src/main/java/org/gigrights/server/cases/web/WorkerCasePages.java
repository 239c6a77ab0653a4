package org.gigrights.server.cases.web;

import java.time.LocalDate;
import java.util.List;
import org.gigrights.server.cases.CaseDetail;
import org.gigrights.server.cases.Intake;
import org.gigrights.server.cases.Matter;
import org.gigrights.server.cases.internal.CaseIntake;
import org.gigrights.server.cases.internal.CaseMediation;
import org.gigrights.server.cases.internal.CaseQueries;
import org.gigrights.server.cases.internal.CaseStages;
import org.gigrights.server.findings.FindingFilter;
import org.gigrights.server.findings.FindingQueries;
import org.gigrights.server.identity.GigrightsUser;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The worker's side on the phone: file a complaint, follow every step in plain words, withdraw, rate. */
@Controller
public class WorkerCasePages {
    private final CaseIntake intake;
    private final CaseMediation mediation;
    private final CaseStages stages;
    private final CaseQueries queries;
    private final FindingQueries findings;

    public WorkerCasePages(
            CaseIntake intake,
            CaseMediation mediation,
            CaseStages stages,
            CaseQueries queries,
            FindingQueries findings) {
        this.intake = intake;
        this.mediation = mediation;
        this.stages = stages;
        this.queries = queries;
        this.findings = findings;
    }

    @GetMapping("/me/cases/new")
    String form(
            @AuthenticationPrincipal GigrightsUser user, @RequestParam(required = false) Long finding, Model model) {
        FindingFilter all = new FindingFilter(null, null, null, null, null, null, "date", true, 0, 200);
        model.addAttribute("user", user);
        model.addAttribute("matters", Matter.values());
        model.addAttribute("findings", findings.list(user.viewer(), all).items());
        model.addAttribute("preselected", finding);
        return "me-case-new";
    }

    @PostMapping("/me/cases")
    String file(
            @AuthenticationPrincipal GigrightsUser user,
            @RequestParam(defaultValue = "OTHER") Matter matter,
            @RequestParam String description,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "finding", required = false) List<Long> finding,
            @RequestParam(defaultValue = "false") boolean allFindings,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        var filed = intake.file(
                user.viewer(), new Intake(matter, description, from, to, finding, allFindings, Uploads.of(files)));
        return "redirect:/me/cases/" + filed.caseId() + (filed.linked() ? "?linked" : "?filed");
    }

    @GetMapping("/me/cases/{id}")
    String one(@AuthenticationPrincipal GigrightsUser user, @PathVariable long id, Model model) {
        CaseDetail d = queries.get(user.viewer(), id)
                .orElseThrow(() -> new GigrightsException(ErrorCode.NOT_FOUND, "no case " + id));
        model.addAttribute("user", user);
        model.addAttribute("d", d);
        model.addAttribute("c", d.c());
        return "me-case";
    }

    @PostMapping("/me/cases/{id}/withdraw")
    String withdraw(
            @AuthenticationPrincipal GigrightsUser user,
            @PathVariable long id,
            @RequestParam(required = false) String reason) {
        stages.withdraw(user.viewer(), id, reason);
        return "redirect:/me/cases/" + id;
    }

    /** The worker signs the mediator's draft agreement (the version shown on the page). */
    @PostMapping("/me/cases/{id}/agreement/sign")
    String sign(
            @AuthenticationPrincipal GigrightsUser user,
            @PathVariable long id,
            @RequestParam(required = false) Integer version) {
        mediation.signAgreement(user.viewer(), id, version);
        return "redirect:/me/cases/" + id;
    }

    /** The worker refuses the draft, saying why. */
    @PostMapping("/me/cases/{id}/agreement/refuse")
    String refuse(
            @AuthenticationPrincipal GigrightsUser user,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason) {
        mediation.refuseAgreement(user.viewer(), id, version, reason);
        return "redirect:/me/cases/" + id;
    }

    @PostMapping("/me/cases/{id}/rate")
    String rate(
            @AuthenticationPrincipal GigrightsUser user,
            @PathVariable long id,
            @RequestParam int rating,
            @RequestParam(required = false) String comment) {
        stages.evaluate(user.viewer(), id, rating, comment);
        return "redirect:/me/cases/" + id;
    }
}
